package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;

/** The full result of screening one person against a rule set on an as-of date. */
public record Screening(
    String personId,
    String name,
    String source,
    LocalDate asOf,
    String rulesVersion,
    List<CategoryResult> categories) {

  public Screening {
    categories = List.copyOf(categories);
  }

  /** The result for a category id, or null. */
  public CategoryResult category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
