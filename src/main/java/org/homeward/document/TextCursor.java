package org.homeward.document;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Text read one character at a time through a buffer, with look-ahead, knowing the line and column
 * of the next character; text can be pushed back to be read again (the recovering readers re-read
 * what a broken row swallowed). Line numbers stop at {@link Integer#MAX_VALUE} rather than
 * wrapping.
 */
public final class TextCursor implements Closeable {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private String back = "";
  private int backPos;
  private int line = 1;
  private int col = 1;

  public TextCursor(Reader in) {
    this.in = in;
  }

  /** The line of the next character, from 1. */
  public int line() {
    return line;
  }

  /** The column of the next character, from 1. */
  public int column() {
    return col;
  }

  /** The next character without reading it, or -1 at the end. */
  public int peek() throws IOException {
    return peekAt(0);
  }

  /**
   * The character {@code k} places ahead (0 is the next), or -1 past the end; {@code k} must be
   * under 65,536.
   */
  public int peekAt(int k) throws IOException {
    if (backPos + k < back.length()) {
      return back.charAt(backPos + k);
    }
    int i = k - (back.length() - backPos);
    if (pos + i >= len) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
      while (len <= i) {
        int n = in.read(buf, len, buf.length - len);
        if (n <= 0) {
          return -1;
        }
        len += n;
      }
    }
    return buf[pos + i];
  }

  /** Reads the next character, or -1 at the end. */
  public int next() throws IOException {
    int c = peek();
    if (c < 0) {
      return c;
    }
    if (backPos < back.length()) {
      backPos++;
    } else {
      pos++;
    }
    if (c == '\n') {
      line = line == Integer.MAX_VALUE ? line : line + 1;
      col = 1;
    } else if (col < Integer.MAX_VALUE) {
      col++;
    }
    return c;
  }

  /** Reads past spaces, tabs and line breaks. */
  public void skipSpace() throws IOException {
    int c;
    while ((c = peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
      next();
    }
  }

  /** Reads {@code text} again, from {@code line} and {@code col}, before the rest of the input. */
  public void pushBack(String text, int line, int col) {
    back = text + back.substring(backPos);
    backPos = 0;
    this.line = line;
    this.col = col;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
