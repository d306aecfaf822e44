package org.homeward.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.homeward.person.PartialDate;
import org.homeward.person.Rec;

/**
 * The operands of the condition language. Package-private: built only by {@link ConditionCompiler}.
 */
final class Operands {
  private Operands() {}

  static Operand.Type typeOf(FactType t) {
    return switch (t) {
      case DATE -> Operand.Type.DATE;
      case NUMBER -> Operand.Type.NUMBER;
      case BOOLEAN -> Operand.Type.BOOLEAN;
      default -> Operand.Type.WORD;
    };
  }

  /**
   * Evaluates an operand, calling the common kinds directly (see {@link Conditions#run}): a call
   * through the interface at a site that sees every kind costs more than the test.
   */
  static Val run(Operand o, EvalContext ctx) {
    if (o instanceof Fact x) {
      return x.eval(ctx);
    }
    if (o instanceof Literal x) {
      return x.eval(ctx);
    }
    if (o instanceof Param x) {
      return x.eval(ctx);
    }
    if (o instanceof Ref x) {
      return x.eval(ctx);
    }
    if (o instanceof AgedDate x) {
      return x.eval(ctx);
    }
    return o.eval(ctx);
  }

  static Val dateVal(PartialDate d) {
    return Val.range(d.firstEpochDay(), d.lastEpochDay());
  }

  /**
   * A scalar fact. Unknown adds the fact to the missing list; a partial date adds it as inexact.
   */
  static final class Fact implements Operand {
    final FactRef ref;
    private final Type type;

    Fact(FactRef ref) {
      this.ref = ref;
      this.type = typeOf(ref.def.type());
    }

    @Override
    public Val eval(EvalContext ctx) {
      Object v = ref.known(ctx);
      if (v == null) {
        return type == Type.WORD || type == Type.BOOLEAN ? Val.UNKNOWN_WORD : Val.UNKNOWN_RANGE;
      }
      return switch (type) {
        case DATE -> {
          PartialDate d = (PartialDate) v;
          if (!d.isExact()) {
            ref.missing(ctx, Missing.Kind.INEXACT);
          }
          yield dateVal(d);
        }
        case NUMBER -> Val.point((Double) v);
        default -> Val.word(v);
      };
    }

    @Override
    public Type type() {
      return type;
    }

    @Override
    public FactDef wordFact() {
      return type == Type.WORD ? ref.def : null;
    }
  }

  /**
   * A date that an age can stand in for (brief F.11): an entry's date bounded by the person's age
   * at entry, a departure by the age at departure. The birth date comes from {@link Birth}.
   */
  static final class AgedDate implements Operand {
    private final FactRef date;
    private final FactRef age;
    private final Birth birth;

    AgedDate(FactRef date, FactRef age, Birth birth) {
      this.date = date;
      this.age = age;
      this.birth = birth;
    }

    @Override
    public Val eval(EvalContext ctx) {
      Object d = date.get(ctx);
      if (d instanceof PartialDate pd && pd.isExact()) {
        return dateVal(pd);
      }
      Val v = d == null ? Val.UNKNOWN_RANGE : dateVal((PartialDate) d);
      Object a = age.get(ctx);
      if (a instanceof Double years) {
        int mark = ctx.mark();
        Val b = birth.eval(ctx);
        ctx.truncate(mark);
        long n = years.longValue();
        double lo = Math.max(v.lo, Calendar.addYears(b.lo, n));
        double hi = Math.min(v.hi, Calendar.addYears(b.hi, n + 1) - 1);
        if (lo <= hi) {
          v = Val.range(lo, hi);
        }
      }
      if (!v.isPoint()) {
        date.missing(
            ctx, d == null && v.isUnbounded() ? Missing.Kind.UNKNOWN : Missing.Kind.INEXACT);
      }
      return v;
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /**
   * The person's birth date: the {@code birth_date} fact narrowed by every (date, age) pair among
   * entries and removals (brief F.11). Computed once per person.
   */
  static final class Birth implements Operand {
    private final FactRef birthDate;
    private final int entries;
    private final int entryDate;
    private final int entryAge;
    private final int removals;
    private final int departure;
    private final int departureAge;

    Birth(
        FactRef birthDate,
        int entries,
        int entryDate,
        int entryAge,
        int removals,
        int departure,
        int departureAge) {
      this.birthDate = birthDate;
      this.entries = entries;
      this.entryDate = entryDate;
      this.entryAge = entryAge;
      this.removals = removals;
      this.departure = departure;
      this.departureAge = departureAge;
    }

    @Override
    public Val eval(EvalContext ctx) {
      Val v = ctx.birthCache;
      if (v == null) {
        v = compute(ctx);
        ctx.birthCache = v;
      }
      if (!v.isPoint()) {
        Object b = ctx.root.get(birthDate.chain[0]);
        birthDate.missing(
            ctx, b == null && v.isUnbounded() ? Missing.Kind.UNKNOWN : Missing.Kind.INEXACT);
      }
      return v;
    }

    private Val compute(EvalContext ctx) {
      Object b = ctx.root.get(birthDate.chain[0]);
      ctx.read("birth_date", b);
      if (b instanceof PartialDate pd && pd.isExact()) {
        return dateVal(pd);
      }
      double[] iv =
          b == null
              ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}
              : new double[] {dateVal((PartialDate) b).lo, dateVal((PartialDate) b).hi};
      narrow(ctx.root.get(entries), entryDate, entryAge, iv);
      narrow(ctx.root.get(removals), departure, departureAge, iv);
      return iv[0] <= iv[1]
          ? Val.range(iv[0], iv[1])
          : (b == null ? Val.UNKNOWN_RANGE : dateVal((PartialDate) b));
    }

    private static void narrow(Object list, int dateIdx, int ageIdx, double[] iv) {
      if (!(list instanceof List<?> items)) {
        return;
      }
      for (Object o : items) {
        Rec r = (Rec) o;
        if (r.get(dateIdx) instanceof PartialDate d && r.get(ageIdx) instanceof Double age) {
          long n = age.longValue();
          // Aged n on a day in [first, last]: born after (first - (n+1) years), on or before (last
          // - n years).
          iv[0] = Math.max(iv[0], Calendar.addYears(d.firstEpochDay(), -(n + 1)) + 1);
          iv[1] = Math.min(iv[1], Calendar.addYears(d.lastEpochDay(), -n));
        }
      }
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /** A constant. */
  static final class Literal implements Operand {
    private final Val value;
    private final Type type;

    Literal(Val value, Type type) {
      this.value = value;
      this.type = type;
    }

    @Override
    public Val eval(EvalContext ctx) {
      return value;
    }

    /** The constant itself. */
    Val value() {
      return value;
    }

    @Override
    public Type type() {
      return type;
    }
  }

  /** The as-of date of the screening. */
  static final class AsOf implements Operand {
    @Override
    public Val eval(EvalContext ctx) {
      return Val.point(ctx.asOf);
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /** No date at all (a bar without end): every comparison with it is false. */
  static final class Never implements Operand {
    @Override
    public Val eval(EvalContext ctx) {
      return Val.NONE;
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /**
   * The value of the first case whose condition holds. While a condition is unknown the result
   * spans that case's value and every later one's, so it is decided only where they agree.
   */
  static final class Cases implements Operand {
    private final Condition[] conditions;
    private final Operand[] values;
    private final Type type;

    Cases(Condition[] conditions, Operand[] values, Type type) {
      this.conditions = conditions;
      this.values = values;
      this.type = type;
    }

    @Override
    public Val eval(EvalContext ctx) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean open = false;
      boolean none = false;
      for (int i = 0; i < values.length; i++) {
        Truth t = conditions[i] == null ? Truth.TRUE : Conditions.run(conditions[i], ctx);
        if (t == Truth.FALSE) {
          continue;
        }
        Val v = values[i].eval(ctx);
        if (t == Truth.TRUE && !open) {
          return v;
        }
        if (v == Val.NONE) {
          none = true;
        } else {
          lo = Math.min(lo, v.lo);
          hi = Math.max(hi, v.hi);
        }
        open = true;
        if (t == Truth.TRUE) {
          break;
        }
        if (i == values.length - 1) {
          none = true; // perhaps no case applies at all
        }
      }
      if (!open) {
        return Val.NONE;
      }
      if (lo > hi) {
        return Val.rangeOrNone(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
      }
      return none ? Val.rangeOrNone(lo, Double.POSITIVE_INFINITY) : Val.range(lo, hi);
    }

    @Override
    public Type type() {
      return type;
    }
  }

  /**
   * A date plus whole years or days; the amount is usually a parameter (an age, a bar's length).
   */
  static final class Shift implements Operand {
    private final Operand date;
    private final Operand amount;
    private final boolean years;

    Shift(Operand date, Operand amount, boolean years) {
      this.date = date;
      this.amount = amount;
      this.years = years;
    }

    @Override
    public Val eval(EvalContext ctx) {
      Val v = run(date, ctx);
      Val n = run(amount, ctx);
      if (v == Val.NONE || n == Val.NONE) {
        return Val.NONE;
      }
      if (!n.isPoint()) {
        return Val.UNKNOWN_RANGE;
      }
      long whole = (long) n.lo;
      return years ? Calendar.addYears(v, whole) : Calendar.addDays(v, whole);
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /** The later (or earlier) of two dates; a date that does not exist gives way to the other. */
  static final class Pick implements Operand {
    private final Operand a;
    private final Operand b;
    private final boolean later;

    Pick(Operand a, Operand b, boolean later) {
      this.a = a;
      this.b = b;
      this.later = later;
    }

    @Override
    public Val eval(EvalContext ctx) {
      Val x = run(a, ctx);
      Val y = run(b, ctx);
      if (x == Val.NONE) {
        return y;
      }
      if (y == Val.NONE) {
        return x;
      }
      Val v =
          later
              ? Val.range(Math.max(x.lo, y.lo), Math.max(x.hi, y.hi))
              : Val.range(Math.min(x.lo, y.lo), Math.min(x.hi, y.hi));
      // there may be no date at all only when neither side is sure to exist
      return x.maybeNone && y.maybeNone ? Val.rangeOrNone(v.lo, v.hi) : v;
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }

  /** Whole years or days between two dates (an age is years from the birth date). */
  static final class Between implements Operand {
    private final Operand from;
    private final Operand to;
    private final boolean years;

    Between(Operand from, Operand to, boolean years) {
      this.from = from;
      this.to = to;
      this.years = years;
    }

    @Override
    public Val eval(EvalContext ctx) {
      Val a = run(from, ctx);
      Val b = run(to, ctx);
      return years ? Calendar.yearsBetween(a, b) : Calendar.daysBetween(a, b);
    }

    @Override
    public Type type() {
      return Type.NUMBER;
    }
  }

  /** A named value of the rule file (or a shared concept), kept like a {@link Conditions.Ref}. */
  static final class Ref implements Operand {
    final String name;
    final int memo;
    final int depth;
    Operand target;

    Ref(String name, int memo, int depth) {
      this.name = name;
      this.memo = memo;
      this.depth = depth;
    }

    @Override
    public Val eval(EvalContext ctx) {
      int key = ctx.memoKey(memo, depth);
      return key < 0 ? run(target, ctx) : ctx.memoized(key, target);
    }

    @Override
    public Type type() {
      return target.type();
    }

    @Override
    public FactDef wordFact() {
      return target.wordFact();
    }
  }

  /**
   * A dated parameter: the value in force on a date (the as-of date unless {@code on} is given).
   */
  static final class Param implements Operand {
    final Parameter parameter;
    private final Operand on;

    /**
     * The latest value, worked out once, and the day it took effect: what an as-of date today
     * reads.
     */
    private final Val latest;

    private final double latestFrom;

    Param(Parameter parameter, Operand on) {
      this.parameter = parameter;
      this.on = on;
      if (parameter.values().isEmpty()) {
        // a parameter without values is an error of the rule file, reported where it is declared
        this.latestFrom = Double.POSITIVE_INFINITY;
        this.latest = null;
        return;
      }
      this.latestFrom = parameter.values().get(parameter.values().size() - 1).from();
      this.latest =
          parameter.valueDuring(Val.point(latestFrom == Double.NEGATIVE_INFINITY ? 0 : latestFrom));
    }

    @Override
    public Val eval(EvalContext ctx) {
      if (on == null) {
        return ctx.asOf >= latestFrom ? latest : parameter.valueDuring(Val.point(ctx.asOf));
      }
      return parameter.valueDuring(run(on, ctx));
    }

    @Override
    public Type type() {
      return parameter.type();
    }
  }

  /**
   * Shared helper for the list aggregates: iterates a bound list, tracking the evaluation budget.
   * {@code T} is what a walk over the list gives: a {@link Val} or a {@link Truth}.
   */
  abstract static class OverList<T> {
    final FactRef list;
    final Scope scope;
    final Condition where;

    /** For a join ({@code named_by}), the ids naming the items; null otherwise. */
    Join join;

    OverList(FactRef list, Scope scope, Condition where) {
      this.list = list;
      this.scope = scope;
      this.where = where;
    }

    /** The items, or null (after noting the list as missing) when the list is unknown. */
    List<?> items(EvalContext ctx) {
      return (List<?>) list.known(ctx);
    }

    /** Walks over the list's items. */
    abstract T walk(EvalContext ctx);

    /**
     * Runs {@link #walk} and then restores the slot it binds: a definition evaluated inside another
     * list's loop may use the same slot.
     */
    final T restoring(EvalContext ctx) {
      Rec saved = ctx.items[scope.depth];
      int savedIndex = ctx.indexes[scope.depth];
      try {
        return walk(ctx);
      } finally {
        ctx.items[scope.depth] = saved;
        ctx.indexes[scope.depth] = savedIndex;
      }
    }

    Truth bind(EvalContext ctx, List<?> items, int i) {
      ctx.spend();
      ctx.items[scope.depth] = (Rec) items.get(i);
      ctx.indexes[scope.depth] = i;
      return where == null ? Truth.TRUE : Conditions.run(where, ctx);
    }

    /**
     * Binds item {@code i} of a join and evaluates {@code where}; null when the ids do not name the
     * item, which then takes no part (an exists does not count it, an every does not require it).
     * An item named only perhaps (its own id unknown, while a named id matches no item) comes back
     * as is, for the caller to weigh with {@link Members#of}.
     */
    Truth bind(EvalContext ctx, List<?> items, int i, Members members) {
      if (members == null) {
        return bind(ctx, items, i);
      }
      Truth m = members.of(i);
      if (m == Truth.FALSE) {
        return null;
      }
      Truth t = bind(ctx, items, i);
      if (m == Truth.UNKNOWN && members.known) {
        join.itemId.missing(ctx, Missing.Kind.UNKNOWN);
      }
      return t;
    }

    /** Which items a join's ids name; null without a join. */
    Members members(EvalContext ctx, List<?> items) {
      return join == null ? null : join.members(ctx, items);
    }
  }

  /**
   * A join: a list of ids (read where the quantifier stands) naming items of the list by their
   * {@code id}.
   */
  record Join(FactRef ids, FactRef itemId, int idField) {
    Members members(EvalContext ctx, List<?> items) {
      Object v = ids.known(ctx);
      if (v == null) {
        return Members.UNKNOWN_IDS;
      }
      Truth[] of = new Truth[items.size()];
      List<?> named = (List<?>) v;
      java.util.Set<Object> found = new java.util.HashSet<>();
      for (Object o : items) {
        Object id = ((Rec) o).get(idField);
        if (id != null && named.contains(id)) {
          found.add(id);
        }
      }
      int phantoms = 0;
      for (Object id : new java.util.LinkedHashSet<>(named)) {
        phantoms += found.contains(id) ? 0 : 1;
      }
      for (int i = 0; i < of.length; i++) {
        Object id = ((Rec) items.get(i)).get(idField);
        of[i] =
            id == null
                ? (phantoms > 0 ? Truth.UNKNOWN : Truth.FALSE)
                : Truth.of(named.contains(id));
      }
      return new Members(of, phantoms, true);
    }

    /** Notes what would settle the named ids that no item of the list carries. */
    void phantom(EvalContext ctx) {
      ids.missing(ctx, Missing.Kind.UNKNOWN);
    }
  }

  /**
   * The membership of each item in a join, the named ids that no item carries (each an item whose
   * facts are all unknown), and whether the ids themselves are known.
   */
  record Members(Truth[] all, int phantoms, boolean known) {
    /** The ids are unknown: every item may or may not be named. */
    static final Members UNKNOWN_IDS = new Members(null, 0, false);

    /** Whether item {@code i} is named. */
    Truth of(int i) {
      return all == null ? Truth.UNKNOWN : all[i];
    }
  }

  /**
   * The total number of days covered by the periods of a list (each from {@code start} to {@code
   * end}, both days counted), within an optional window: overlapping periods count once. Unknown
   * ends and items that may or may not count widen the result to an interval.
   */
  static final class TotalDays extends OverList<Val> implements Operand {
    private final Operand start;
    private final Operand end;
    private final Operand from;
    private final Operand to;

    TotalDays(
        FactRef list,
        Scope scope,
        Condition where,
        Operand start,
        Operand end,
        Operand from,
        Operand to) {
      super(list, scope, where);
      this.start = start;
      this.end = end;
      this.from = from;
      this.to = to;
    }

    @Override
    public Val eval(EvalContext ctx) {
      return restoring(ctx);
    }

    @Override
    Val walk(EvalContext ctx) {
      Val f = from == null ? Val.NONE : run(from, ctx);
      Val u = to == null ? Val.NONE : run(to, ctx);
      double sureFrom = f == Val.NONE ? Double.NEGATIVE_INFINITY : f.hi;
      double maybeFrom = f == Val.NONE ? Double.NEGATIVE_INFINITY : f.lo;
      double sureTo = u == Val.NONE ? Double.POSITIVE_INFINITY : u.lo;
      double maybeTo = u == Val.NONE ? Double.POSITIVE_INFINITY : u.hi;
      List<?> items = items(ctx);
      if (items == null) {
        return Val.range(0, maybeTo - maybeFrom + 1);
      }
      double[] sure = new double[items.size() * 2];
      double[] maybe = new double[items.size() * 2];
      int ns = 0;
      int nm = 0;
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i);
        if (t == Truth.FALSE) {
          continue;
        }
        Val s = run(start, ctx);
        Val e = run(end, ctx);
        if (s == Val.NONE) {
          s = Val.UNKNOWN_RANGE;
        }
        if (e == Val.NONE) {
          e = Val.UNKNOWN_RANGE;
        }
        maybe[nm++] = Math.max(s.lo, maybeFrom);
        maybe[nm++] = Math.min(e.hi, maybeTo);
        if (t == Truth.TRUE) {
          sure[ns++] = Math.max(s.hi, sureFrom);
          sure[ns++] = Math.min(e.lo, sureTo);
        }
      }
      return Val.range(union(sure, ns), union(maybe, nm));
    }

    /**
     * The number of days in the union of the periods {@code [p[2k], p[2k+1]]}, both ends counted.
     */
    static double union(double[] p, int n) {
      int count = n / 2;
      Integer[] order = new Integer[count];
      for (int k = 0; k < count; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> Double.compare(p[2 * a], p[2 * b]));
      double total = 0;
      double curStart = Double.NaN;
      double curEnd = Double.NaN;
      for (int k : order) {
        double s = p[2 * k];
        double e = p[2 * k + 1];
        if (e < s) {
          continue;
        }
        if (Double.isNaN(curStart) || s > curEnd + 1) {
          if (!Double.isNaN(curStart)) {
            total += curEnd - curStart + 1;
          }
          curStart = s;
          curEnd = e;
        } else {
          curEnd = Math.max(curEnd, e);
        }
      }
      if (!Double.isNaN(curStart)) {
        total += curEnd - curStart + 1;
      }
      return Double.isNaN(total) ? Double.POSITIVE_INFINITY : total;
    }

    @Override
    public Type type() {
      return Type.NUMBER;
    }
  }

  /**
   * The number of items satisfying {@code where}, as an interval; {@code distinct} merges items
   * sharing a key.
   */
  static final class Count extends OverList<Val> implements Operand {
    private final FactRef[] distinct;

    Count(FactRef list, Scope scope, Condition where, FactRef[] distinct) {
      super(list, scope, where);
      this.distinct = distinct;
    }

    @Override
    public Val eval(EvalContext ctx) {
      return restoring(ctx);
    }

    @Override
    Val walk(EvalContext ctx) {
      List<?> items = items(ctx);
      if (items == null) {
        return Val.range(0, Double.POSITIVE_INFINITY);
      }
      int sure = 0;
      int maybe = 0;
      Occasions occasions = distinct.length == 0 ? null : new Occasions(distinct.length == 2);
      int unkeyed = 0;
      Members members = members(ctx, items);
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i, members);
        if (t == null) {
          continue;
        }
        if (members != null) {
          t = members.of(i).and(t);
        }
        if (t == Truth.FALSE) {
          continue;
        }
        maybe++;
        if (t != Truth.TRUE) {
          continue;
        }
        sure++;
        if (occasions != null) {
          Object primary = distinct[0].get(ctx);
          if (!(primary instanceof PartialDate pd && pd.isExact())
              && !(primary instanceof String)) {
            distinct[0].missing(ctx, primary == null ? Missing.Kind.UNKNOWN : Missing.Kind.INEXACT);
            unkeyed++;
            continue;
          }
          Object second = distinct.length > 1 ? distinct[1].get(ctx) : null;
          if (distinct.length > 1 && second == null) {
            distinct[1].missing(ctx, Missing.Kind.UNKNOWN);
          }
          occasions.add(primary, second);
        }
      }
      if (members != null && members.phantoms() > 0) {
        join.phantom(ctx);
        maybe += members.phantoms();
      }
      if (occasions == null) {
        return Val.range(sure, maybe);
      }
      // An item with an unknown key may share an occasion with another, or be one of its own: at
      // least the occasions of the items whose keys are all known, and at least one if any item
      // counts; at most as many as there are if no unknown key is shared.
      int most = occasions.apart(ctx, false);
      int known = occasions.twoKeys ? occasions.apart(ctx, true) : most;
      int least = Math.max(known, most + unkeyed > 0 ? 1 : 0);
      return Val.range(least, most + unkeyed + (maybe - sure));
    }

    @Override
    public Type type() {
      return Type.NUMBER;
    }
  }

  /**
   * The items of a {@code distinct} count with their keys: the first (a date, say) and the second
   * when there is one (a scheme, say). Two items are one occasion when they share a key, so the
   * count is the largest number of items no two of which share one (brief: "convictions that did
   * not occur on the same date and did not arise from the same scheme"). Each item joins its first
   * key to its second, so the count is the largest matching of first keys to second keys, whatever
   * the order of the items.
   */
  static final class Occasions {
    /** Whether items have a second key; with one key, every item's keys are known. */
    final boolean twoKeys;

    private final Map<Object, Integer> firsts = new HashMap<>();
    private final Map<Object, Integer> seconds = new HashMap<>();

    /** Per item, its first key's number and its second's (negative: unknown, shared by none). */
    private final List<int[]> edges = new ArrayList<>();

    private int unshared;

    Occasions(boolean twoKeys) {
      this.twoKeys = twoKeys;
    }

    /** Adds an item; a null second key (unknown, or none asked for) shares nothing. */
    void add(Object first, Object second) {
      int f = firsts.computeIfAbsent(first, k -> firsts.size());
      int s = second == null ? -(++unshared) : seconds.computeIfAbsent(second, k -> seconds.size());
      edges.add(new int[] {f, s});
    }

    /** Whether an item's keys are all known: one key, or a known second one. */
    private boolean known(int[] edge) {
      return !twoKeys || edge[1] >= 0;
    }

    /**
     * The largest number of items no two of which share a key, an unknown second key sharing
     * nothing; or, {@code onlyKnown}, among the items whose keys are all known (the occasions no
     * later answer can merge). The size of a maximum matching, found by augmenting paths; each step
     * spends from the person's budget, so a hostile list cannot make it run long.
     */
    int apart(EvalContext ctx, boolean onlyKnown) {
      int left = firsts.size();
      int right = seconds.size() + unshared;
      int[][] adj = adjacency(left, onlyKnown);
      int[] matchOfRight = new int[right];
      Arrays.fill(matchOfRight, -1);
      int[] seen = new int[right];
      int[] next = new int[left];
      int[] pathLeft = new int[left];
      int[] pathRight = new int[left];
      int size = 0;
      for (int root = 0; root < left; root++) {
        int depth = 0;
        pathLeft[0] = root;
        next[root] = 0;
        boolean found = false;
        while (depth >= 0 && !found) {
          int u = pathLeft[depth];
          if (next[u] == adj[u].length) {
            depth--;
            continue;
          }
          int v = adj[u][next[u]++];
          ctx.spend();
          if (seen[v] == root + 1) {
            continue;
          }
          seen[v] = root + 1;
          pathRight[depth] = v;
          if (matchOfRight[v] < 0) {
            found = true;
          } else {
            int w = matchOfRight[v];
            depth++;
            pathLeft[depth] = w;
            next[w] = 0;
          }
        }
        if (found) {
          for (int d = depth; d >= 0; d--) {
            matchOfRight[pathRight[d]] = pathLeft[d];
          }
          size++;
        }
      }
      return size;
    }

    /** Per first key, the second keys its items join it to (unshared ones numbered after). */
    private int[][] adjacency(int left, boolean onlyKnown) {
      int[] degree = new int[left];
      for (int[] e : edges) {
        if (!onlyKnown || known(e)) {
          degree[e[0]]++;
        }
      }
      int[][] adj = new int[left][];
      for (int i = 0; i < left; i++) {
        adj[i] = new int[degree[i]];
        degree[i] = 0;
      }
      int shared = seconds.size();
      for (int[] e : edges) {
        if (!onlyKnown || known(e)) {
          adj[e[0]][degree[e[0]]++] = e[1] >= 0 ? e[1] : shared - e[1] - 1;
        }
      }
      return adj;
    }
  }

  /**
   * The sum of a number field over the items satisfying {@code where}; unknown amounts count as
   * zero or more.
   */
  static final class Sum extends OverList<Val> implements Operand {
    private final Operand value;

    Sum(FactRef list, Scope scope, Condition where, Operand value) {
      super(list, scope, where);
      this.value = value;
    }

    @Override
    public Val eval(EvalContext ctx) {
      return restoring(ctx);
    }

    @Override
    Val walk(EvalContext ctx) {
      List<?> items = items(ctx);
      if (items == null) {
        return Val.range(0, Double.POSITIVE_INFINITY);
      }
      double lo = 0;
      double hi = 0;
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i);
        if (t == Truth.FALSE) {
          continue;
        }
        Val v = run(value, ctx);
        if (t == Truth.TRUE) {
          lo += Math.max(0, v.lo);
        }
        hi += v.hi;
      }
      return Val.range(lo, hi);
    }

    @Override
    public Type type() {
      return Type.NUMBER;
    }
  }

  /** The earliest or latest date among the items satisfying {@code where}. */
  static final class Extreme extends OverList<Val> implements Operand {
    private final Operand value;
    private final boolean earliest;

    Extreme(FactRef list, Scope scope, Condition where, Operand value, boolean earliest) {
      super(list, scope, where);
      this.value = value;
      this.earliest = earliest;
    }

    @Override
    public Val eval(EvalContext ctx) {
      return restoring(ctx);
    }

    @Override
    Val walk(EvalContext ctx) {
      List<?> items = items(ctx);
      if (items == null) {
        return Val.UNKNOWN_RANGE;
      }
      // Sure items bound the result on both sides; possible items only on the side they could move
      // it.
      double sureHi = Double.POSITIVE_INFINITY;
      double maybeLo = Double.POSITIVE_INFINITY;
      double sureLoL = Double.NEGATIVE_INFINITY;
      double maybeHiL = Double.NEGATIVE_INFINITY;
      boolean anySure = false;
      boolean any = false;
      for (int i = 0; i < items.size(); i++) {
        Truth t = bind(ctx, items, i);
        if (t == Truth.FALSE) {
          continue;
        }
        any = true;
        Val v = run(value, ctx);
        maybeLo = Math.min(maybeLo, v.lo);
        maybeHiL = Math.max(maybeHiL, v.hi);
        if (t == Truth.TRUE) {
          anySure = true;
          sureHi = Math.min(sureHi, v.hi);
          sureLoL = Math.max(sureLoL, v.lo);
        }
      }
      if (!any) {
        // No item qualifies: there is no such date, and every comparison with it is false.
        return Val.NONE;
      }
      if (!anySure) {
        // Perhaps no item qualifies: then there is no such date, and comparisons are false.
        return earliest
            ? Val.rangeOrNone(maybeLo, Double.POSITIVE_INFINITY)
            : Val.rangeOrNone(Double.NEGATIVE_INFINITY, maybeHiL);
      }
      return earliest ? Val.range(maybeLo, sureHi) : Val.range(sureLoL, maybeHiL);
    }

    @Override
    public Type type() {
      return Type.DATE;
    }
  }
}
