package org.homeward.screening;

import java.util.List;
import org.homeward.rules.Cite;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Truth;

/**
 * How one criterion came out for one person, with what kept it open and (when explaining) the facts
 * it read.
 */
public record CriterionResult(
    String id,
    String text,
    Truth truth,
    List<Cite> citations,
    String question,
    List<MissingFact> missing,
    List<EvalContext.Read> reads) {

  public CriterionResult {
    citations = List.copyOf(citations);
    missing = List.copyOf(missing);
    reads = List.copyOf(reads);
  }

  /** The citations as shown beside the criterion: ids with their pinpoints, comma-separated. */
  public String citationText() {
    return String.join(", ", citations.stream().map(Cite::toString).toList());
  }

  /** The ids of the citations, for finding them among the category's. */
  public List<String> citationIds() {
    return citations.stream().map(Cite::id).toList();
  }
}
