package org.homeward.document;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Spanish twin of a rule or fact file ({@code rule.es.yaml} beside {@code rule.yaml}), keyed by
 * the ids of the English file: correcting an English text never orphans its translation, and a twin
 * whose id the English file no longer has is reported. Each English text met is paired with its
 * twin in the shared {@link Translations}; a text without one is counted as untranslated.
 *
 * <p>Layout: the file's own {@code title} and {@code summary} at the top, then sections of ids,
 * each holding the translated keys ({@code criteria: {arrived-before-16: {text: ..., question:
 * ...}}}), or the text itself where an id has one text ({@code reviews: {long-trip: ...}}).
 */
public final class SpanishTwin {
  private final Node.Mapping root;
  private final Translations translations;
  private final List<Diagnostic> problems;
  private final Set<String> used = new HashSet<>();

  /** The section each English text is in, by its id and key ({@code arrived-before-16/text}). */
  private final Map<String, String> englishSection = new HashMap<>();

  /**
   * Twins not claimed in their own section whose id and key an English text has in another, by the
   * pair of sections: where the first is and how many.
   */
  private final Map<Sections, Misplaced> misplaced = new LinkedHashMap<>();

  /** The section a twin is under, and the one the English file has its id in. */
  private record Sections(String twin, String english) {}

  private static final class Misplaced {
    final Location first;
    final String address;
    int count;

    Misplaced(Location first, String address) {
      this.first = first;
      this.address = address;
    }
  }

  /** A twin read from {@code doc} (null when the file has none). */
  public SpanishTwin(Node doc, Translations translations, List<Diagnostic> problems) {
    this.translations = translations;
    this.problems = problems;
    if (doc == null || doc instanceof Node.Scalar s && s.isNull()) {
      this.root = null;
    } else if (doc instanceof Node.Mapping m) {
      this.root = m;
    } else {
      problems.add(
          Diagnostic.error(doc.location(), "a Spanish twin file is a map of sections keyed by id"));
      this.root = null;
    }
  }

  /** The file's own text ({@code title}, {@code summary}). */
  public void own(String key, String english) {
    pair(english, root == null ? null : root.get(key), key);
  }

  /**
   * A text of the item {@code id} in {@code section}: {@code key} names which of its texts, or is
   * null when the item has just one ({@code reviews}).
   */
  public void text(String section, String id, String key, String english) {
    Node n = root == null ? null : root.get(section);
    n = n instanceof Node.Mapping sm ? sm.get(id) : null;
    if (key != null) {
      n = n instanceof Node.Mapping im ? im.get(key) : null;
    }
    String rest = id + (key == null ? "" : "/" + key);
    englishSection.putIfAbsent(rest, section);
    pair(english, n, section + "/" + rest);
  }

  private void pair(String english, Node spanish, String address) {
    if (english == null || english.isBlank()) {
      return;
    }
    translations.need(english);
    if (spanish == null) {
      return;
    }
    used.add(address);
    if (spanish instanceof Node.Scalar s && !s.isNull() && !s.text().isBlank()) {
      translations.add(english, s.text());
    } else {
      problems.add(Diagnostic.error(spanish.location(), "expected the Spanish text here"));
    }
  }

  /**
   * Reports every twin that no English text of the file has claimed: its id is gone or misspelt.
   * Only when {@code englishWhole}: the English file read without errors and every condition in it
   * compiled. Otherwise the texts inside what could not be read were never met, and their twins
   * would be reported as orphans after the one problem that lost them.
   */
  public void finish(boolean englishWhole) {
    if (root == null || !englishWhole) {
      return;
    }
    for (Map.Entry<String, Node> e : root.entries().entrySet()) {
      if (e.getValue() instanceof Node.Mapping section
          && !section.entries().isEmpty()
          && used.stream().noneMatch(a -> a.startsWith(e.getKey() + "/"))
          && section.entries().entrySet().stream().noneMatch(this::textElsewhere)) {
        // not one text of the section is claimed, nor found in another: its name is wrong
        problems.add(
            Diagnostic.error(
                root.keyLocation(e.getKey()),
                "no English text is in a section '"
                    + e.getKey()
                    + "', so none of the Spanish twins under it translates anything; "
                    + "rename it to the section it translates, or remove it"));
        continue;
      }
      if (e.getValue() instanceof Node.Mapping section) {
        for (Map.Entry<String, Node> item : section.entries().entrySet()) {
          String base = e.getKey() + "/" + item.getKey();
          if (item.getValue() instanceof Node.Mapping keys) {
            for (String k : keys.entries().keySet()) {
              orphan(base + "/" + k, keys.keyLocation(k));
            }
          } else {
            orphan(base, section.keyLocation(item.getKey()));
          }
        }
      } else {
        orphan(e.getKey(), root.keyLocation(e.getKey()));
      }
    }
    misplaced();
  }

  /** Whether an item of a twin section has a text in some section of the English file. */
  private boolean textElsewhere(Map.Entry<String, Node> item) {
    if (item.getValue() instanceof Node.Mapping keys) {
      return keys.entries().keySet().stream()
          .anyMatch(k -> englishSection.containsKey(item.getKey() + "/" + k));
    }
    return englishSection.containsKey(item.getKey());
  }

  private void orphan(String address, Location at) {
    if (used.contains(address)) {
      return;
    }
    int slash = address.indexOf('/');
    String section = slash < 0 ? null : address.substring(0, slash);
    String elsewhere = slash < 0 ? null : englishSection.get(address.substring(slash + 1));
    if (elsewhere != null && !elsewhere.equals(section)) {
      // its id is a text of another section: counted, and said once per pair of sections
      misplaced.computeIfAbsent(new Sections(section, elsewhere), k -> new Misplaced(at, address))
          .count++;
      return;
    }
    problems.add(
        Diagnostic.error(
            at,
            "the Spanish twin '"
                + address
                + "' has no English text with that id; "
                + "rename it to the id it translates, or remove it"));
  }

  /**
   * One message for the twins under a section whose ids are texts of another section: most often
   * that section's own line is missing above them, so they joined the section before it.
   */
  private void misplaced() {
    misplaced.forEach(
        (sections, m) -> {
          String section = sections.twin();
          String elsewhere = sections.english();
          problems.add(
              Diagnostic.error(
                  m.first,
                  m.count == 1
                      ? "the Spanish twin '"
                          + m.address
                          + "' has no English text with that id in '"
                          + section
                          + "'; the English text with that id is under '"
                          + elsewhere
                          + "': move it there"
                      : m.count
                          + " Spanish twins under '"
                          + section
                          + "', from here on, are texts of '"
                          + elsewhere
                          + "' in the English file: is the line '"
                          + elsewhere
                          + ":' missing above this one, or '"
                          + section
                          + "' misspelt?"));
        });
  }
}
