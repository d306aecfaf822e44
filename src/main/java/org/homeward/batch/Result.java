package org.homeward.batch;

import org.homeward.person.Row;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * One input row after the pipeline: the row, and (when it could be read) its verdict, with the full
 * screening too when the output needs it. A row that could not be read has neither. With {@code
 * --compare}, {@code changed} says how the row differs from the earlier results (empty when it does
 * not); otherwise it is null.
 */
public record Result(Row row, Verdict verdict, Screening screening, String changed) {

  public Result(Row row, Verdict verdict, Screening screening) {
    this(row, verdict, screening, null);
  }

  public boolean ok() {
    return verdict != null;
  }

  /** This result with the comparison's word on it. */
  Result withChanged(String text) {
    return new Result(row, verdict, screening, text);
  }
}
