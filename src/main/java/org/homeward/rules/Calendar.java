package org.homeward.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Calendar arithmetic on day intervals. Dates are epoch days held in doubles; infinity stands for
 * "no bound". A 29 February birthday falls on 1 March in common years, as the brief directs.
 */
final class Calendar {
  private Calendar() {}

  static double addYears(double day, long years) {
    if (Double.isInfinite(day)) {
      return day;
    }
    LocalDate d = LocalDate.ofEpochDay((long) day);
    LocalDate r = d.plusYears(years);
    if (d.getMonthValue() == 2 && d.getDayOfMonth() == 29 && r.getDayOfMonth() == 28) {
      r = r.plusDays(1);
    }
    return r.toEpochDay();
  }

  static Val addYears(Val v, long years) {
    return Val.range(addYears(v.lo, years), addYears(v.hi, years));
  }

  static Val addDays(Val v, long days) {
    return Val.range(v.lo + days, v.hi + days);
  }

  /** Whole years from {@code from} to {@code to}, as an interval over both intervals. */
  static Val yearsBetween(Val from, Val to) {
    double lo =
        Double.isInfinite(from.hi) || Double.isInfinite(to.lo)
            ? Double.NEGATIVE_INFINITY
            : years(from.hi, to.lo);
    double hi =
        Double.isInfinite(from.lo) || Double.isInfinite(to.hi)
            ? Double.POSITIVE_INFINITY
            : years(from.lo, to.hi);
    return Val.range(lo, hi);
  }

  /** Days from {@code from} to {@code to}, as an interval. */
  static Val daysBetween(Val from, Val to) {
    return Val.range(to.lo - from.hi, to.hi - from.lo);
  }

  private static double years(double from, double to) {
    return ChronoUnit.YEARS.between(
        LocalDate.ofEpochDay((long) from), LocalDate.ofEpochDay((long) to));
  }

  static String format(double day) {
    return LocalDate.ofEpochDay((long) day).toString();
  }
}
