package org.homeward.facts;

import java.util.Locale;

/** The value types a fact can have. */
public enum FactType {
  STRING("text"),
  DATE("date (YYYY, YYYY-MM or YYYY-MM-DD)"),
  NUMBER("number"),
  BOOLEAN("true or false"),
  ENUM("one of the allowed values"),
  COUNTRY("two-letter country code (ISO 3166-1 alpha-2)"),
  STATE("two-letter U.S. state code"),
  LIST("list"),
  RECORD("object");

  private final String expected;

  FactType(String expected) {
    this.expected = expected;
  }

  /** How the type reads in "expected ..." messages. */
  public String expected() {
    return expected;
  }

  /** The catalogue's word for the type. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether values of this type compare as plain words (enum, country, state, string). */
  public boolean isWordLike() {
    return this == STRING || this == ENUM || this == COUNTRY || this == STATE;
  }

  /** Parses the catalogue's word for a type, or returns null. */
  public static FactType parse(String word) {
    for (FactType t : values()) {
      if (t.word().equals(word)) {
        return t;
      }
    }
    return null;
  }
}
