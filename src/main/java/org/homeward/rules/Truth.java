package org.homeward.rules;

/**
 * Three-valued (Kleene) truth: a false decides an {@code and}, a true decides an {@code or}, even
 * against unknown.
 */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Truth and(Truth o) {
    if (this == FALSE || o == FALSE) {
      return FALSE;
    }
    return this == TRUE && o == TRUE ? TRUE : UNKNOWN;
  }

  public Truth or(Truth o) {
    if (this == TRUE || o == TRUE) {
      return TRUE;
    }
    return this == FALSE && o == FALSE ? FALSE : UNKNOWN;
  }

  public Truth not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }

  public boolean isKnown() {
    return this != UNKNOWN;
  }

  /** The word used in reports and rule tests: met, not_met, unknown. */
  public String word() {
    return switch (this) {
      case TRUE -> "met";
      case FALSE -> "not_met";
      case UNKNOWN -> "unknown";
    };
  }
}
