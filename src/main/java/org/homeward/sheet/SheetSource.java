package org.homeward.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The raw rows of one sheet: the header, then each row's cells as text, read as they are needed.
 */
interface SheetSource extends Closeable {

  /** The source's name for messages (the file name). */
  String name();

  /** The header row's cells; empty when the sheet holds nothing at all. */
  List<String> header() throws IOException;

  /**
   * The next row after the header, or null at the end. A sheet that is broken from some point on
   * (an unclosed quote, a byte that is not UTF-8, damaged XML) throws {@link Broken}; nothing after
   * it can be read.
   */
  RawRow next() throws IOException, Broken;

  /**
   * What the source has not read when it stopped early ("1,234 bytes after line 56"), or null when
   * it cannot tell.
   */
  default String unread() {
    return null;
  }

  /**
   * One row: its number as the spreadsheet shows it (the header is row 1), its cells, and the cells
   * that could not be read at all (a bad type or reference), each naming the cell, never its value.
   */
  record RawRow(long number, String[] cells, List<CellProblem> problems) {
    RawRow(long number, String[] cells) {
      this(number, cells, List.of());
    }

    public RawRow {
      problems = List.copyOf(problems);
    }

    boolean isBlank() {
      if (!problems.isEmpty()) {
        return false;
      }
      for (String c : cells) {
        if (c != null && !c.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /** A cell that could not be read: its column index (or -1 when not known) and what is wrong. */
  record CellProblem(int column, String message) {}

  /** The sheet cannot be read past this point. */
  final class Broken extends Exception {
    private static final long serialVersionUID = 1L;
    private final long row;

    Broken(long row, String message) {
      super(message, null, false, false);
      this.row = row;
    }

    long row() {
      return row;
    }
  }
}
