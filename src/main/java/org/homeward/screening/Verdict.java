package org.homeward.screening;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact result one batch row needs: per-category outcome and lead flag (indexes follow
 * rules.categories()), per-barrier status (indexes follow rules.barriers()), and the facts still
 * missing. The arrays are not copied: treat them as read-only. Equality compares their contents.
 */
public record Verdict(LocalDate asOf, Outcome[] outcomes, boolean[] leads, BarrierStatus[] barriers,
    List<MissingFact> missing) {

  public Verdict {
    missing = List.copyOf(missing);
  }

  /**
   * The verdict a full screening implies: its outcomes, leads and barrier statuses, and the missing
   * facts of every category and then every barrier, the first for each concrete path ({@code at}).
   */
  public static Verdict of(Screening screening) {
    List<CategoryResult> categories = screening.categories();
    List<BarrierResult> barriers = screening.barriers();
    Outcome[] outcomes = new Outcome[categories.size()];
    boolean[] leads = new boolean[categories.size()];
    BarrierStatus[] statuses = new BarrierStatus[barriers.size()];
    Map<String, MissingFact> missing = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = categories.get(i).outcome();
      leads[i] = categories.get(i).lead();
      categories.get(i).missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = barriers.get(i).status();
      barriers.get(i).missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    return new Verdict(screening.asOf(), outcomes, leads, statuses, List.copyOf(missing.values()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Verdict v && asOf.equals(v.asOf) && Arrays.equals(outcomes, v.outcomes)
        && Arrays.equals(leads, v.leads) && Arrays.equals(barriers, v.barriers) && missing.equals(v.missing);
  }

  @Override
  public int hashCode() {
    int h = asOf.hashCode();
    h = 31 * h + Arrays.hashCode(outcomes);
    h = 31 * h + Arrays.hashCode(leads);
    h = 31 * h + Arrays.hashCode(barriers);
    return 31 * h + missing.hashCode();
  }

  @Override
  public String toString() {
    return "Verdict[asOf=" + asOf + ", outcomes=" + Arrays.toString(outcomes) + ", leads=" + Arrays.toString(leads)
        + ", barriers=" + Arrays.toString(barriers) + ", missing=" + missing + "]";
  }
}
