package org.homeward.document;

import java.util.List;

/**
 * Thrown when an input or rule set cannot be used; carries every diagnostic found, not just the
 * first.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of material was at fault, which decides the exit code. */
  public enum Kind {
    INPUT,
    RULES,
    USAGE
  }

  private final Kind kind;
  private final transient List<Diagnostic> diagnostics;

  public ProblemException(Kind kind, List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? kind.toString() : diagnostics.get(0).render());
    this.kind = kind;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ProblemException(Kind kind, Diagnostic diagnostic) {
    this(kind, List.of(diagnostic));
  }

  public Kind kind() {
    return kind;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
