package org.homeward.screening;

import java.time.LocalDate;
import java.util.List;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Criterion;
import org.homeward.rules.DateExpression;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Link;
import org.homeward.rules.Linker;
import org.homeward.rules.RulePath;
import org.homeward.rules.Truth;

/**
 * The one walk that decides a category's outcome and a barrier's status for one person, whether the
 * result becomes a full report or a batch row's verdict: a {@link Recorder} that wants every
 * criterion gets every criterion evaluated; without one, the walk stops as soon as the result is
 * decided. Either way the decisions are the same, and afterwards the context holds, after the marks
 * the walk returns, exactly the facts that the result reports as missing.
 *
 * <p>The walk is also the {@link Linker}: a condition that reads another category's outcome, a
 * path's result or a barrier's status has it worked out here, without a recorder.
 *
 * <p>The loops over criteria are indexed: evaluating a criterion is a call the JIT cannot inline,
 * so an iterator would escape and be allocated for every loop.
 */
final class Walk implements Linker {
  private final EvalContext ctx;
  private final LocalDate asOf;
  private final Slots slots;

  /**
   * What {@link #evaluate} last worked out, for the memo of a link: a lead, and a category's split.
   */
  private boolean lastLead;

  private int lastSplit;

  /**
   * Where the results of the rule set's categories, paths and barriers are kept for the links that
   * read them (-1: no link reads it), by the model's own objects. Made once per rule set.
   */
  static final class Slots {
    private final java.util.Map<Object, Integer> slot = new java.util.IdentityHashMap<>();

    Slots(org.homeward.rules.RuleSet rules) {
      for (Category c : rules.categories()) {
        slot.put(c, rules.linkSlot(Link.Kind.CATEGORY, c.id()));
        for (RulePath p : c.paths()) {
          slot.put(p, rules.linkSlot(Link.Kind.PATH, c.id() + "/" + p.id()));
        }
      }
      for (Barrier b : rules.barriers()) {
        slot.put(b, rules.linkSlot(Link.Kind.BARRIER, b.id()));
      }
    }

    int of(Object result) {
      Integer s = slot.get(result);
      return s == null ? -1 : s;
    }
  }

  /** Whether the path {@link #path} just walked met a lead criterion. */
  private boolean pathLead;

  /** What a report keeps of a walk; the walk calls it only when it wants every criterion. */
  interface Recorder {
    /**
     * A criterion as evaluated: its truth, with what kept it open noted in the context since {@code
     * mark}.
     */
    void criterion(Criterion c, Truth t, int mark);

    /** A path's result, after its criteria. */
    void path(RulePath p, Truth t);
  }

  /**
   * A category's outcome and lead flag; the missing facts it reports are noted in the context from
   * {@code pathsStart} on (the open paths') and from {@code start} to {@code pathsStart} (the
   * disqualifiers').
   */
  record Decided(Outcome outcome, boolean lead, int start, int pathsStart) {}

  /**
   * A barrier's status and end; the missing facts it reports are noted in the context from {@code
   * endStart} on (the end date's) and from {@code start} to {@code endStart}.
   */
  record Flagged(BarrierStatus status, DateExpression.Result end, int start, int endStart) {}

  Walk(EvalContext ctx, LocalDate asOf, Slots slots) {
    this.ctx = ctx;
    this.asOf = asOf;
    this.slots = slots;
  }

  /** A category's outcome; {@code rec} (may be null) sees every criterion and path. */
  Decided category(Category category, Recorder rec) {
    int start = ctx.mark();
    int slot = rec == null ? slots.of(category) : -1;
    if (ctx.known(slot)) {
      // a link has worked the category out already: put back what it left
      Truth t = ctx.restore(slot);
      Outcome o =
          t == Truth.TRUE
              ? Outcome.MAY_FIT
              : t == Truth.FALSE ? Outcome.DOES_NOT_FIT : Outcome.NEEDS_INFO;
      return new Decided(
          o, o == Outcome.NEEDS_INFO && ctx.lead(slot), start, start + ctx.split(slot));
    }
    // Without a recorder only the whole category's missing facts are read: each place once will do.
    int outer = rec == null ? ctx.frame(start) : -1;
    boolean disqualified = false;
    List<Criterion> disqualifiers = category.disqualifiers();
    for (int i = 0; i < disqualifiers.size(); i++) {
      Criterion c = disqualifiers.get(i);
      int mark = ctx.mark();
      Truth t = test(c, rec, mark);
      if (t == Truth.TRUE) {
        disqualified = true;
        if (rec == null) {
          break;
        }
      }
    }
    int pathsStart = ctx.mark();
    if (rec == null) {
      // the paths' facts are read apart from the disqualifiers' (and first): a frame of their own
      ctx.frame(pathsStart);
    }
    boolean anyMet = false;
    boolean allFailed = true;
    boolean anyLead = false;
    List<RulePath> paths = category.paths();
    for (int i = 0; i < paths.size() && (rec != null || !disqualified && !anyMet); i++) {
      RulePath p = paths.get(i);
      int pathStart = ctx.mark();
      Truth truth = path(p, rec);
      if (truth == Truth.TRUE) {
        anyMet = true;
        allFailed = false;
      } else if (truth == Truth.FALSE) {
        ctx.truncate(pathStart);
      } else {
        allFailed = false;
        anyLead |= pathLead;
      }
    }
    Outcome outcome = outcome(disqualified, anyMet, allFailed);
    if (rec == null) {
      ctx.frame(outer);
    }
    if (outcome == Outcome.DOES_NOT_FIT) {
      ctx.truncate(start);
    } else if (outcome == Outcome.MAY_FIT) {
      ctx.truncate(pathsStart);
    }
    Decided d =
        new Decided(
            outcome,
            outcome == Outcome.NEEDS_INFO && anyLead,
            start,
            Math.min(pathsStart, ctx.mark()));
    ctx.keep(
        slot,
        outcome == Outcome.MAY_FIT
            ? Truth.TRUE
            : outcome == Outcome.DOES_NOT_FIT ? Truth.FALSE : Truth.UNKNOWN,
        start,
        d.lead(),
        d.pathsStart() - start);
    return d;
  }

  /**
   * A path's result; without a recorder it stops at the first criterion that fails. Sets {@link
   * #pathLead} when a lead criterion is met.
   */
  private Truth path(RulePath p, Recorder rec) {
    int slot = rec == null ? slots.of(p) : -1;
    if (ctx.known(slot)) {
      // a link has worked the path out already
      pathLead = ctx.lead(slot);
      return ctx.restore(slot);
    }
    int start = ctx.mark();
    // a path a link may read keeps its own whole list of missing facts
    int outer = slot >= 0 ? ctx.frame(start) : -1;
    List<Criterion> criteria = p.criteria();
    Truth truth = Truth.TRUE;
    boolean lead = false;
    for (int k = 0; k < criteria.size(); k++) {
      Criterion c = criteria.get(k);
      int mark = ctx.mark();
      Truth t = test(c, rec, mark);
      truth = truth.and(t);
      if (truth == Truth.FALSE && rec == null) {
        break;
      }
      lead |= c.lead() && t == Truth.TRUE;
    }
    if (rec != null) {
      rec.path(p, truth);
    }
    if (slot >= 0) {
      ctx.frame(outer);
      if (truth != Truth.TRUE) {
        // as a link leaves it: a path met or failed notes nothing
        ctx.keep(slot, truth, truth == Truth.FALSE ? ctx.mark() : start, lead, 0);
      } else {
        ctx.keep(slot, truth, ctx.mark(), lead, 0);
      }
    }
    pathLead = lead;
    return truth;
  }

  /**
   * A barrier's status: it applies when a trigger is met and no exception is, has expired once the
   * as-of date reaches its end, and is possible while anything is open.
   */
  Flagged barrier(Barrier barrier, Recorder rec) {
    int start = ctx.mark();
    int outer = rec == null ? ctx.frame(start) : -1;
    Truth triggered = Truth.FALSE;
    List<Criterion> triggers = barrier.triggers();
    for (int i = 0; i < triggers.size(); i++) {
      Criterion c = triggers.get(i);
      int mark = ctx.mark();
      Truth t = test(c, rec, mark);
      triggered = triggered.or(t);
    }
    Truth excepted = Truth.FALSE;
    List<Criterion> exceptions = barrier.exceptions();
    for (int i = 0;
        i < exceptions.size()
            && (rec != null || triggered != Truth.FALSE && excepted != Truth.TRUE);
        i++) {
      Criterion c = exceptions.get(i);
      int mark = ctx.mark();
      Truth t = test(c, rec, mark);
      excepted = excepted.or(t);
    }
    if (rec == null) {
      ctx.frame(outer);
    }
    int endStart = ctx.mark();
    DateExpression.Result end = null;
    Truth ended = Truth.FALSE;
    if (barrier.ends() != null
        && (rec != null || triggered != Truth.FALSE && excepted != Truth.TRUE)) {
      end = barrier.ends().evaluate(ctx);
      ended = ended(end, asOf);
      if (ended == Truth.UNKNOWN) {
        int frame = ctx.frame(endStart);
        end.missing().forEach(ctx::note);
        ctx.frame(frame);
      }
    }
    BarrierStatus status = status(triggered, excepted, ended);
    if (status != BarrierStatus.POSSIBLE) {
      ctx.truncate(start);
    }
    return new Flagged(status, end, start, Math.min(endStart, ctx.mark()));
  }

  /**
   * The earliest day after the as-of date from which time alone may open one of a category's paths:
   * only for a category that does not fit yet (no path is met), from the paths' {@code opens_on}.
   */
  LocalDate opensOn(Category category, Outcome outcome) {
    if (outcome == Outcome.MAY_FIT) {
      return null;
    }
    LocalDate first = null;
    List<RulePath> paths = category.paths();
    for (int i = 0; i < paths.size(); i++) {
      first = earlier(first, opensOn(paths.get(i).opensOn()));
    }
    return first;
  }

  /**
   * The earliest day after the as-of date from which an active or possible barrier's exception may
   * apply.
   */
  LocalDate opensOn(Barrier barrier, BarrierStatus status) {
    if (status != BarrierStatus.ACTIVE && status != BarrierStatus.POSSIBLE) {
      return null;
    }
    LocalDate first = null;
    List<Criterion> exceptions = barrier.exceptions();
    for (int i = 0; i < exceptions.size(); i++) {
      first = earlier(first, opensOn(exceptions.get(i).opensOn()));
    }
    return first;
  }

  /** A date expression's day when it is known exactly and after the as-of date; else null. */
  LocalDate opensOn(DateExpression when) {
    if (when == null) {
      return null;
    }
    DateExpression.Result r = when.evaluate(ctx);
    return r.exact() && r.first().isAfter(asOf) ? r.first() : null;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  /**
   * Tests a criterion. With a recorder, the criterion is its own frame, so that the facts it lists
   * are all it waits on (see {@link EvalContext#frame}); the recorder sees the result.
   */
  private Truth test(Criterion c, Recorder rec, int mark) {
    if (rec == null) {
      return c.test(ctx);
    }
    int outer = ctx.frame(mark);
    Truth t = c.test(ctx);
    ctx.frame(outer);
    rec.criterion(c, t, mark);
    return t;
  }

  @Override
  public Truth evaluate(Link link, EvalContext linked) {
    return switch (link.kind()) {
      case CATEGORY -> {
        Decided d = category(link.category(), null);
        lastLead = d.lead();
        lastSplit = d.pathsStart() - d.start();
        Outcome o = d.outcome();
        yield o == Outcome.MAY_FIT
            ? Truth.TRUE
            : o == Outcome.DOES_NOT_FIT ? Truth.FALSE : Truth.UNKNOWN;
      }
      case PATH -> {
        int mark = ctx.mark();
        Truth t = path(link.path(), null);
        lastLead = pathLead;
        lastSplit = 0;
        if (t != Truth.UNKNOWN) {
          ctx.truncate(mark);
        }
        yield t;
      }
      case BARRIER -> {
        int mark = ctx.mark();
        BarrierStatus s = barrier(link.barrier(), null).status();
        lastLead = false;
        lastSplit = 0;
        if (s != BarrierStatus.POSSIBLE) {
          ctx.truncate(mark);
        }
        yield s == BarrierStatus.ACTIVE
            ? Truth.TRUE
            : s == BarrierStatus.POSSIBLE ? Truth.UNKNOWN : Truth.FALSE;
      }
    };
  }

  @Override
  public boolean lead() {
    return lastLead;
  }

  @Override
  public int split() {
    return lastSplit;
  }

  /**
   * A category is out when disqualified, may fit when a path is met, is out when every path fails,
   * and else is open.
   */
  static Outcome outcome(boolean disqualified, boolean anyMet, boolean allFailed) {
    if (disqualified) {
      return Outcome.DOES_NOT_FIT;
    }
    if (anyMet) {
      return Outcome.MAY_FIT;
    }
    return allFailed ? Outcome.DOES_NOT_FIT : Outcome.NEEDS_INFO;
  }

  /** Whether a barrier has ended by the as-of date, given the days its end may be. */
  static Truth ended(DateExpression.Result end, LocalDate asOf) {
    if (end.none()) {
      return Truth.FALSE;
    }
    if (end.exact()) {
      return Truth.of(!asOf.isBefore(end.first()));
    }
    if (end.last() != null && !asOf.isBefore(end.last())) {
      return Truth.TRUE;
    }
    if (end.first() != null && asOf.isBefore(end.first())) {
      return Truth.FALSE;
    }
    return Truth.UNKNOWN;
  }

  /** A barrier's status from whether it is triggered, excepted and ended. */
  static BarrierStatus status(Truth triggered, Truth excepted, Truth ended) {
    if (triggered == Truth.FALSE || excepted == Truth.TRUE) {
      return BarrierStatus.NOT_TRIGGERED;
    }
    if (triggered == Truth.TRUE && ended == Truth.TRUE) {
      return BarrierStatus.EXPIRED;
    }
    if (triggered == Truth.TRUE && excepted == Truth.FALSE && ended == Truth.FALSE) {
      return BarrierStatus.ACTIVE;
    }
    return BarrierStatus.POSSIBLE;
  }
}
