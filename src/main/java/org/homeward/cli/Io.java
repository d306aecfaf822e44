package org.homeward.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;

/**
 * The streams and environment of one run, passed to every command so that nothing reads {@code
 * System.*} or global state; tests run the CLI in-process with their own. {@code outBytes} is
 * standard output for binary data (a workbook); flush {@code out} before using it.
 */
public record Io(
    InputStream in,
    PrintWriter out,
    OutputStream outBytes,
    PrintWriter err,
    Map<String, String> env,
    boolean terminal,
    LocalDate today) {

  /** Whether colour is allowed: a terminal, and NO_COLOR unset. */
  boolean colorAllowed() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }
}
