package org.homeward.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.report.Words;

/**
 * Checks of option values that several commands share; each problem is a usage error naming the
 * command.
 */
final class Args {
  /** The earliest as-of date that makes sense: before it, no screening rule or person applies. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private Args() {}

  /** A usage error of {@code command} ("homeward screen"), exit code 2. */
  static ProblemException usage(String command, String message) {
    return new ProblemException(
        ProblemException.Kind.USAGE, Diagnostic.error(Location.of(command), message));
  }

  /** {@code --as-of}: a date YYYY-MM-DD, or null when not given. */
  static LocalDate asOf(String text, String command) {
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw usage(command, "--as-of must be a date YYYY-MM-DD, found \"" + text + "\"");
    }
    if (date.isBefore(EARLIEST)) {
      throw usage(
          command,
          "--as-of " + text + " is before 1900; no one screened today was removed before then");
    }
    return date;
  }

  /** {@code --lang}: a language there are words for. */
  static String lang(String lang, String command) {
    if (!Words.LANGUAGES.contains(lang)) {
      throw usage(command, "--lang must be en or es");
    }
    return lang;
  }
}
