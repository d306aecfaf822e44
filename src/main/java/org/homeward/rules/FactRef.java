package org.homeward.rules;

import java.util.Arrays;
import org.homeward.facts.FactDef;
import org.homeward.person.Rec;

/**
 * A fact path resolved when rules load: the bound list item (or the person) it starts from and the
 * field indexes to follow, so reading it costs a few array lookups.
 */
final class FactRef {
  /** Lists rarely hold more items than this. */
  private static final int ITEMS_AHEAD = 4;

  final FactDef def;
  final Scope scope;
  final int[] chain;
  final String relative;

  /**
   * The missing facts (unknown, inexact) made ahead, when rules load, for the places this fact is
   * usually read at: outside any list the one place; in a top-level list its first few items.
   * Indexed by item; beyond them (and in nested lists) a fact is named only if kept (see {@link
   * Gap}).
   */
  private final Gap[] unknownAhead;

  private final Gap[] inexactAhead;

  FactRef(FactDef def, Scope scope, int[] chain, String relative, Canon canon) {
    this.def = def;
    this.scope = scope;
    this.chain = chain;
    this.relative = relative;
    int places = scope == null ? 1 : scope.base == null ? ITEMS_AHEAD : 0;
    this.unknownAhead = ahead(Missing.Kind.UNKNOWN, places, canon);
    this.inexactAhead = ahead(Missing.Kind.INEXACT, places, canon);
  }

  private Gap[] ahead(Missing.Kind kind, int places, Canon canon) {
    Gap[] gaps = new Gap[places];
    for (int i = 0; i < places; i++) {
      int[] indexes = new int[scope == null ? 0 : scope.depth + 1];
      if (scope != null) {
        indexes[scope.depth] = i;
      }
      gaps[i] = new Gap(canon.of(missing(kind, indexes)));
    }
    return gaps;
  }

  Object get(EvalContext ctx) {
    Rec rec = scope == null ? ctx.root : ctx.items[scope.depth];
    for (int i = 0; i < chain.length - 1; i++) {
      Object v = rec.get(chain[i]);
      if (!(v instanceof Rec r)) {
        return null;
      }
      rec = r;
    }
    Object value = rec.get(chain[chain.length - 1]);
    if (ctx.isTracing()) {
      ctx.read(concrete(ctx.indexes), value);
    }
    return value;
  }

  /** The fact's value, or null after noting it as unknown (for the current items). */
  Object known(EvalContext ctx) {
    Object v = get(ctx);
    if (v == null) {
      missing(ctx, Missing.Kind.UNKNOWN);
    }
    return v;
  }

  /** The concrete path at the given item index per slot, such as {@code entries[0].date}. */
  String concrete(int[] indexes) {
    return scope == null ? relative : scope.concrete(indexes) + "." + relative;
  }

  /** Notes the fact as missing (unknown or inexact) for the current items. */
  void missing(EvalContext ctx, Missing.Kind kind) {
    Gap[] ahead = kind == Missing.Kind.UNKNOWN ? unknownAhead : inexactAhead;
    int place = scope == null ? 0 : ctx.indexes[scope.depth];
    if (place < ahead.length) {
      ctx.note(ahead[place]);
    } else {
      ctx.note(new Gap(this, kind, Arrays.copyOf(ctx.indexes, scope.depth + 1)));
    }
  }

  /** The missing fact at the given item index per slot. */
  Missing missing(Missing.Kind kind, int[] indexes) {
    return new Missing(kind, def.path(), concrete(indexes), def.question());
  }
}
