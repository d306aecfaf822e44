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

  /**
   * Text safe to print on a terminal: escape sequences (ESC [ ... m, ESC ] ... BEL) and every other
   * control character are removed, so that a name, an id or a header in an input file cannot move
   * the cursor, clear the screen or retitle the window.
   */
  public static String printable(String text) {
    if (text == null) {
      return null;
    }
    boolean clean = true;
    for (int i = 0; i < text.length() && clean; i++) {
      char c = text.charAt(i);
      clean = !(c < 0x20 && c != '\n' && c != '\t') && !(c >= 0x7F && c <= 0x9F);
    }
    if (clean) {
      return text;
    }
    return text.replaceAll(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?|\u001b[@-_]?",
            "")
        .replaceAll("[\\p{Cc}&&[^\n\t]]", "");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code file:line:col: message}, then the offending line and a caret when known; never a control
   * character.
   */
  public String render() {
    return printable(renderRaw());
  }

  private String renderRaw() {
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
      out.append('\n')
          .append("    ")
          .append(" ".repeat(Math.max(0, location.column() - 1)))
          .append('^');
    }
    return out.toString();
  }
}
