package org.homeward.rules;

import java.util.List;

/**
 * A return category (or a barrier) as loaded from {@code rules/<id>/rule.yaml}: its paths,
 * disqualifiers, notes, next steps, parameters and citations. Barriers name the categories they
 * affect, not the other way round. {@code coverage} says which periods of the law the paths encode.
 * Immutable.
 */
public record Category(
    String id,
    String title,
    String summary,
    String source,
    List<Citation> citations,
    List<Parameter> parameters,
    List<RulePath> paths,
    List<Criterion> disqualifiers,
    List<Criterion> notes,
    List<Criterion> nextSteps,
    List<Encoding> coverage) {

  public Category {
    citations = List.copyOf(citations);
    parameters = List.copyOf(parameters);
    paths = List.copyOf(paths);
    disqualifiers = List.copyOf(disqualifiers);
    notes = List.copyOf(notes);
    nextSteps = List.copyOf(nextSteps);
    coverage = List.copyOf(coverage);
  }

  /** The citation with the given id, or null. */
  public Citation citation(String id) {
    return citations.stream().filter(c -> id.equals(c.id())).findFirst().orElse(null);
  }
}
