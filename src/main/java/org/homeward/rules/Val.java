package org.homeward.rules;

/**
 * A value while a condition is evaluated. Dates (as epoch days) and numbers are closed intervals
 * [lo, hi], so a partial date or a range of possible counts is one value; words and booleans are
 * either known or unknown.
 */
final class Val {
  static final Val UNKNOWN_WORD = new Val(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
  static final Val UNKNOWN_RANGE =
      new Val(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);

  /** The two booleans, made once: boolean facts are read often. */
  private static final Val YES = new Val(0, 0, Boolean.TRUE);

  private static final Val NO = new Val(0, 0, Boolean.FALSE);

  /** The earliest or latest of no items: compares false with everything. */
  static final Val NONE = new Val(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null);

  final double lo;
  final double hi;
  final Object word;

  /** True when there may be no such date at all (the earliest of items that may not qualify). */
  final boolean maybeNone;

  private Val(double lo, double hi, Object word) {
    this(lo, hi, word, false);
  }

  private Val(double lo, double hi, Object word, boolean maybeNone) {
    this.lo = lo;
    this.hi = hi;
    this.word = word;
    this.maybeNone = maybeNone;
  }

  /** A date in [lo, hi], or possibly no date at all. */
  static Val rangeOrNone(double lo, double hi) {
    return new Val(lo, hi, null, true);
  }

  static Val range(double lo, double hi) {
    return new Val(lo, hi, null);
  }

  static Val point(double v) {
    return new Val(v, v, null);
  }

  static Val word(Object w) {
    if (w instanceof Boolean b) {
      return b ? YES : NO;
    }
    return w == null ? UNKNOWN_WORD : new Val(0, 0, w);
  }

  boolean isPoint() {
    return lo == hi;
  }

  boolean isUnbounded() {
    return lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY;
  }
}
