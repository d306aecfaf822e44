package org.homeward.person;

import java.io.Closeable;
import java.util.Iterator;

/**
 * A lazily read sequence of input rows; one bad row never ends the stream early unless the file
 * itself is broken.
 */
public interface PersonStream extends Iterator<Row>, Closeable {

  /** True when the input is a single person (a JSON object) rather than a batch. */
  boolean single();
}
