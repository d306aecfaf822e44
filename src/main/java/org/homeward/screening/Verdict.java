package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;

/** The compact result one batch row needs: per-category outcome and lead flag (indexes follow rules.categories()), per-barrier status (indexes follow rules.barriers()), and the facts still missing. */
public record Verdict(LocalDate asOf, Outcome[] outcomes, boolean[] leads, BarrierStatus[] barriers, List<MissingFact> missing) {}
