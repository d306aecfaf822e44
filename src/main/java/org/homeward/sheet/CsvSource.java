package org.homeward.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.TextCursor;
import org.homeward.person.TextDecoding;

/**
 * A CSV file as a sheet: UTF-8 (with or without Excel's byte-order mark; UTF-16 with one), else
 * Windows-1252 with a warning; the delimiter guessed from the header line (comma, semicolon or tab,
 * as European and tab-separated exports use). Records follow RFC 4180 (quoted cells may hold the
 * separator, quotes doubled, and line breaks). A quote left open is closed by force at the end of
 * its line when the quoted cell would otherwise run past Excel's 32,767 characters or the end of
 * the file: that row is an error row and reading goes on with the next line. A row holding bytes
 * that are not text is an error row too.
 */
final class CsvSource implements SheetSource {
  /** Longest quoted cell read as one: Excel's own limit, with room for doubled quotes. */
  static final int MAX_QUOTED = 40_000;

  /** Longest row, in characters. */
  static final int MAX_ROW = 4_000_000;

  private final String name;
  private final TextCursor in;
  private char separator;
  private List<String> header;
  private long number;

  /** {@code warnings} hears once when the file is not UTF-8 and is read as Windows-1252 instead. */
  CsvSource(InputStream bytes, String name, Consumer<Diagnostic> warnings) throws IOException {
    this.name = name;
    this.in = new TextCursor(TextDecoding.open(bytes, name, "CSV", true, warnings).reader());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> header() throws IOException {
    if (header != null) {
      return header;
    }
    StringBuilder first = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < (1 << 15); i++) {
      int c = in.peekAt(i);
      if (c < 0 || !quoted && (c == '\n' || c == '\r')) {
        break;
      }
      quoted ^= c == '"';
      first.append((char) c);
    }
    separator = separator(first);
    Record r = record();
    number = 1;
    if (r == null) {
      header = List.of();
    } else if (r.problem != null) {
      throw new org.homeward.document.ProblemException(
          org.homeward.document.ProblemException.Kind.INPUT,
          Diagnostic.error(
              org.homeward.document.Location.cell(name, 1, null),
              "the header row cannot be read: " + r.problem));
    } else {
      List<String> cells = new ArrayList<>(r.cells.size());
      for (String c : r.cells) {
        cells.add(c.indexOf(TextDecoding.BAD) >= 0 ? "" : c);
      }
      header = List.copyOf(cells);
    }
    return header;
  }

  /** The most frequent of comma, semicolon and tab in the first line, outside quotes. */
  private static char separator(CharSequence line) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        comma += c == ',' ? 1 : 0;
        semicolon += c == ';' ? 1 : 0;
        tab += c == '\t' ? 1 : 0;
      }
    }
    if (semicolon > comma && semicolon >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  @Override
  public RawRow next() throws IOException {
    header();
    Record r = record();
    if (r == null) {
      return null;
    }
    number++;
    List<CellProblem> problems = new ArrayList<>();
    if (r.problem != null) {
      problems.add(new CellProblem(-1, r.problem));
    }
    String[] cells = r.cells.toArray(new String[0]);
    for (int i = 0; i < cells.length && problems.isEmpty(); i++) {
      if (cells[i].indexOf(TextDecoding.BAD) >= 0) {
        problems.add(
            new CellProblem(
                i,
                "holds bytes that are not UTF-8 text (the file was read as UTF-8); "
                    + "save it as \"CSV UTF-8\""));
        cells[i] = null;
      }
    }
    return new RawRow(number, cells, problems);
  }

  /** One record: its cells, or what made it unreadable. */
  private record Record(List<String> cells, String problem) {}

  /** The next record, or null at the end of the file. */
  private Record record() throws IOException {
    if (in.peek() < 0) {
      return null;
    }
    int startLine = in.line();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    boolean quoted = false;
    boolean atStart = true;
    boolean closed = false;
    while (true) {
      int c = in.next();
      if (c >= 0) {
        raw.append((char) c);
      }
      if (quoted) {
        if (c < 0 || cell.length() > MAX_QUOTED || raw.length() > MAX_ROW) {
          return brokenQuote(raw, startLine, c);
        }
        if (c == '"') {
          if (in.peek() == '"') {
            raw.append((char) in.next());
            cell.append('"');
          } else {
            quoted = false;
            closed = true;
          }
        } else {
          cell.append((char) c);
        }
        continue;
      }
      if (closed && c >= 0 && c != separator && c != '\n' && c != '\r' && cell.indexOf("\n") >= 0) {
        // A quoted cell over several lines whose closing quote is not followed by a separator: the
        // quote
        // that closed it was the opening quote of a later row, so this row's own quote was never
        // closed.
        return brokenQuote(raw, startLine, c);
      }
      closed = false;
      if (c < 0 || c == '\n' || c == '\r') {
        if (c == '\r' && in.peek() == '\n') {
          in.next();
        }
        cells.add(cell.toString());
        break;
      }
      if (raw.length() > MAX_ROW) {
        skipLine();
        return new Record(
            List.of(),
            String.format(
                Locale.ROOT,
                "the row is longer than %,d characters, more than "
                    + "any intake row; it is not read",
                MAX_ROW));
      }
      if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
        atStart = true;
        if (cells.size() > XlsxSource.MAX_COLUMNS) {
          skipLine();
          return new Record(
              List.of(), "the row has more cells than Excel's 16,384 columns; it is not read");
        }
        continue;
      }
      if (c == '"' && atStart) {
        quoted = true;
        atStart = false;
        continue;
      }
      atStart = false;
      cell.append((char) c);
    }
    return new Record(cells, null);
  }

  /**
   * A quote never closed: the row ends with its first line, and what follows is read again as rows.
   */
  private Record brokenQuote(StringBuilder raw, int startLine, int c) throws IOException {
    String rest = raw.toString();
    int nl = rest.indexOf('\n');
    if (nl >= 0) {
      in.pushBack(rest.substring(nl + 1), startLine + 1, 1);
    } else if (c >= 0) {
      skipLine();
    }
    return new Record(
        List.of(),
        "a quote (\") opened in this row is never closed, so the row is read as ending with "
            + "its line; close the quote, or double a quote that is part of a cell (\"\")");
  }

  private void skipLine() throws IOException {
    int c;
    while ((c = in.next()) >= 0 && c != '\n') {
      // the rest of a row that cannot be read
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
