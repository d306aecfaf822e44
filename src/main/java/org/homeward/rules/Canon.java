package org.homeward.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * What a rule set numbers as it loads: the missing facts it can name ahead, each made once and
 * numbered by where it is ({@code at}; an unknown and an inexact {@code entries[0].date} share a
 * number, as a report names each place once), and the memo entries of its definitions.
 */
final class Canon {
  private final Map<Missing, Missing> known = new HashMap<>();
  private final Map<String, Integer> places = new HashMap<>();

  /** The one instance of this missing fact, numbered. */
  Missing of(Missing m) {
    return known.computeIfAbsent(
        m, k -> k.numbered(places.computeIfAbsent(k.at(), a -> places.size()), known.size()));
  }

  /** How many places are numbered. */
  int places() {
    return places.size();
  }

  /** How many missing facts are numbered. */
  int size() {
    return known.size();
  }

  private final Map<String, Integer> memos = new HashMap<>();
  private int memoSize;

  /**
   * The first of {@code width} memo entries kept for a definition, the same for every use of it:
   * one for a definition of the person, one per item for a definition of a list's items.
   */
  int memo(String definition, int width) {
    return memos.computeIfAbsent(
        definition,
        d -> {
          int base = memoSize;
          memoSize += width;
          return base;
        });
  }

  /** How many memo entries a person's evaluation may fill. */
  int memoSize() {
    return memoSize;
  }
}
