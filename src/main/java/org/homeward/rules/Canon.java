package org.homeward.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * The missing facts a rule set can name ahead, each made once as the rules load and numbered by
 * where it is ({@code at}): an unknown and an inexact {@code entries[0].date} share a number, as a
 * report names each place once.
 */
final class Canon {
  private final Map<Missing, Missing> known = new HashMap<>();
  private final Map<String, Integer> places = new HashMap<>();

  /** The one instance of this missing fact, numbered. */
  Missing of(Missing m) {
    return known.computeIfAbsent(m, k -> k.numbered(places.computeIfAbsent(k.at(), a -> places.size()), known.size()));
  }

  /** How many places are numbered. */
  int places() {
    return places.size();
  }

  /** How many missing facts are numbered. */
  int size() {
    return known.size();
  }
}
