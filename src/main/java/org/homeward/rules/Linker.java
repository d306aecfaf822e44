package org.homeward.rules;

/**
 * Works out the result a {@link Link} reads, for the screening of one person. Implemented by the
 * screening engine, which knows how a category's outcome and a barrier's status follow from their
 * criteria; the condition language only asks.
 */
public interface Linker {

  /**
   * The truth of the linked result. When it is unknown, the facts that kept it open must be left
   * noted in the context after its {@link EvalContext#mark()} at the call; a known result leaves
   * none.
   */
  Truth evaluate(Link link, EvalContext ctx);

  /** Whether the result just evaluated met a lead criterion (an open category's or path's lead). */
  default boolean lead() {
    return false;
  }

  /**
   * For a category just evaluated: how many of the missing facts it left noted come from its
   * disqualifiers (they come first); 0 otherwise.
   */
  default int split() {
    return 0;
  }
}
