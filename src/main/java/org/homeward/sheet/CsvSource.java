package org.homeward.sheet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;

/**
 * A CSV file as a sheet: UTF-8 (with or without Excel's byte-order mark), the delimiter guessed
 * from the header line (comma, semicolon or tab, as European and tab-separated exports use).
 */
final class CsvSource implements SheetSource {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final String name;
  private final BufferedReader in;
  private MappingIterator<String[]> rows;
  private List<String> header;
  private long number;

  /**
   * {@code warnings} hears once when the file is not UTF-8 and is read as Windows-1252 instead, as
   * Excel's plain "CSV (Comma delimited)" saves it on Windows.
   */
  CsvSource(InputStream bytes, String name, Consumer<Diagnostic> warnings) throws IOException {
    this.name = name;
    BufferedInputStream buffered = new BufferedInputStream(bytes, 1 << 16);
    Charset charset = StandardCharsets.UTF_8;
    if (!isUtf8(buffered)) {
      charset = Charset.forName("windows-1252");
      warnings.accept(Diagnostic.warning(Location.of(name), "the file is not UTF-8 text, so it is read as Windows-1252 "
          + "(Excel's \"CSV (Comma delimited)\"); check that accents look right, or save it as \"CSV UTF-8\""));
    }
    this.in = new BufferedReader(new InputStreamReader(buffered, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  /** Whether the first 64 KiB decode as UTF-8 (a character cut at the end of the sample does not count). */
  private static boolean isUtf8(BufferedInputStream in) throws IOException {
    in.mark(1 << 16);
    byte[] sample = in.readNBytes(1 << 16);
    in.reset();
    CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), false);
    return !r.isError();
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
    in.mark(1 << 16);
    char[] buf = new char[1 << 15];
    int n = in.read(buf);
    in.reset();
    if (n > 0 && buf[0] == '\uFEFF') {
      in.skip(1);
    }
    char separator = separator(buf, Math.max(n, 0));
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withoutHeader();
    rows = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(in);
    try {
      header = rows.hasNextValue() ? List.of(rows.nextValue()) : List.of();
    } catch (CharacterCodingException e) {
      throw new IOException(notUtf8(), e);
    }
    number = 1;
    return header;
  }

  /** The most frequent of comma, semicolon and tab in the first line, outside quotes. */
  private static char separator(char[] buf, int n) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < n && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
      char c = buf[i];
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
  public RawRow next() throws IOException, Broken {
    header();
    try {
      if (!rows.hasNextValue()) {
        return null;
      }
      number++;
      return new RawRow(number, rows.nextValue());
    } catch (CharacterCodingException e) {
      throw new Broken(number + 1, notUtf8());
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw new Broken(number + 1, "the CSV cannot be read from here on (" + message
          + "); check for an unclosed quote");
    }
  }

  private static String notUtf8() {
    return "the file is not UTF-8 text; in Excel use Save As > \"CSV UTF-8\", or convert it to UTF-8";
  }

  @Override
  public void close() throws IOException {
    if (rows != null) {
      rows.close();
    }
    in.close();
  }
}
