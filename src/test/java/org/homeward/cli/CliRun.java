package org.homeward.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One run of the command line in memory, as the tests drive it: no terminal, no environment, today
 * fixed at {@link #TODAY}. Gives the exit code, standard output (as bytes and as text) and standard
 * error.
 */
public record CliRun(int code, byte[] bytes, String err) {
  /** The day the tests' runs take as today. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  public static CliRun of(String... args) {
    return with(new ByteArrayInputStream(new byte[0]), Map.of(), false, args);
  }

  /** A run that reads {@code input} on standard input. */
  public static CliRun reading(String input, String... args) {
    return with(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), Map.of(), false, args);
  }

  public static CliRun with(
      InputStream in, Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            terminal,
            TODAY);
    return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /** Standard output as text. */
  public String out() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public List<String> lines() {
    return out().lines().toList();
  }
}
