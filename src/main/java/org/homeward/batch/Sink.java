package org.homeward.batch;

import java.io.IOException;

/**
 * Where a batch's results go, one row at a time in input order. {@link #finish} is called once
 * after the last row, with the run's summary; a sink that is never finished must not look complete.
 */
public interface Sink {

  /**
   * Whether rows need the full screening (criteria, questions, citations), not just the verdict.
   */
  boolean needsScreening();

  void write(Result result) throws IOException;

  /**
   * Work on a result that can be done before it is written, on the screening thread that screened
   * it (so it runs in parallel, while results are written in input order on one thread): what it
   * returns is handed to {@link #write(Result, Object)}. Called before {@code --compare} has said
   * what changed ({@link Result#changed()} is null then). Must be safe to call from several threads
   * at once. By default nothing is done ahead.
   */
  default Object prepare(Result result) {
    return null;
  }

  /**
   * Writes a result, with what {@link #prepare} made of it (null when nothing); a sink that
   * prepares its rows writes a result given alone as {@code write(result, prepare(result))}.
   */
  default void write(Result result, Object prepared) throws IOException {
    write(result);
  }

  void finish(Summary summary) throws IOException;

  /**
   * Pushes the rows written so far out to the reader, when the input pauses (a pipe); a sink that
   * writes only at the end (a workbook, a summary page) does nothing.
   */
  default void flush() throws IOException {}

  /**
   * A cell as a spreadsheet will show it, never run: text starting with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so that a value
   * typed into an intake sheet cannot become a formula in the results.
   */
  static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }
}
