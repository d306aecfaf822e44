package org.homeward.rules;

import org.homeward.facts.FactDef;

/** A compiled value-producing expression: a fact, a literal, a parameter or a calendar function. */
interface Operand {

  /** The static types of operands, checked when rules load. */
  enum Type {
    DATE,
    NUMBER,
    BOOLEAN,
    WORD,
    PERIODS;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Evaluates; an unknown or imprecise result has already added its missing facts to the context.
   */
  Val eval(EvalContext ctx);

  Type type();

  /** For word-typed facts, the catalogue entry whose values a literal must be one of; else null. */
  default FactDef wordFact() {
    return null;
  }
}
