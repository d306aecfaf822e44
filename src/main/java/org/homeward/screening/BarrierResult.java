package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;
import org.homeward.rules.Citation;

/**
 * A barrier's result for one person: its status, the day it ends when time-limited and known
 * ({@code endsOn}), the triggers and exceptions as evaluated, what is missing, where it applies,
 * and the earliest day after the as-of date from which time alone may let an exception apply
 * ({@code opensOn}).
 */
public record BarrierResult(
    String id,
    String title,
    BarrierStatus status,
    LocalDate endsOn,
    List<CriterionResult> triggers,
    List<CriterionResult> exceptions,
    List<MissingFact> missing,
    List<CriterionResult> notes,
    List<CriterionResult> nextSteps,
    List<Citation> citations,
    List<String> affects,
    LocalDate opensOn) {

  public BarrierResult {
    triggers = List.copyOf(triggers);
    exceptions = List.copyOf(exceptions);
    missing = List.copyOf(missing);
    notes = List.copyOf(notes);
    nextSteps = List.copyOf(nextSteps);
    citations = List.copyOf(citations);
    affects = List.copyOf(affects);
  }
}
