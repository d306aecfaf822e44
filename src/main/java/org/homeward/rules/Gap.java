package org.homeward.rules;

/**
 * A missing fact as noted while conditions are evaluated. Most are dropped again as soon as a later
 * part decides the result, so a fact inside a list keeps only the item indexes it was read at, and
 * its concrete path ({@code entries[0].date}) is built only if the fact is kept.
 */
final class Gap {
  private final Missing ready;
  private final FactRef fact;
  private final Missing.Kind kind;
  private final int[] indexes;

  /**
   * A missing fact whose description is already known (a fact outside any list, a review point).
   */
  Gap(Missing ready) {
    this(ready, null, null, null);
  }

  /** A fact read inside a list, at the given item index per slot. */
  Gap(FactRef fact, Missing.Kind kind, int[] indexes) {
    this(null, fact, kind, indexes);
  }

  private Gap(Missing ready, FactRef fact, Missing.Kind kind, int[] indexes) {
    this.ready = ready;
    this.fact = fact;
    this.kind = kind;
    this.indexes = indexes;
  }

  /** The missing fact, with its concrete path. */
  Missing missing() {
    return ready != null ? ready : fact.missing(kind, indexes);
  }

  /** The number of the place this missing fact is at, when the rules named it ahead; else -1. */
  int place() {
    return ready != null ? ready.id() : -1;
  }
}
