package org.homeward.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Which periods of a governing date (a birth date, an order date) a category's paths encode for one
 * branch of the law, and the periods they do not: a person whose date falls in one of those gets
 * {@code needs_info} with an attorney-review point naming the period, never "does not fit".
 */
public record Encoding(
    String id,
    String text,
    String dateText,
    List<Span> encoded,
    List<Span> gaps,
    List<Cite> citations) {

  /** A period of the governing date ({@code null} ends are open), and the paths that encode it. */
  public record Span(LocalDate from, LocalDate to, List<String> paths) {
    public Span {
      paths = List.copyOf(paths);
    }

    /**
     * As shown to people: "from 1952-12-24 to 1986-11-13", "before 1934-05-24", "from 1986-11-14
     * on".
     */
    public String describe() {
      if (from == null && to == null) {
        return "at any date";
      }
      if (from == null) {
        return "before " + to.plusDays(1);
      }
      return to == null ? "from " + from + " on" : "from " + from + " to " + to;
    }
  }

  public Encoding {
    encoded = List.copyOf(encoded);
    gaps = List.copyOf(gaps);
    citations = List.copyOf(citations);
  }
}
