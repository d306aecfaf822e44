package org.homeward.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact result one batch row needs: each category's outcome and lead flag and each barrier's
 * status, by id in rule-set order, and the facts still missing (with the attorney-review points).
 */
public record Verdict(LocalDate asOf, List<CategoryOutcome> categories, List<BarrierFlag> barriers,
    List<MissingFact> missing) {

  /**
   * A category's outcome, for {@code needs_info} whether it is a lead, and the day after the as-of
   * date from which time alone may open a path (or null).
   */
  public record CategoryOutcome(String id, Outcome outcome, boolean lead, LocalDate opensOn) {}

  /** A barrier's status, the day it ends, and the day from which time alone may let an exception apply (or null). */
  public record BarrierFlag(String id, BarrierStatus status, LocalDate endsOn, LocalDate opensOn) {}

  public Verdict {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
    missing = List.copyOf(missing);  // a no-op for the immutable list the screener builds
  }

  /** The outcome of a category, or null when the rule set has no such category. */
  public Outcome outcome(String id) {
    for (CategoryOutcome c : categories) {
      if (c.id().equals(id)) {
        return c.outcome();
      }
    }
    return null;
  }

  /** The status of a barrier, or null when the rule set has no such barrier. */
  public BarrierStatus status(String id) {
    for (BarrierFlag b : barriers) {
      if (b.id().equals(id)) {
        return b.status();
      }
    }
    return null;
  }

  /**
   * The verdict a full screening implies: its outcomes, leads and barrier statuses, and the missing
   * facts of every category and then every barrier, the first for each concrete path ({@code at}).
   */
  public static Verdict of(Screening screening) {
    List<CategoryOutcome> categories = new ArrayList<>();
    List<BarrierFlag> barriers = new ArrayList<>();
    Map<String, MissingFact> missing = new LinkedHashMap<>();
    for (CategoryResult c : screening.categories()) {
      categories.add(new CategoryOutcome(c.id(), c.outcome(), c.lead(), c.opensOn()));
      c.missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    for (BarrierResult b : screening.barriers()) {
      barriers.add(new BarrierFlag(b.id(), b.status(), b.endsOn(), b.opensOn()));
      b.missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    return new Verdict(screening.asOf(), categories, barriers, List.copyOf(missing.values()));
  }
}
