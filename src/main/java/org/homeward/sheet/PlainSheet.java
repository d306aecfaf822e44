package org.homeward.sheet;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;

/**
 * A sheet's cells as text, row by row, with no fact read: how Homeward reads back a result sheet it
 * wrote (CSV, or a workbook's sheets named {@code Results}, {@code Results 2}, ... in turn), with
 * the same readers and the same limits as intake sheets. A sheet that cannot be read is an input
 * error naming the file and row.
 */
public final class PlainSheet implements Closeable {
  private final String name;
  private final File file;
  private final String sheet;
  private SheetSource source;
  private int page = 1;
  private List<String> header;

  private PlainSheet(String name, SheetSource source, File file, String sheet) {
    this.name = name;
    this.source = source;
    this.file = file;
    this.sheet = sheet;
  }

  /** A CSV file's rows. */
  public static PlainSheet csv(InputStream in, String name, Consumer<Diagnostic> warnings)
      throws IOException {
    return new PlainSheet(name, new CsvSource(in, name, warnings), null, null);
  }

  /**
   * A workbook's rows: those of the sheet named {@code sheet} (else the first sheet), then those of
   * {@code sheet 2}, {@code sheet 3}... where a long sheet went on past Excel's row limit.
   */
  public static PlainSheet xlsx(File file, String name, String sheet) {
    try {
      return new PlainSheet(name, new XlsxSource(file, name, sheet), file, sheet);
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(name),
              "cannot be read as an Excel workbook (.xlsx); save it from Excel as .xlsx or CSV UTF-8"));
    }
  }

  /** The header row's cells (empty for an empty sheet). */
  public List<String> header() throws IOException {
    if (header == null) {
      header = source.header();
    }
    return header;
  }

  /**
   * The next row: its number as the sheet shows it and its cells (as many as the row has), or null
   * at the end. A cell that cannot be read is an input error.
   */
  public Row next() throws IOException {
    header();
    while (true) {
      SheetSource.RawRow raw;
      try {
        raw = source.next();
      } catch (SheetSource.Broken e) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(Location.cell(name, e.row(), null), e.getMessage()));
      }
      if (raw == null) {
        if (!nextPage()) {
          return null;
        }
        continue;
      }
      if (!raw.problems().isEmpty()) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.cell(name, raw.number(), null), raw.problems().get(0).message()));
      }
      return new Row(raw.number(), raw.cells());
    }
  }

  /** Goes on to the workbook's next sheet of the same name and header, when there is one. */
  private boolean nextPage() throws IOException {
    if (file == null
        || !(source instanceof XlsxSource x)
        || !x.sheetName().equals(pageName(page))) {
      return false;
    }
    String following = pageName(page + 1);
    if (!x.sheetNames().contains(following)) {
      return false;
    }
    source.close();
    page++;
    source = new XlsxSource(file, name, following);
    if (!source.header().equals(header)) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(name),
              "sheet \"" + following + "\" does not have the header of sheet \"" + sheet + "\""));
    }
    return true;
  }

  private String pageName(int n) {
    return n == 1 ? sheet : sheet + " " + n;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /**
   * A row: its number in the sheet (the header is row 1) and its cells; a cell may be null or
   * blank.
   */
  public record Row(long number, String[] cells) {
    /** The cell in column {@code i}, blank when the row is shorter. */
    public String cell(int i) {
      return i < cells.length && cells[i] != null ? cells[i] : "";
    }
  }
}
