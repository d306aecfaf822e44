package org.homeward.screening;

import java.util.Locale;

/** A barrier flag's status; the machine words are part of the JSON contract. */
public enum BarrierStatus {
  ACTIVE,
  POSSIBLE,
  EXPIRED,
  NOT_TRIGGERED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
