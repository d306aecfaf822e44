package org.homeward.ruletest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates the lines of a rule or test file for fuzzing (RuleFilesFuzzTest, bench/RuleFuzz.java):
 * one to three lines get another value (a map, a list, a number, null, a word), another key of the
 * rule language, or are deleted or doubled.
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

  /** Keys of rule and test files: a line's key replaced by one of them drives the compiler. */
  private static final String[] KEYS = {
    "all",
    "any",
    "not",
    "exists",
    "every",
    "where",
    "ref",
    "count",
    "distinct",
    "named_by",
    "left",
    "op",
    "right",
    "when",
    "value",
    "fact",
    "param",
    "review",
    "if",
    "id",
    "over",
    "category",
    "path",
    "barrier",
    "cases",
    "otherwise",
    "earliest",
    "sum",
    "total_days",
    "start",
    "end",
    "from",
    "to",
    "values",
    "type",
    "items",
    "on",
    "birthday",
    "overlaps",
    "never",
    "coverage",
    "encoded",
    "opens_on",
    "lead",
    "citation",
    "missing",
    "criteria",
    "outcome",
    "base",
    "facts"
  };

  private RuleFileMutator() {}

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
      } else if (how <= 3 && line.matches("^\\s*(- )?[a-z_]+:.*")) {
        out.set(at, line.replaceFirst("[a-z_]+:", KEYS[r.nextInt(KEYS.length)] + ":"));
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
