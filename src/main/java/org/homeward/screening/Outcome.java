package org.homeward.screening;

import java.util.Locale;

/** A category's screening outcome; the machine words are part of the JSON contract. */
public enum Outcome {
  MAY_FIT,
  NEEDS_INFO,
  DOES_NOT_FIT;

  /** The word, made once: it is written for every result of every row. */
  private final String word = name().toLowerCase(Locale.ROOT);

  /** {@code may_fit}, {@code needs_info} or {@code does_not_fit}. */
  public String word() {
    return word;
  }
}
