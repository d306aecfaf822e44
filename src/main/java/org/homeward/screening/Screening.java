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
    List<CategoryResult> categories,
    List<BarrierResult> barriers) {

  public Screening {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
  }

  /** The barriers that affect a category, in rule-set order. */
  public List<BarrierResult> barriersOf(String categoryId) {
    return barriers.stream().filter(b -> b.affects().contains(categoryId)).toList();
  }

  /** The result for a barrier id, or null. */
  public BarrierResult barrier(String id) {
    return barriers.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
  }

  /** The result for a category id, or null. */
  public CategoryResult category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
