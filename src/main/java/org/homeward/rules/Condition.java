package org.homeward.rules;

/**
 * A compiled condition. Evaluation returns a {@link Truth}; a definite result leaves no missing
 * facts behind, an unknown one leaves exactly the facts that kept it open.
 */
interface Condition {
  Truth eval(EvalContext ctx);

  /** Whether some person could make this condition false (checked for criteria that only defer). */
  default boolean canBeFalse() {
    return true;
  }

  /** Whether some person could make this condition true. */
  default boolean canBeTrue() {
    return true;
  }
}
