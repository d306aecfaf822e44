package org.homeward.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Spanish twin of every human-facing English text of a rule set, as the rule files give it
 * beside the English ({@code es:}). Looked up by the English text itself, so a report or the
 * interview translates whatever text a result carries; a text without a twin stays English (and a
 * test lists it). Legal citations are never translated.
 */
public final class Translations {
  private final Map<String, String> spanish = new LinkedHashMap<>();
  private final Set<String> english = new LinkedHashSet<>();

  /** Records a human-facing English text, which should have a Spanish twin. */
  public void need(String en) {
    if (en != null && !en.isBlank()) {
      english.add(en);
    }
  }

  /** Records the Spanish twin of an English text. */
  public void add(String en, String es) {
    if (en != null && es != null && !es.isBlank()) {
      spanish.put(en, es.strip());
    }
  }

  /** Everything the other holds, added to this. */
  public void addAll(Translations other) {
    english.addAll(other.english);
    spanish.putAll(other.spanish);
  }

  /**
   * The text in the language: the Spanish twin for {@code es} when there is one, else the English.
   */
  public String get(String en, String lang) {
    if (en == null || !"es".equals(lang)) {
      return en;
    }
    return spanish.getOrDefault(en, en);
  }

  /** The human-facing English texts that have no Spanish twin, in the order they were met. */
  public List<String> untranslated() {
    List<String> out = new ArrayList<>();
    for (String en : english) {
      if (!spanish.containsKey(en)) {
        out.add(en);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** How many human-facing texts there are. */
  public int size() {
    return english.size();
  }
}
