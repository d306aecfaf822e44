package org.homeward.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The raw rows of one sheet: the header, then each row's cells as text, read as they are needed. */
interface SheetSource extends Closeable {

  /** The source's name for messages (the file name). */
  String name();

  /** The header row's cells; empty when the sheet holds nothing at all. */
  List<String> header() throws IOException;

  /**
   * The next row after the header, or null at the end. A sheet that is broken from some point on
   * (an unclosed quote, a byte that is not UTF-8) throws {@link Broken}; nothing after it can be read.
   */
  RawRow next() throws IOException, Broken;

  /** One row: its number as the spreadsheet shows it (the header is row 1) and its cells. */
  record RawRow(long number, String[] cells) {
    boolean isBlank() {
      for (String c : cells) {
        if (c != null && !c.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /** The sheet cannot be read past this point. */
  final class Broken extends Exception {
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
