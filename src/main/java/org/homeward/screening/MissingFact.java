package org.homeward.screening;

import org.homeward.rules.Missing;

/** A fact that would settle an open result, with the question that asks for it. */
public record MissingFact(Missing.Kind kind, String path, String at, String question) {
  /** What the question of a fact known only roughly starts with. */
  public static final String EXACT = "Exact date needed. ";

  /**
   * The question without the exact-date preface: the catalogue's (or the review note) as written.
   */
  public String bare() {
    return kind == Missing.Kind.INEXACT && question.startsWith(EXACT)
        ? question.substring(EXACT.length())
        : question;
  }

  /** The missing fact as reported: the catalogue's question, or one made from the path. */
  static MissingFact of(Missing m) {
    return new MissingFact(m.kind(), m.path(), m.at(), question(m));
  }

  private static String question(Missing m) {
    if (m.kind() == Missing.Kind.REVIEW) {
      return m.at();
    }
    String q = m.question() == null ? "What is " + m.path() + "?" : m.question();
    return m.kind() == Missing.Kind.INEXACT ? EXACT + q : q;
  }
}
