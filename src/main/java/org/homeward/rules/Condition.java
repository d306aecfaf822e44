package org.homeward.rules;

/**
 * A compiled condition. Evaluation returns a {@link Truth}; a definite result leaves no missing
 * facts behind, an unknown one leaves exactly the facts that kept it open.
 */
interface Condition {
  Truth eval(EvalContext ctx);
}
