package org.homeward.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/** The verdict a full screening implies: what a batch row shows when the full report is written too. */
final class Verdicts {
  private Verdicts() {}

  static Verdict of(Screening s) {
    int n = s.categories().size();
    Outcome[] outcomes = new Outcome[n];
    boolean[] leads = new boolean[n];
    Map<String, MissingFact> missing = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      CategoryResult c = s.categories().get(i);
      outcomes[i] = c.outcome();
      leads[i] = c.lead();
      c.missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    BarrierStatus[] barriers = new BarrierStatus[s.barriers().size()];
    for (int j = 0; j < barriers.length; j++) {
      BarrierResult b = s.barriers().get(j);
      barriers[j] = b.status();
      b.missing().forEach(m -> missing.putIfAbsent(m.at(), m));
    }
    return new Verdict(s.asOf(), outcomes, leads, barriers, List.copyOf(new ArrayList<>(missing.values())));
  }
}
