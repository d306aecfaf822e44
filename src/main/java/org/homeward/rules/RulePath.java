package org.homeward.rules;

import java.util.List;

/**
 * One way to fit a category: every criterion must be met. A {@code gap} path is made by the loader
 * from the category's {@code coverage}: it is unknown, with an attorney-review point, for a person
 * whose governing date falls where no path encodes the law, and otherwise not met. {@code opensOn}
 * (or null) is the day from which time alone may meet the path (a citizen child's 21st birthday).
 */
public record RulePath(
    String id, String title, List<Criterion> criteria, boolean gap, DateExpression opensOn) {
  public RulePath {
    criteria = List.copyOf(criteria);
  }
}
