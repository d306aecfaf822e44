package org.homeward.rules;

import java.util.List;

/**
 * A barrier flag as loaded from {@code rules/barriers/<id>/rule.yaml}: the criteria that trigger
 * it, the date it ends (if time-limited), the exceptions that lift it, and the categories it
 * affects.
 */
public record Barrier(
    String id,
    String title,
    String summary,
    String source,
    List<Citation> citations,
    List<Criterion> triggers,
    DateExpression ends,
    List<Criterion> exceptions,
    List<Criterion> notes,
    List<Criterion> nextSteps,
    List<String> affects) {

  public Barrier {
    citations = List.copyOf(citations);
    triggers = List.copyOf(triggers);
    exceptions = List.copyOf(exceptions);
    notes = List.copyOf(notes);
    nextSteps = List.copyOf(nextSteps);
    affects = List.copyOf(affects);
  }
}
