package org.homeward.rules;

import java.util.Objects;

/**
 * Something that kept a result open: a fact that is unknown, a date known only to the month or
 * year, or a point the rules leave to an attorney. For a fact, {@code path} is the catalogue path
 * ({@code entries[].date}), {@code at} the concrete one ({@code entries[0].date}) and {@code
 * question} the catalogue's question. For an attorney-review point, {@code path} is the point's id
 * and {@code at} and {@code question} its note.
 *
 * <p>The missing facts a rule set can name ahead (a fact outside any list, the first items of a
 * list, a review point) are made once when the rules load, numbered by where they are (the same
 * {@link #id()} for every kind of missing fact at one place), so that screening many people names
 * them without allocating and tells the places apart by number; the rest have no id (-1). Two
 * missing facts are equal when they say the same, whatever their ids.
 */
public final class Missing {
  private final Kind kind;
  private final String path;
  private final String at;
  private final String question;
  private final int id;
  private final int serial;

  public Missing(Kind kind, String path, String at, String question) {
    this(kind, path, at, question, -1, -1);
  }

  Missing(Kind kind, String path, String at, String question, int id, int serial) {
    this.kind = kind;
    this.path = path;
    this.at = at;
    this.question = question;
    this.id = id;
    this.serial = serial;
  }

  /** An attorney-review point. */
  public static Missing review(String id, String note) {
    return new Missing(Kind.REVIEW, id, note, note);
  }

  /** Why the result stayed open. */
  public enum Kind {
    /** The fact is unknown. */
    UNKNOWN,
    /**
     * The fact is known only roughly (a year or month, or an age): the exact date would settle it.
     */
    INEXACT,
    /** The rules defer this point to an attorney. */
    REVIEW;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Kind kind() {
    return kind;
  }

  public String path() {
    return path;
  }

  public String at() {
    return at;
  }

  public String question() {
    return question;
  }

  /**
   * The number the rule set gave this missing fact's place when it loaded (0 up to its count), or
   * -1.
   */
  public int id() {
    return id;
  }

  /**
   * The number of this missing fact itself among those the rule set names ahead (0 up to their
   * count), or -1.
   */
  public int serial() {
    return serial;
  }

  /** Whether this is a fact someone can be asked for (not an attorney-review point). */
  public boolean isFact() {
    return kind != Kind.REVIEW;
  }

  Missing numbered(int id, int serial) {
    return new Missing(kind, path, at, question, id, serial);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Missing m
        && kind == m.kind
        && path.equals(m.path)
        && at.equals(m.at)
        && Objects.equals(question, m.question);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, path, at, question);
  }

  @Override
  public String toString() {
    return "Missing[kind=" + kind + ", path=" + path + ", at=" + at + "]";
  }
}
