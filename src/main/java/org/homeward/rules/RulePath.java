package org.homeward.rules;

import java.util.List;

/** One way to fit a category: every criterion must be met. */
public record RulePath(String id, String title, List<Criterion> criteria) {
  public RulePath {
    criteria = List.copyOf(criteria);
  }
}
