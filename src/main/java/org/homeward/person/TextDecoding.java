package org.homeward.person;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;

/**
 * Turns an input's bytes into text: UTF-8, with or without a byte-order mark; UTF-16 when its
 * byte-order mark says so; refused with a plain message when it is UTF-16 without one or (for JSON)
 * not UTF-8 at all. A byte that is not UTF-8 further on becomes {@link #BAD}, so that the reader
 * can make the row holding it an error row and go on with the next.
 */
public final class TextDecoding {
  /**
   * Stands in for bytes that are not text in the file's encoding: a noncharacter, never in real
   * text.
   */
  public static final char BAD = '\uFFFF';

  private static final int SAMPLE = 1 << 16;

  private TextDecoding() {}

  /** What was found, for the reader's messages. */
  public record Text(Reader reader, Charset charset) {}

  /**
   * Opens {@code bytes} as text. {@code windows1252} says whether a file that is not UTF-8 is read
   * as Windows-1252 with a warning (CSV, as Excel saves it on Windows) rather than refused (JSON).
   */
  public static Text open(
      InputStream bytes,
      String source,
      String format,
      boolean windows1252,
      Consumer<Diagnostic> warnings)
      throws IOException {
    BufferedInputStream in =
        bytes instanceof BufferedInputStream b ? b : new BufferedInputStream(bytes, SAMPLE);
    in.mark(SAMPLE);
    byte[] sample = sample(in);
    in.reset();
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (starts(sample, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (starts(sample, 0xFF, 0xFE, 0, 0) || starts(sample, 0, 0, 0xFE, 0xFF)) {
      throw refused(source, "is UTF-32 text; save it as UTF-8");
    } else if (starts(sample, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (starts(sample, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (sample.length >= 2 && (sample[0] == 0) != (sample[1] == 0)) {
      throw refused(source, "looks like UTF-16 text without a byte-order mark; save it as UTF-8");
    } else if (!isUtf8(sample)) {
      if (!windows1252) {
        throw refused(
            source,
            "is not UTF-8 text (it looks like Latin-1 or Windows-1252); save it as UTF-8 "
                + "(in most editors: Save As, encoding UTF-8)");
      }
      charset = Charset.forName("windows-1252");
      warnings.accept(
          Diagnostic.warning(
              Location.of(source),
              "the file is not UTF-8 text, so it is read as "
                  + "Windows-1252 (Excel's \"CSV (Comma delimited)\"); check that accents look right, or save it as \"CSV UTF-8\""));
    }
    in.skipNBytes(skip);
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(BAD));
    return new Text(new InputStreamReader(in, decoder), charset);
  }

  /**
   * The first bytes, to tell the encoding: up to 64 KB of a file, but of a pipe only what has
   * arrived (and, when it may begin a byte-order mark or UTF-16, the four bytes that tell), so that
   * a pipeline's first line is read without waiting for the next ones.
   */
  private static byte[] sample(BufferedInputStream in) throws IOException {
    byte[] buf = new byte[SAMPLE];
    int n = 0;
    while (n < SAMPLE && (n == 0 || in.available() > 0 || n < 4 && mayBeMark(buf[0]))) {
      int k = in.read(buf, n, SAMPLE - n);
      if (k < 0) {
        break;
      }
      n += k;
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  /** Whether a first byte may begin a byte-order mark or UTF-16 text (0xEF, 0xFE, 0xFF or 0). */
  private static boolean mayBeMark(byte first) {
    int b = first & 0xFF;
    return b == 0xEF || b == 0xFE || b == 0xFF || b == 0;
  }

  private static ProblemException refused(String source, String message) {
    return new ProblemException(
        ProblemException.Kind.INPUT, Diagnostic.error(Location.of(source), message));
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the sample decodes as UTF-8 (a character cut at the end of the sample does not count).
   */
  private static boolean isUtf8(byte[] sample) {
    return !StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), false)
        .isError();
  }
}
