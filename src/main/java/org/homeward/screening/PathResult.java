package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;
import org.homeward.rules.Truth;

/**
 * How one path of a category came out: met only when every criterion is met. {@code opensOn} is the
 * day after the as-of date from which time alone may meet a path not met now (else null). A {@code
 * gap} is the path that stands for a period of the law the rules do not encode: open (an attorney's
 * review) when the person's date falls there, not met otherwise.
 */
public record PathResult(
    String id,
    String title,
    Truth truth,
    List<CriterionResult> criteria,
    LocalDate opensOn,
    boolean gap) {
  public PathResult {
    criteria = List.copyOf(criteria);
  }
}
