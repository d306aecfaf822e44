package org.homeward.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what an untrusted XML part of a workbook can make the parser hold: no run of text between
 * tags, and no tag, may be longer than the limits, and a part read whole (not streamed) may not be
 * longer than its own limit. It counts the bytes read, so a broken part can say how much is left.
 */
final class XmlGuard extends FilterInputStream {
  /** Longest text between two tags: Excel's 32,767 characters, escaped, with room to spare. */
  static final int MAX_TEXT = 256 * 1024;

  /** Longest tag, attributes included. */
  static final int MAX_TAG = 64 * 1024;

  private final long maxTotal;
  private long count;
  private int run;
  private boolean inTag;

  /** Thrown when a limit is passed; the message says which, never what the part holds. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean text;

    TooLarge(String message, boolean text) {
      super(message);
      this.text = text;
    }

    /**
     * Whether it is a text (a cell's value) that is too long, rather than a tag or the whole part.
     */
    boolean text() {
      return text;
    }
  }

  XmlGuard(InputStream in, long maxTotal) {
    super(in);
    this.maxTotal = maxTotal;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      see((byte) b);
      count++;
      total();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    for (int i = 0; i < n; i++) {
      see(b[off + i]);
    }
    if (n > 0) {
      count += n;
      total();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long done = 0;
    while (done < n) {
      int k = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (k < 0) {
        break;
      }
      done += k;
    }
    return done;
  }

  private void see(byte b) throws TooLarge {
    if (b == '<') {
      inTag = true;
      run = 0;
    } else if (b == '>') {
      inTag = false;
      run = 0;
    } else if (++run > (inTag ? MAX_TAG : MAX_TEXT)) {
      throw inTag
          ? new TooLarge("a tag longer than " + MAX_TAG / 1024 + " KB", false)
          : new TooLarge("a value longer than Excel's limit of 32,767 characters", true);
    }
  }

  private void total() throws TooLarge {
    if (count > maxTotal) {
      throw new TooLarge("a part larger than " + maxTotal / (1024 * 1024) + " MB", false);
    }
  }
}
