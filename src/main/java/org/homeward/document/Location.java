package org.homeward.document;

/**
 * Where a piece of input sits: a file (or other source label) and a line and column, both 1-based,
 * or a spreadsheet row (as the spreadsheet numbers it) and column name. Line 0 means "the whole
 * source". {@code field} names the JSON path or the spreadsheet column of the value found there.
 */
public record Location(String source, int line, int column, String field, boolean sheetRow) {

  /** A location known only by its source. */
  public static Location of(String source) {
    return new Location(source, 0, 0, null, false);
  }

  /** A location at a line and column of a text source. */
  public static Location at(String source, int line, int column) {
    return new Location(source, line, column, null, false);
  }

  /** A spreadsheet cell: its row number (the header is row 1) and its column's header. */
  public static Location cell(String source, long row, String header) {
    return new Location(source, (int) Math.min(row, Integer.MAX_VALUE), 0, header, true);
  }

  /** The same location, naming the JSON path or column of the value found there. */
  public Location withField(String field) {
    return new Location(source, line, column, field, sheetRow);
  }

  /** {@code file:line:col}, {@code file: row N}, or {@code file} when the line is unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return source;
    }
    if (sheetRow) {
      return source + ": row " + line;
    }
    return column > 0 ? source + ":" + line + ":" + column : source + ":" + line;
  }
}
