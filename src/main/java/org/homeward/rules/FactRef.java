package org.homeward.rules;

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

  FactRef(FactDef def, Scope scope, int[] chain, String relative) {
    this.def = def;
    this.scope = scope;
    this.chain = chain;
    this.relative = relative;
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
      ctx.read(concrete(ctx), value);
    }
    return value;
  }

  String concrete(EvalContext ctx) {
    return scope == null ? relative : scope.concrete(ctx) + "." + relative;
  }

  void missing(EvalContext ctx, Missing.Kind kind) {
    ctx.missing.add(new Missing(kind, def.path(), concrete(ctx), def.question()));
  }
}
