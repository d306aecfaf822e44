package org.homeward.person;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date known to the year, the month or the day. It stands for the interval of days it names:
 * {@code 2007} is 2007-01-01 to 2007-12-31. Immutable; the interval's first and last days are
 * worked out once, when the date is made, because the evaluator reads them for every comparison.
 */
public final class PartialDate {
  private final int year;
  private final int month;
  private final int day;
  private final long firstEpochDay;
  private final long lastEpochDay;

  /** A date; {@code month} and {@code day} are 0 when not known. */
  public PartialDate(int year, int month, int day) {
    this.year = year;
    this.month = month;
    this.day = day;
    this.firstEpochDay = first().toEpochDay();
    this.lastEpochDay = last().toEpochDay();
  }

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; returns null when it is not one.
   */
  public static PartialDate parse(String text) {
    String s = text.trim();
    int n = s.length();
    if ((n != 4 && n != 7 && n != 10) || !digits(s, 0, 4)) {
      return null;
    }
    int y = Integer.parseInt(s, 0, 4, 10);
    if (n == 4) {
      return checked(y, 0, 0);
    }
    if (s.charAt(4) != '-' || !digits(s, 5, 7)) {
      return null;
    }
    int m = Integer.parseInt(s, 5, 7, 10);
    if (m < 1 || m > 12) {
      return null;
    }
    if (n == 7) {
      return checked(y, m, 0);
    }
    if (s.charAt(7) != '-' || !digits(s, 8, 10)) {
      return null;
    }
    int d = Integer.parseInt(s, 8, 10, 10);
    if (d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
      return null;
    }
    return checked(y, m, d);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static PartialDate checked(int y, int m, int d) {
    return y >= 1800 && y <= 2200 ? new PartialDate(y, m, d) : null;
  }

  /** An exact date. */
  public static PartialDate of(LocalDate d) {
    return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  public int year() {
    return year;
  }

  /** The month, or 0 when only the year is known. */
  public int month() {
    return month;
  }

  /** The day of the month, or 0 when only the year or month is known. */
  public int day() {
    return day;
  }

  public boolean isExact() {
    return day != 0;
  }

  /** The first day the date may be. */
  public LocalDate first() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day the date may be. */
  public LocalDate last() {
    if (day != 0) {
      return LocalDate.of(year, month, day);
    }
    if (month != 0) {
      return YearMonth.of(year, month).atEndOfMonth();
    }
    return LocalDate.of(year, 12, 31);
  }

  /** {@link #first()} as an epoch day. */
  public long firstEpochDay() {
    return firstEpochDay;
  }

  /** {@link #last()} as an epoch day. */
  public long lastEpochDay() {
    return lastEpochDay;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialDate d && d.year == year && d.month == month && d.day == day;
  }

  @Override
  public int hashCode() {
    return (year * 31 + month) * 31 + day;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(10);
    pad(out, year, 4);
    if (month != 0) {
      pad(out.append('-'), month, 2);
      if (day != 0) {
        pad(out.append('-'), day, 2);
      }
    }
    return out.toString();
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
