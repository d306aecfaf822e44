package org.homeward.rules;

/**
 * Something that kept a result open: a fact that is unknown, a date known only to the month or
 * year, or a point the rules leave to an attorney. {@code path} is the catalogue path
 * ({@code entries[].date}); {@code at} the concrete one ({@code entries[0].date}) or the review note;
 * {@code question} the catalogue's question for the fact (or the review note).
 */
public record Missing(Kind kind, String path, String at, String question) {

  /** Why the result stayed open. */
  public enum Kind {
    /** The fact is unknown. */
    UNKNOWN,
    /** The fact is known only roughly (a year or month, or an age): the exact date would settle it. */
    INEXACT,
    /** The rules defer this point to an attorney. */
    REVIEW;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
