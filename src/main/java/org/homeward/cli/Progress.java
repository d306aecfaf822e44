package org.homeward.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * A progress line on standard error for long runs on a terminal: rows screened, the rate, and when
 * the input's size is known, how far through it the run is and the time left. It appears only after
 * the first second and redraws at most a few times a second; {@link #done()} clears it.
 */
final class Progress implements LongConsumer {
  private final long delayNanos;
  private final long redrawNanos;
  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long total;
  private long lastDraw;
  private boolean drawn;
  private Counting input;

  Progress(PrintWriter err, boolean enabled) {
    this(err, enabled, 1_000_000_000L, 200_000_000L);
  }

  /** With its own delay before the first line and between redraws (for tests). */
  Progress(PrintWriter err, boolean enabled, long delayNanos, long redrawNanos) {
    this.err = err;
    this.enabled = enabled;
    this.delayNanos = delayNanos;
    this.redrawNanos = redrawNanos;
  }

  /** Wraps an input of known size so the line can say how far through it the run is. */
  InputStream track(InputStream in, long size) {
    if (!enabled) {
      return in;
    }
    total = size;
    input = new Counting(in);
    return input;
  }

  @Override
  public void accept(long rows) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < delayNanos || (drawn && now - lastDraw < redrawNanos)) {
      return;
    }
    lastDraw = now;
    double secs = (now - start) / 1e9;
    StringBuilder line =
        new StringBuilder(String.format("  %,d rows screened, %,.0f rows/s", rows, rows / secs));
    if (input != null && total > 0) {
      double done = Math.min(1.0, (double) input.count / total);
      line.append(String.format(", %.0f%% of the input", done * 100));
      if (done > 0.01) {
        long left = Math.round(secs * (1 - done) / done);
        line.append(String.format(", about %d:%02d left", left / 60, left % 60));
      }
    }
    err.print("\r" + line + "\u001b[K");
    err.flush();
    drawn = true;
  }

  /** Clears the line, so the summary starts on a clean one. */
  void done() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += k;
      return k;
    }
  }
}
