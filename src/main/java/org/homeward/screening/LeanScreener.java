package org.homeward.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.homeward.person.Person;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Criterion;
import org.homeward.rules.DateExpression;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Missing;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;

/**
 * Screens for a {@link Verdict} alone. Outcomes are decided exactly as {@link Screener#screen}
 * decides them, but only the work a verdict shows is done: no result object per criterion, no
 * notes or next steps, and no criterion whose truth can no longer change the verdict. It stops at
 * a disqualifier that applies, at a path's first failed criterion, at the first path met, at a
 * barrier that nothing triggers and at the first exception that lifts it. The facts an unknown
 * criterion leaves missing stay noted in the evaluation context until the outcome shows whether
 * they are reported; only those are ever named.
 *
 * <p>The loops over criteria are indexed: evaluating a criterion is a call the JIT cannot inline,
 * so an iterator would escape and be allocated for every loop.
 */
final class LeanScreener {
  private final RuleSet rules;

  LeanScreener(RuleSet rules) {
    this.rules = rules;
  }

  Verdict verdict(Person person, LocalDate asOf) {
    Run run = new Run(new EvalContext(person.facts(), asOf), asOf);
    List<Category> categories = rules.categories();
    Outcome[] outcomes = new Outcome[categories.size()];
    boolean[] leads = new boolean[categories.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = run.screen(categories.get(i));
      leads[i] = run.lead;
    }
    List<Barrier> barriers = rules.barriers();
    BarrierStatus[] statuses = new BarrierStatus[barriers.size()];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = run.screen(barriers.get(i));
    }
    return new Verdict(asOf, outcomes, leads, statuses, run.missing);
  }

  /** Screening one person: the evaluation context, the last category's lead flag, and the facts missing so far. */
  private static final class Run {
    private final EvalContext ctx;
    private final LocalDate asOf;
    private final List<MissingFact> missing = new ArrayList<>();
    /** The concrete paths ({@code at}) of the facts in {@link #missing}. */
    private final Set<String> reported = new HashSet<>(128);
    private boolean lead;

    Run(EvalContext ctx, LocalDate asOf) {
      this.ctx = ctx;
      this.asOf = asOf;
    }

    /** A category's outcome; sets {@link #lead} and reports what an open or met category misses. */
    Outcome screen(Category category) {
      lead = false;
      int start = ctx.mark();
      List<Criterion> disqualifiers = category.disqualifiers();
      for (int i = 0; i < disqualifiers.size(); i++) {
        if (disqualifiers.get(i).test(ctx) == Truth.TRUE) {
          ctx.truncate(start);
          return Outcome.DOES_NOT_FIT;
        }
      }
      int pathsStart = ctx.mark();
      boolean anyMet = false;
      boolean allFailed = true;
      boolean anyLead = false;
      List<RulePath> paths = category.paths();
      for (int i = 0; i < paths.size(); i++) {
        List<Criterion> criteria = paths.get(i).criteria();
        int pathStart = ctx.mark();
        Truth truth = Truth.TRUE;
        boolean leadHere = false;
        for (int k = 0; k < criteria.size(); k++) {
          Criterion c = criteria.get(k);
          Truth t = c.test(ctx);
          truth = truth.and(t);
          if (truth == Truth.FALSE) {
            break;
          }
          leadHere |= c.lead() && t == Truth.TRUE;
        }
        if (truth == Truth.TRUE) {
          anyMet = true;
          break;
        }
        if (truth == Truth.FALSE) {
          ctx.truncate(pathStart);
        } else {
          allFailed = false;
          anyLead |= leadHere;
        }
      }
      Outcome outcome = Screener.outcome(false, anyMet, allFailed);
      if (outcome == Outcome.NEEDS_INFO) {
        lead = anyLead;
        report(pathsStart, ctx.mark());
      }
      if (outcome != Outcome.DOES_NOT_FIT) {
        report(start, pathsStart);
      }
      ctx.truncate(start);
      return outcome;
    }

    /**
     * A barrier's status: it applies when a trigger is met and no exception is, has expired once the
     * as-of date reaches its end, and is possible while anything is open; only then is what it
     * misses reported (the end date's facts first, as in a full screening).
     */
    BarrierStatus screen(Barrier barrier) {
      int start = ctx.mark();
      Truth triggered = Truth.FALSE;
      List<Criterion> triggers = barrier.triggers();
      for (int i = 0; i < triggers.size(); i++) {
        triggered = triggered.or(triggers.get(i).test(ctx));
      }
      if (triggered == Truth.FALSE) {
        ctx.truncate(start);
        return BarrierStatus.NOT_TRIGGERED;
      }
      Truth excepted = Truth.FALSE;
      List<Criterion> exceptions = barrier.exceptions();
      for (int i = 0; i < exceptions.size(); i++) {
        excepted = excepted.or(exceptions.get(i).test(ctx));
        if (excepted == Truth.TRUE) {
          ctx.truncate(start);
          return BarrierStatus.NOT_TRIGGERED;
        }
      }
      Truth ended = Truth.FALSE;
      List<Missing> endMissing = List.of();
      if (barrier.ends() != null) {
        DateExpression.Result end = barrier.ends().evaluate(ctx);
        ended = Screener.ended(end, asOf);
        if (ended == Truth.UNKNOWN) {
          endMissing = end.missing();
        }
      }
      BarrierStatus status = Screener.status(triggered, excepted, ended);
      if (status == BarrierStatus.POSSIBLE) {
        endMissing.forEach(this::report);
        report(start, ctx.mark());
      }
      ctx.truncate(start);
      return status;
    }

    /** Reports the facts noted in the context from {@code from} to {@code to}. */
    private void report(int from, int to) {
      for (int i = from; i < to; i++) {
        report(ctx.missing(i));
      }
    }

    /** Reports a missing fact unless one with the same concrete path already is. */
    private void report(Missing m) {
      if (reported.add(m.at())) {
        missing.add(MissingFact.of(m));
      }
    }
  }
}
