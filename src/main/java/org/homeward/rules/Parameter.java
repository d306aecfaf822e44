package org.homeward.rules;

import java.util.List;
import org.homeward.document.Location;

/**
 * A dated parameter of a rule file: a threshold, cut-off date, age, count of days or years, or list
 * of periods that the law sets, each value with the date it took effect and the citation for it. A
 * {@code screening} parameter is not law but a threshold the rules chose to send cases to review.
 */
public record Parameter(
    String id,
    String text,
    Operand.Type type,
    List<Value> values,
    boolean screening,
    Location location) {

  /** One value and the day (epoch day; {@code -infinity} for "always") it took effect. */
  public record Value(double from, Object value, Cite citation) {}

  /** A period (of hostilities, say): epoch days, the end infinite when open. */
  public record Period(double start, double end, String name) {}

  public Parameter {
    values = List.copyOf(values);
  }

  /** The value in force during the interval of days; unknown when the interval spans a change. */
  Val valueDuring(Val when) {
    Object found = null;
    boolean any = false;
    for (int i = 0; i < values.size(); i++) {
      double from = values.get(i).from();
      double until =
          i + 1 < values.size() ? values.get(i + 1).from() - 1 : Double.POSITIVE_INFINITY;
      if (until < when.lo || from > when.hi) {
        continue;
      }
      Object v = values.get(i).value();
      if (any && !v.equals(found)) {
        return type == Operand.Type.WORD
                || type == Operand.Type.BOOLEAN
                || type == Operand.Type.PERIODS
            ? Val.UNKNOWN_WORD
            : Val.UNKNOWN_RANGE;
      }
      found = v;
      any = true;
    }
    if (!any) {
      return Val.NONE;
    }
    if (found instanceof Double d) {
      return Val.point(d);
    }
    if (found instanceof Val v) {
      return v;
    }
    return Val.word(found);
  }
}
