package org.homeward.rules;

import java.util.List;
import java.util.Set;

/** The conditions of the language. Package-private: built only by {@link ConditionCompiler}. */
final class Conditions {
  private Conditions() {}

  /** All must hold: false as soon as one is false, whatever else is unknown. */
  record All(Condition[] parts) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Truth result = Truth.TRUE;
      for (Condition c : parts) {
        Truth t = c.eval(ctx);
        if (t == Truth.FALSE) {
          ctx.truncate(mark);
          return Truth.FALSE;
        }
        if (t == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      return result;
    }
  }

  /** One must hold: true as soon as one is true, whatever else is unknown. */
  record Any(Condition[] parts) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Truth result = Truth.FALSE;
      for (Condition c : parts) {
        Truth t = c.eval(ctx);
        if (t == Truth.TRUE) {
          ctx.truncate(mark);
          return Truth.TRUE;
        }
        if (t == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      return result;
    }
  }

  /** Negation; unknown stays unknown. */
  record Not(Condition part) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      return part.eval(ctx).not();
    }
  }

  /** Some item (exists) or every item (every) of a list satisfies {@code where}; an unknown list is unknown. */
  static final class Quantifier extends Operands.OverList<Truth> implements Condition {
    private final boolean every;

    Quantifier(FactRef list, Scope scope, Condition where, boolean every) {
      super(list, scope, where);
      this.every = every;
    }

    @Override
    public Truth eval(EvalContext ctx) {
      return restoring(ctx);
    }

    @Override
    Truth walk(EvalContext ctx) {
      int mark = ctx.mark();
      List<?> items = items(ctx);
      if (items == null) {
        return Truth.UNKNOWN;
      }
      Truth decisive = every ? Truth.FALSE : Truth.TRUE;
      Truth result = every ? Truth.TRUE : Truth.FALSE;
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i);
        if (t == decisive) {
          ctx.truncate(mark);
          return decisive;
        }
        if (t == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      if (result != Truth.UNKNOWN) {
        ctx.truncate(mark);
      }
      return result;
    }
  }

  /**
   * A point the rules leave to an attorney: unknown, naming the point. With a condition ({@code if}),
   * only once the condition is known to hold: false when it fails, and while the condition itself is
   * unknown, only its facts are asked for.
   */
  record Review(String note, Condition when) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      if (when != null) {
        Truth t = when.eval(ctx);
        if (t != Truth.TRUE) {
          return t;
        }
      }
      ctx.note(new Gap(new Missing(Missing.Kind.REVIEW, "attorney_review", note, note)));
      return Truth.UNKNOWN;
    }
  }

  /** A named condition of the rule file. */
  static final class Ref implements Condition {
    final String name;
    Condition target;

    Ref(String name) {
      this.name = name;
    }

    @Override
    public Truth eval(EvalContext ctx) {
      return target.eval(ctx);
    }
  }

  /** A comparison of two operands. */
  record Compare(Operand left, String op, Operand right) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val a = left.eval(ctx);
      Val b = right.eval(ctx);
      Truth t = compare(a, b);
      if (t == Truth.TRUE && (a.maybeNone || b.maybeNone)) {
        t = Truth.UNKNOWN;
      }
      if (t != Truth.UNKNOWN) {
        ctx.truncate(mark);
      }
      return t;
    }

    private Truth compare(Val a, Val b) {
      if (a == Val.NONE || b == Val.NONE) {
        return Truth.FALSE;
      }
      if (left.type() == Operand.Type.WORD || left.type() == Operand.Type.BOOLEAN) {
        if (a.word == null || b.word == null) {
          return Truth.UNKNOWN;
        }
        boolean eq = a.word.equals(b.word);
        return Truth.of(op.equals("==") == eq);
      }
      return switch (op) {
        case "<" -> a.hi < b.lo ? Truth.TRUE : a.lo >= b.hi ? Truth.FALSE : Truth.UNKNOWN;
        case "<=" -> a.hi <= b.lo ? Truth.TRUE : a.lo > b.hi ? Truth.FALSE : Truth.UNKNOWN;
        case ">" -> a.lo > b.hi ? Truth.TRUE : a.hi <= b.lo ? Truth.FALSE : Truth.UNKNOWN;
        case ">=" -> a.lo >= b.hi ? Truth.TRUE : a.hi < b.lo ? Truth.FALSE : Truth.UNKNOWN;
        case "==" -> equal(a, b);
        default -> equal(a, b).not();
      };
    }

    private static Truth equal(Val a, Val b) {
      if (a.hi < b.lo || b.hi < a.lo) {
        return Truth.FALSE;
      }
      return a.isPoint() && b.isPoint() && a.lo == b.lo ? Truth.TRUE : Truth.UNKNOWN;
    }
  }

  /** A word is (or is not) one of a set of words. */
  record In(Operand value, Set<Object> words, boolean negated) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val v = value.eval(ctx);
      if (v.word == null) {
        return Truth.UNKNOWN;
      }
      ctx.truncate(mark);
      return Truth.of(words.contains(v.word) != negated);
    }
  }

  /** A list of words (documents, charges...) contains any (or all) of a set of words. */
  record Contains(FactRef list, Set<Object> words, boolean all) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      Object v = list.get(ctx);
      if (v == null) {
        list.missing(ctx, Missing.Kind.UNKNOWN);
        return Truth.UNKNOWN;
      }
      List<?> items = (List<?>) v;
      if (all) {
        return Truth.of(items.containsAll(words));
      }
      for (Object o : items) {
        if (words.contains(o)) {
          return Truth.TRUE;
        }
      }
      return Truth.FALSE;
    }
  }

  /** A span of dates overlaps one of the periods of a parameter (one shared day is enough). */
  record Overlaps(Operand start, Operand end, Operand periods) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val s = start.eval(ctx);
      Val e = end.eval(ctx);
      Val p = periods.eval(ctx);
      double endLo = Math.max(e.lo, s.lo);
      Truth result = Truth.FALSE;
      if (p.word instanceof List<?> list) {
        for (Object o : list) {
          Parameter.Period period = (Parameter.Period) o;
          if (s.hi <= period.end() && endLo >= period.start()) {
            result = Truth.TRUE;
            break;
          }
          if (!(s.lo > period.end() || e.hi < period.start())) {
            result = Truth.UNKNOWN;
          }
        }
      } else {
        result = Truth.UNKNOWN;
      }
      if (result != Truth.UNKNOWN) {
        ctx.truncate(mark);
      }
      return result;
    }
  }
}
