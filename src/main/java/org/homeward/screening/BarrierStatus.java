package org.homeward.screening;

import java.util.Locale;

/** A barrier flag's status; the machine words are part of the JSON contract. */
public enum BarrierStatus {
  ACTIVE,
  POSSIBLE,
  EXPIRED,
  NOT_TRIGGERED;

  /** The word, made once: it is written for every result of every row. */
  private final String word = name().toLowerCase(Locale.ROOT);

  public String word() {
    return word;
  }
}
