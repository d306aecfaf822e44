package org.homeward.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.person.JsonPersonStream;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.TextDecoding;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetPersonStream;

/**
 * Where people come from: each input's format, from its name (or as given), checked before anything
 * is written; and the reader that streams its rows, with the readers' shared settings (the fact
 * catalogue's builder, the sheet columns and a header mapping, and where warnings go).
 */
public final class Inputs {
  /** How much of standard input is looked at to tell a JSON document from JSON Lines. */
  private static final int SNIFF = 1 << 16;

  private final PersonBuilder builder;
  private final Columns columns;
  private final ColumnMap mapping;
  private final Consumer<Diagnostic> warnings;

  /**
   * An input: its name for messages, its file (null for standard input) and its format (null: told
   * from the data).
   */
  public record Input(String name, Path path, Format format) {
    /** Whether the input is standard input. */
    public boolean stdin() {
      return path == null;
    }

    /** Whether the input is a spreadsheet. */
    public boolean sheet() {
      return format == Format.CSV || format == Format.XLSX;
    }
  }

  /** {@code columns} may be null when no input is a sheet and no mapping is given. */
  public Inputs(
      PersonBuilder builder, Columns columns, ColumnMap mapping, Consumer<Diagnostic> warnings) {
    this.builder = builder;
    this.columns = columns;
    this.mapping = mapping;
    this.warnings = warnings;
  }

  /**
   * An input named on the command line ({@code -} is standard input): its format is {@code given}
   * when there is one, else the one its name says. A name that says none is a usage error; an old
   * {@code .xls} workbook, a folder or a missing file is an input error.
   */
  public static Input resolve(String file, Format given) {
    if (given != null && !given.readable()) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(file),
              "people cannot be read from "
                  + given.word()
                  + "; --input-format is "
                  + Format.inputWords()));
    }
    if (file.equals("-")) {
      return new Input("<stdin>", null, given);
    }
    Format format = given != null ? given : Format.ofInput(file);
    if (format == null) {
      if (file.toLowerCase(Locale.ROOT).endsWith(".xls")) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.of(file),
                "old-style .xls workbooks cannot be read; save the sheet from Excel as .xlsx or as CSV UTF-8"));
      }
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(file),
              "cannot tell the format from the name; use --input-format " + Format.inputWords()));
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(file),
              Files.isDirectory(path)
                  ? "is a directory; give a file"
                  : "no such file; check the path"));
    }
    return new Input(file, path, format);
  }

  /**
   * Opens an input's rows. {@code stdin} is standard input; {@code track} wraps a file's bytes
   * (with the file's size) to follow progress. Standard input of no given format is JSON Lines when
   * its first line holds a whole object, else one JSON document; only that first line is read to
   * tell, so a pipe's first row is screened as soon as it arrives.
   */
  public PersonStream open(
      Input src, InputStream stdin, BiFunction<InputStream, Long, InputStream> track)
      throws IOException {
    Format kind = src.format();
    if (kind == Format.XLSX) {
      return SheetPersonStream.xlsx(
          src.stdin() ? null : src.path().toFile(),
          stdin,
          src.name(),
          columns,
          mapping,
          builder,
          warnings);
    }
    InputStream bytes;
    try {
      bytes =
          src.stdin()
              ? stdin
              : track.apply(Files.newInputStream(src.path()), Files.size(src.path()));
    } catch (NoSuchFileException e) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(Location.of(src.name()), "no such file; check the path"));
    }
    if (kind == Format.CSV) {
      return SheetPersonStream.csv(bytes, src.name(), columns, mapping, builder, warnings);
    }
    BufferedReader in =
        new BufferedReader(
            TextDecoding.open(bytes, src.name(), "JSON", false, warnings).reader(), SNIFF);
    if (kind == null) {
      kind = firstLineIsAnObject(in) ? Format.JSONL : Format.JSON;
    }
    return kind == Format.JSONL
        ? JsonPersonStream.lines(in, src.name(), builder)
        : JsonPersonStream.document(in, src.name(), builder);
  }

  /**
   * Whether the first line that is not blank holds a whole JSON object; reads no further than that
   * line.
   */
  private static boolean firstLineIsAnObject(BufferedReader in) throws IOException {
    in.mark(SNIFF);
    StringBuilder line = new StringBuilder();
    for (int n = 0, c; n < SNIFF - 1 && (c = in.read()) >= 0; n++) {
      if (c == '\n' || c == '\r') {
        if (!line.toString().isBlank()) {
          break;
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    in.reset();
    String first = line.toString().strip();
    return first.startsWith("{") && first.endsWith("}");
  }
}
