package org.homeward.rules;

import java.util.List;
import java.util.Set;

/** The conditions of the language. Package-private: built only by {@link ConditionCompiler}. */
final class Conditions {
  private Conditions() {}

  /**
   * Evaluates a condition. The common kinds are told apart here and called directly: a call through
   * the interface at a site that sees every kind costs more than the test, and these calls are most
   * of a screening's work.
   */
  static Truth run(Condition c, EvalContext ctx) {
    if (c instanceof WordIs x) {
      return x.eval(ctx);
    }
    if (c instanceof Compare x) {
      return x.eval(ctx);
    }
    if (c instanceof Ref x) {
      return x.eval(ctx);
    }
    if (c instanceof All x) {
      return x.eval(ctx);
    }
    if (c instanceof Any x) {
      return x.eval(ctx);
    }
    if (c instanceof In x) {
      return x.eval(ctx);
    }
    if (c instanceof Quantifier x) {
      return x.eval(ctx);
    }
    return c.eval(ctx);
  }

  /** All must hold: false as soon as one is false, whatever else is unknown. */
  record All(Condition[] parts) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Truth result = Truth.TRUE;
      for (Condition c : parts) {
        Truth t = run(c, ctx);
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

    @Override
    public boolean canBeFalse() {
      for (Condition c : parts) {
        if (c.canBeFalse()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean canBeTrue() {
      for (Condition c : parts) {
        if (!c.canBeTrue()) {
          return false;
        }
      }
      return true;
    }
  }

  /** One must hold: true as soon as one is true, whatever else is unknown. */
  record Any(Condition[] parts) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Truth result = Truth.FALSE;
      for (Condition c : parts) {
        Truth t = run(c, ctx);
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

    @Override
    public boolean canBeFalse() {
      for (Condition c : parts) {
        if (!c.canBeFalse()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean canBeTrue() {
      for (Condition c : parts) {
        if (c.canBeTrue()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Negation; unknown stays unknown. */
  record Not(Condition part) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      return run(part, ctx).not();
    }

    @Override
    public boolean canBeFalse() {
      return part.canBeTrue();
    }

    @Override
    public boolean canBeTrue() {
      return part.canBeFalse();
    }
  }

  /**
   * Some item (exists) or every item (every) of a list satisfies {@code where}; an unknown list is
   * unknown.
   */
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

    /** An empty list makes an exists false; an every is false only when some item can fail. */
    @Override
    public boolean canBeFalse() {
      return !every || where == null || where.canBeFalse();
    }

    /** An empty list makes an every true; an exists is true only when some item can qualify. */
    @Override
    public boolean canBeTrue() {
      return every || where == null || where.canBeTrue();
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
      Operands.Members members = members(ctx, items);
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i, members);
        if (t == null) {
          continue;
        }
        if (members != null) {
          // an item perhaps named: exists needs it named and qualifying, every needs it qualifying
          // if named
          Truth named = members.of(i);
          t = every ? named.not().or(t) : named.and(t);
        }
        if (t == decisive) {
          ctx.truncate(mark);
          return decisive;
        }
        if (t == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      if (members != null && members.phantoms() > 0) {
        // A named item the list does not hold: nothing about it is known.
        join.phantom(ctx);
        result = Truth.UNKNOWN;
      }
      if (result != Truth.UNKNOWN) {
        ctx.truncate(mark);
      }
      return result;
    }
  }

  /**
   * Whether a governing date falls in a period that no path of a category encodes (see the
   * category's {@code coverage}): then an attorney must decide, so it is unknown with a review
   * point naming the period, never false. False when the date is in an encoded period.
   */
  record Uncovered(Operand date, double[] starts, double[] ends, Missing[] points)
      implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val v = Operands.run(date, ctx);
      if (v == Val.NONE) {
        ctx.truncate(mark);
        return Truth.FALSE;
      }
      boolean touches = false;
      for (int g = 0; g < starts.length; g++) {
        if (v.lo >= starts[g] && v.hi <= ends[g]) {
          ctx.truncate(mark);
          ctx.note(points[g]);
          return Truth.UNKNOWN;
        }
        touches |= !(v.hi < starts[g] || v.lo > ends[g]);
      }
      if (!touches) {
        ctx.truncate(mark);
        return Truth.FALSE;
      }
      return Truth.UNKNOWN;
    }

    @Override
    public boolean canBeTrue() {
      return false;
    }
  }

  /**
   * A point the rules leave to an attorney: unknown, naming the point. With a condition ({@code
   * if}), only once the condition is known to hold: false when it fails, and while the condition
   * itself is unknown, only its facts are asked for.
   */
  record Review(Missing point, Condition when) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      if (when != null) {
        Truth t = run(when, ctx);
        if (t != Truth.TRUE) {
          return t;
        }
      }
      ctx.note(point);
      return Truth.UNKNOWN;
    }

    @Override
    public boolean canBeFalse() {
      return when != null;
    }

    @Override
    public boolean canBeTrue() {
      return false;
    }
  }

  /** Another rule's result, read through a {@link Link}. */
  record Linked(Link link) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      return ctx.linked(link);
    }
  }

  /**
   * A named condition of the rule file (or a shared concept), worked out once per person (or per
   * item, for a definition of a list's items) when {@code memo} says where to keep it.
   */
  static final class Ref implements Condition {
    final String name;
    final int memo;
    final int depth;
    Condition target;

    Ref(String name, int memo, int depth) {
      this.name = name;
      this.memo = memo;
      this.depth = depth;
    }

    @Override
    public Truth eval(EvalContext ctx) {
      int key = ctx.memoKey(memo, depth);
      return key < 0 ? run(target, ctx) : ctx.memoized(key, target);
    }

    @Override
    public boolean canBeFalse() {
      return target.canBeFalse();
    }

    @Override
    public boolean canBeTrue() {
      return target.canBeTrue();
    }
  }

  /**
   * A comparison of two operands. The operator, and whether words are compared, are worked out
   * once, when the rules load, not on every evaluation.
   */
  static final class Compare implements Condition {
    private static final int LT = 0;
    private static final int LE = 1;
    private static final int GT = 2;
    private static final int GE = 3;
    private static final int EQ = 4;

    private final Operand left;
    private final Operand right;
    private final int code;
    private final boolean words;

    Compare(Operand left, String op, Operand right) {
      this.left = left;
      this.right = right;
      this.code =
          switch (op) {
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            case "==" -> EQ;
            default -> -1; // !=
          };
      this.words = left.type() == Operand.Type.WORD || left.type() == Operand.Type.BOOLEAN;
    }

    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val a = Operands.run(left, ctx);
      Val b = Operands.run(right, ctx);
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
      if (words) {
        if (a.word == null || b.word == null) {
          return Truth.UNKNOWN;
        }
        boolean eq = a.word.equals(b.word);
        return Truth.of((code == EQ) == eq);
      }
      return switch (code) {
        case LT -> a.hi < b.lo ? Truth.TRUE : a.lo >= b.hi ? Truth.FALSE : Truth.UNKNOWN;
        case LE -> a.hi <= b.lo ? Truth.TRUE : a.lo > b.hi ? Truth.FALSE : Truth.UNKNOWN;
        case GT -> a.lo > b.hi ? Truth.TRUE : a.hi <= b.lo ? Truth.FALSE : Truth.UNKNOWN;
        case GE -> a.lo >= b.hi ? Truth.TRUE : a.hi < b.lo ? Truth.FALSE : Truth.UNKNOWN;
        case EQ -> equal(a, b);
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

  /**
   * A word fact is (or is not) one of a set of words: {@code removals[].type == expedited_removal},
   * {@code entries[].manner in [admitted, paroled]}. The commonest condition of the rules, so the
   * fact is read directly, without making a value; the same truth as {@link Compare} or {@link In}
   * over the fact.
   */
  record WordIs(FactRef fact, Set<Object> words, boolean negated) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      Object v = fact.known(ctx);
      return v == null ? Truth.UNKNOWN : Truth.of(words.contains(v) != negated);
    }
  }

  /** A word is (or is not) one of a set of words. */
  record In(Operand value, Set<Object> words, boolean negated) implements Condition {
    @Override
    public Truth eval(EvalContext ctx) {
      int mark = ctx.mark();
      Val v = Operands.run(value, ctx);
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
      Object v = list.known(ctx);
      if (v == null) {
        return Truth.UNKNOWN;
      }
      List<?> items = (List<?>) v;
      if (all) {
        return Truth.of(items.containsAll(words));
      }
      for (int i = 0; i < items.size(); i++) {
        if (words.contains(items.get(i))) {
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
      Val s = Operands.run(start, ctx);
      Val e = Operands.run(end, ctx);
      Val p = Operands.run(periods, ctx);
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
