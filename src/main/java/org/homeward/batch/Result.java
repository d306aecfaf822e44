package org.homeward.batch;

import org.homeward.person.Row;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * One input row after the pipeline: the row, and (when it could be read) its verdict, with the full
 * screening too when the output needs it. A row that could not be read has neither.
 */
public record Result(Row row, Verdict verdict, Screening screening) {

  public boolean ok() {
    return verdict != null;
  }
}
