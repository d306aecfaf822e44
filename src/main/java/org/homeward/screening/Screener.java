package org.homeward.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.homeward.person.PartialDate;
import org.homeward.person.Person;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Criterion;
import org.homeward.rules.DateExpression;
import org.homeward.rules.EvalContext;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;

/**
 * Screens persons against a rule set. Built once per rule set and thread-safe: the same person,
 * rules and as-of date always give the same result.
 */
public final class Screener {
  private final RuleSet rules;
  private final LeanScreener lean;

  public Screener(RuleSet rules) {
    this.rules = rules;
    this.lean = new LeanScreener(rules);
  }

  public RuleSet rules() {
    return rules;
  }

  /**
   * The as-of date for a person: the one given on the command line, else the person's own
   * {@code screening_date} when exact, else the fallback (today).
   */
  public static LocalDate asOf(Person person, LocalDate given, LocalDate fallback) {
    if (given != null) {
      return given;
    }
    if (person.facts().get("screening_date") instanceof PartialDate d && d.isExact()) {
      return d.first();
    }
    return fallback;
  }

  /**
   * The verdict of screening one person: the same outcomes, leads, barrier statuses and missing
   * facts as {@link Verdict#of} a full {@link #screen}, at a fraction of the cost.
   */
  public Verdict verdict(Person person, LocalDate asOf) {
    return lean.verdict(person, asOf);
  }

  /** Screens one person; {@code explain} records the facts each criterion read. */
  public Screening screen(Person person, LocalDate asOf, boolean explain) {
    EvalContext ctx = new EvalContext(person.facts(), asOf);
    if (explain) {
      ctx.tracing();
    }
    List<CategoryResult> results = new ArrayList<>(rules.categories().size());
    for (Category c : rules.categories()) {
      results.add(screen(c, ctx));
    }
    List<BarrierResult> barriers = new ArrayList<>(rules.barriers().size());
    for (Barrier b : rules.barriers()) {
      barriers.add(screen(b, ctx, asOf));
    }
    Object name = person.facts().get("name");
    return new Screening(person.id(), name == null ? null : name.toString(), person.source(), asOf,
        rules.version(), results, barriers);
  }

  private CategoryResult screen(Category category, EvalContext ctx) {
    List<CriterionResult> disqualifiers = evaluate(category.disqualifiers(), ctx);
    boolean disqualified = false;
    for (CriterionResult r : disqualifiers) {
      disqualified |= r.truth() == Truth.TRUE;
    }
    List<RulePath> rulePaths = category.paths();
    PathResult[] paths = new PathResult[rulePaths.size()];
    boolean anyMet = false;
    boolean allFailed = true;
    boolean lead = false;
    for (int i = 0; i < paths.length; i++) {
      RulePath p = rulePaths.get(i);
      CriterionResult[] criteria = new CriterionResult[p.criteria().size()];
      Truth truth = Truth.TRUE;
      boolean leadHere = false;
      for (int k = 0; k < criteria.length; k++) {
        Criterion c = p.criteria().get(k);
        CriterionResult r = evaluate(c, ctx);
        criteria[k] = r;
        truth = truth.and(r.truth());
        leadHere |= c.lead() && r.truth() == Truth.TRUE;
      }
      paths[i] = new PathResult(p.id(), p.title(), truth, List.of(criteria));
      anyMet |= truth == Truth.TRUE;
      allFailed &= truth == Truth.FALSE;
      lead |= leadHere && truth == Truth.UNKNOWN;
    }
    Outcome outcome = outcome(disqualified, anyMet, allFailed);
    Set<MissingFact> missing = new LinkedHashSet<>();
    if (outcome == Outcome.NEEDS_INFO) {
      for (PathResult p : paths) {
        if (p.truth() == Truth.UNKNOWN) {
          p.criteria().forEach(r -> missing.addAll(r.missing()));
        }
      }
    }
    if (outcome != Outcome.DOES_NOT_FIT) {
      disqualifiers.forEach(r -> missing.addAll(r.missing()));
    }
    List<CriterionResult> notes = new ArrayList<>();
    for (Criterion note : category.notes()) {
      Criterion.Evaluation e = note.evaluate(ctx);
      if (e.truth() == Truth.TRUE) {
        notes.add(result(note, e));
      }
    }
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : category.nextSteps()) {
      Criterion.Evaluation e = step.evaluate(ctx);
      boolean unconditional = !step.conditional();
      if ((unconditional && outcome != Outcome.DOES_NOT_FIT) || (!unconditional && e.truth() == Truth.TRUE)) {
        steps.add(result(step, e));
      }
    }
    return new CategoryResult(category.id(), category.title(), outcome, outcome == Outcome.NEEDS_INFO && lead,
        List.of(paths), disqualifiers, List.copyOf(missing), notes, steps, category.citations());
  }

  /**
   * A barrier applies when a trigger is met and no exception is; it has expired once the as-of date
   * reaches its end; anything left open makes it possible.
   */
  private BarrierResult screen(Barrier b, EvalContext ctx, LocalDate asOf) {
    List<CriterionResult> triggers = evaluate(b.triggers(), ctx);
    List<CriterionResult> exceptions = evaluate(b.exceptions(), ctx);
    Truth triggered = Truth.FALSE;
    for (CriterionResult r : triggers) {
      triggered = triggered.or(r.truth());
    }
    Truth excepted = Truth.FALSE;
    for (CriterionResult r : exceptions) {
      excepted = excepted.or(r.truth());
    }
    Set<MissingFact> missing = new LinkedHashSet<>();
    LocalDate endsOn = null;
    Truth ended = Truth.FALSE;
    if (b.ends() != null) {
      DateExpression.Result end = b.ends().evaluate(ctx);
      endsOn = end.exact() ? end.first() : null;
      ended = ended(end, asOf);
      if (ended == Truth.UNKNOWN) {
        end.missing().forEach(m -> missing.add(MissingFact.of(m)));
      }
    }
    BarrierStatus status = status(triggered, excepted, ended);
    if (status == BarrierStatus.POSSIBLE) {
      triggers.forEach(r -> missing.addAll(r.missing()));
      exceptions.forEach(r -> missing.addAll(r.missing()));
    } else {
      missing.clear();
    }
    List<CriterionResult> notes = new ArrayList<>();
    for (Criterion note : b.notes()) {
      Criterion.Evaluation e = note.evaluate(ctx);
      if (e.truth() == Truth.TRUE) {
        notes.add(result(note, e));
      }
    }
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : b.nextSteps()) {
      Criterion.Evaluation e = step.evaluate(ctx);
      if ((!step.conditional() && status != BarrierStatus.NOT_TRIGGERED) || (step.conditional() && e.truth() == Truth.TRUE)) {
        steps.add(result(step, e));
      }
    }
    return new BarrierResult(b.id(), b.title(), status, endsOn, triggers, exceptions, List.copyOf(missing), notes,
        steps, b.citations(), b.affects());
  }

  /** A category is out when disqualified, may fit when a path is met, is out when every path fails, and else is open. */
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

  private List<CriterionResult> evaluate(List<Criterion> criteria, EvalContext ctx) {
    CriterionResult[] out = new CriterionResult[criteria.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = evaluate(criteria.get(i), ctx);
    }
    return List.of(out);
  }

  private CriterionResult evaluate(Criterion c, EvalContext ctx) {
    return result(c, c.evaluate(ctx));
  }

  /** The result of a criterion as evaluated; its lists are built immutable, so the record need not copy them. */
  private static CriterionResult result(Criterion c, Criterion.Evaluation e) {
    MissingFact[] missing = new MissingFact[e.missing().size()];
    for (int i = 0; i < missing.length; i++) {
      missing[i] = MissingFact.of(e.missing().get(i));
    }
    return new CriterionResult(c.id(), c.text(), e.truth(), c.citations(), c.question(), List.of(missing), e.reads());
  }
}
