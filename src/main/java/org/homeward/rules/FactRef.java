package org.homeward.rules;

import java.util.Arrays;
import org.homeward.facts.FactDef;
import org.homeward.person.Rec;

/**
 * A fact path resolved when rules load: the bound list item (or the person) it starts from and
 * the field indexes to follow, so reading it costs a few array lookups.
 */
final class FactRef {
  final FactDef def;
  final Scope scope;
  final int[] chain;
  final String relative;
  /** Outside any list the concrete path never changes, so the missing facts are made once. */
  private final Gap unknownAtRoot;
  private final Gap inexactAtRoot;

  FactRef(FactDef def, Scope scope, int[] chain, String relative) {
    this.def = def;
    this.scope = scope;
    this.chain = chain;
    this.relative = relative;
    this.unknownAtRoot = scope == null ? new Gap(missing(Missing.Kind.UNKNOWN, null)) : null;
    this.inexactAtRoot = scope == null ? new Gap(missing(Missing.Kind.INEXACT, null)) : null;
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

  /** The concrete path at the given item index per slot, such as {@code entries[0].date}. */
  String concrete(int[] indexes) {
    return scope == null ? relative : scope.concrete(indexes) + "." + relative;
  }

  /** Notes the fact as missing (unknown or inexact) for the current items. */
  void missing(EvalContext ctx, Missing.Kind kind) {
    if (scope == null) {
      ctx.note(kind == Missing.Kind.UNKNOWN ? unknownAtRoot : inexactAtRoot);
    } else {
      ctx.note(new Gap(this, kind, Arrays.copyOf(ctx.indexes, scope.depth + 1)));
    }
  }

  /** The missing fact at the given item index per slot. */
  Missing missing(Missing.Kind kind, int[] indexes) {
    return new Missing(kind, def.path(), concrete(indexes), def.question());
  }
}
