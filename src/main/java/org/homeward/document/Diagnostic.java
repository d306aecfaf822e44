package org.homeward.document;

/**
 * One problem found in an input or rule file, with where it is and what to do about it. Messages
 * name fields and positions, never a person's other facts.
 */
public record Diagnostic(Severity severity, Location location, String message, String excerpt) {

  /** How serious a diagnostic is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** An error at a location. */
  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(Severity.ERROR, location, message, null);
  }

  /** A warning at a location. */
  public static Diagnostic warning(Location location, String message) {
    return new Diagnostic(Severity.WARNING, location, message, null);
  }

  /** The same diagnostic with the offending line of source text, shown under it with a caret. */
  public Diagnostic withExcerpt(String line) {
    return new Diagnostic(severity, location, message, line);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: message}, then the offending line and a caret when known. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(location);
    if (location.sheetRow() && location.field() != null) {
      out.append(", column ").append(location.field());
    }
    out.append(": ");
    if (severity == Severity.WARNING) {
      out.append("warning: ");
    }
    if (location.sheetRow()) {
      out.append(message);
      return out.toString();
    }
    if (location.field() != null && location.line() > 0 && !message.contains(location.field())) {
      out.append("at ").append(location.field()).append(": ");
    } else if (location.field() != null && location.line() <= 0) {
      out.append("column ").append(location.field()).append(": ");
    }
    out.append(message);
    if (excerpt != null && location.column() > 0) {
      out.append('\n').append("    ").append(excerpt.stripTrailing());
      out.append('\n').append("    ").append(" ".repeat(Math.max(0, location.column() - 1))).append('^');
    }
    return out.toString();
  }
}
