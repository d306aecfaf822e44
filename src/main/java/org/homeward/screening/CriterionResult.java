package org.homeward.screening;

import java.util.List;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Truth;

/** How one criterion came out for one person, with what kept it open and (when explaining) the facts it read. */
public record CriterionResult(
    String id,
    String text,
    Truth truth,
    List<String> citations,
    String question,
    List<MissingFact> missing,
    List<EvalContext.Read> reads) {

  public CriterionResult {
    citations = List.copyOf(citations);
    missing = List.copyOf(missing);
    reads = List.copyOf(reads);
  }
}
