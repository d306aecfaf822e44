package org.homeward.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * A person stream that reads its rows one at a time, when asked: subclasses say how to read the
 * next row, and {@link #finish()} when nothing after the row being read can be read (a broken
 * file).
 */
public abstract class LazyPersonStream implements PersonStream {
  private Row next;
  private boolean finished;

  /** The next row, or null at the end of the input. */
  protected abstract Row read() throws IOException;

  /** No row after the one being read: the input cannot be read any further. */
  protected final void finish() {
    finished = true;
  }

  @Override
  public final boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        finished = true;
      }
    }
    return next != null;
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }
}
