package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;
import org.homeward.rules.Citation;

/**
 * A category's result for one person: the outcome, whether an open result is a lead or unexplored,
 * each path and disqualifier, the facts still missing, notes, next steps and citations, and (when
 * it does not fit yet) the earliest day after the as-of date from which time alone may open a path.
 */
public record CategoryResult(
    String id,
    String title,
    Outcome outcome,
    boolean lead,
    List<PathResult> paths,
    List<CriterionResult> disqualifiers,
    List<MissingFact> missing,
    List<CriterionResult> notes,
    List<CriterionResult> nextSteps,
    List<Citation> citations,
    LocalDate opensOn) {

  public CategoryResult {
    paths = List.copyOf(paths);
    disqualifiers = List.copyOf(disqualifiers);
    missing = List.copyOf(missing);
    notes = List.copyOf(notes);
    nextSteps = List.copyOf(nextSteps);
    citations = List.copyOf(citations);
  }

  /** For {@code needs_info}: {@code lead} or {@code unexplored}; otherwise null. */
  public String openKind() {
    return outcome == Outcome.NEEDS_INFO ? (lead ? "lead" : "unexplored") : null;
  }
}
