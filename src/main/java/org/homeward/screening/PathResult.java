package org.homeward.screening;

import java.util.List;
import org.homeward.rules.Truth;

/** How one path of a category came out: met only when every criterion is met. */
public record PathResult(String id, String title, Truth truth, List<CriterionResult> criteria) {
  public PathResult {
    criteria = List.copyOf(criteria);
  }
}
