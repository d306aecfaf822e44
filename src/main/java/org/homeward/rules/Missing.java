package org.homeward.rules;

/**
 * Something that kept a result open: a fact that is unknown, a date known only to the month or
 * year, or a point the rules leave to an attorney. For a fact, {@code path} is the catalogue path
 * ({@code entries[].date}), {@code at} the concrete one ({@code entries[0].date}) and {@code question}
 * the catalogue's question. For an attorney-review point, {@code path} is the point's id and
 * {@code at} and {@code question} its note.
 */
public record Missing(Kind kind, String path, String at, String question) {

  /** An attorney-review point. */
  public static Missing review(String id, String note) {
    return new Missing(Kind.REVIEW, id, note, note);
  }

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

  /** Whether this is a fact someone can be asked for (not an attorney-review point). */
  public boolean isFact() {
    return kind != Kind.REVIEW;
  }
}
