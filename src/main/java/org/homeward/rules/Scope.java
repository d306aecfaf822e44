package org.homeward.rules;

import org.homeward.facts.Shape;

/**
 * A list bound by {@code exists}, {@code every}, {@code count}, {@code sum}, {@code earliest} or
 * {@code latest}: inside it, paths under the list's {@code []} name the current item.
 */
final class Scope {
  final Scope enclosing;
  final Scope base;
  final int depth;
  final String listPath;
  final String relative;
  final Shape shape;

  /**
   * @param enclosing the innermost scope where the list is bound (decides the slot)
   * @param base the scope the list's path starts from (decides the concrete name)
   */
  Scope(Scope enclosing, Scope base, String listPath, String relative, Shape shape) {
    this.enclosing = enclosing;
    this.base = base;
    this.depth = enclosing == null ? 0 : enclosing.depth + 1;
    this.listPath = listPath;
    this.relative = relative;
    this.shape = shape;
  }

  /**
   * The concrete path of the item at the given index per slot, such as {@code
   * convictions[1].post_conviction[0]}. The base scope is bound in an outer slot, so {@code
   * indexes[0..depth]} names the item.
   */
  String concrete(int[] indexes) {
    String own = relative + "[" + indexes[depth] + "]";
    return base == null ? own : base.concrete(indexes) + "." + own;
  }
}
