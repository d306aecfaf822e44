package org.homeward.document;

/**
 * Where a piece of input sits: a file (or other source label) and a line and column, both 1-based,
 * or a spreadsheet row and column name. Line 0 means "the whole source".
 */
public record Location(String source, int line, int column, String field) {

  /** A location known only by its source. */
  public static Location of(String source) {
    return new Location(source, 0, 0, null);
  }

  /** A location at a line and column of a text source. */
  public static Location at(String source, int line, int column) {
    return new Location(source, line, column, null);
  }

  /** The same location, naming the JSON path or column of the value found there. */
  public Location withField(String field) {
    return new Location(source, line, column, field);
  }

  /** {@code file:line:col}, or {@code file} when the line is unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return source;
    }
    return column > 0 ? source + ":" + line + ":" + column : source + ":" + line;
  }
}
