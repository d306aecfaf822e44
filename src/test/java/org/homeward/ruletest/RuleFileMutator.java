package org.homeward.ruletest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates the lines of a rule or test file for fuzzing (RuleFilesFuzzTest, bench/RuleFuzz.java):
 * one to three lines get another value (a map, a list, a number, null, a word), another key of the
 * same file, or are deleted or doubled.
 */
public final class RuleFileMutator {
  private static final String[] VALUES = {
    "{a: 1}",
    "[1, 2]",
    "''",
    "null",
    "-3",
    "[]",
    "{}",
    "[{x: y}]",
    "'2007'",
    "true",
    "x",
    "2007-13-45",
    "[met]"
  };

  /** A line that starts with a key (a list item's too): {@code when:}, {@code - id: x}. */
  private static final Pattern KEYED = Pattern.compile("^\\s*(- )?[a-z_]+:.*");

  private RuleFileMutator() {}

  /** A key anywhere in a line, a flow map's too: {@code when: {ref: x}} holds when and ref. */
  private static final Pattern KEY = Pattern.compile("([a-z_]+):");

  /**
   * One of the keys in a line, or {@code when} when it has none: a key swapped in comes from the
   * file itself, so the keys of the rule language are tried without a list of them here.
   */
  private static String keyOf(String line, Random r) {
    List<String> keys = new ArrayList<>();
    for (Matcher m = KEY.matcher(line); m.find(); ) {
      keys.add(m.group(1));
    }
    return keys.isEmpty() ? "when" : keys.get(r.nextInt(keys.size()));
  }

  /** A copy of {@code lines} with one to three of them changed. */
  public static List<String> mutate(List<String> lines, Random r) {
    List<String> out = new ArrayList<>(lines);
    for (int k = 1 + r.nextInt(3); k > 0 && !out.isEmpty(); k--) {
      int at = r.nextInt(out.size());
      String line = out.get(at);
      int how = r.nextInt(8);
      int colon = line.indexOf(": ");
      if (how == 0) {
        out.remove(at);
      } else if (how == 1) {
        out.add(at, line);
      } else if (how <= 3 && KEYED.matcher(line).matches()) {
        out.set(at, line.replaceFirst("[a-z_]+:", keyOf(out.get(r.nextInt(out.size())), r) + ":"));
      } else {
        String value = VALUES[r.nextInt(VALUES.length)];
        if (line.trim().startsWith("- ")) {
          out.set(at, line.substring(0, line.indexOf("- ") + 2) + value);
        } else if (colon > 0) {
          out.set(at, line.substring(0, colon + 2) + value);
        } else if (line.trim().endsWith(":")) {
          out.set(at, line + " " + value);
        }
      }
    }
    return out;
  }
}
