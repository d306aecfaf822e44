package org.homeward.rules;

/**
 * A criterion's reference to one of its file's citations, with an optional pinpoint inside it
 * ({@code {id: ina-101a43, at: "(G)"}}): the subsection, paragraph or page the condition
 * implements.
 */
public record Cite(String id, String at) {

  /** As shown beside a criterion: the id, then the pinpoint when there is one. */
  @Override
  public String toString() {
    return at == null ? id : id + " " + at;
  }
}
