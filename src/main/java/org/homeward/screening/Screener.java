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
import org.homeward.rules.Missing;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;

/**
 * Screens persons against a rule set. Built once per rule set and thread-safe: the same person,
 * rules and as-of date always give the same result.
 */
public final class Screener {
  private final RuleSet rules;

  public Screener(RuleSet rules) {
    this.rules = rules;
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
    boolean disqualified = disqualifiers.stream().anyMatch(r -> r.truth() == Truth.TRUE);
    List<PathResult> paths = new ArrayList<>();
    boolean anyMet = false;
    boolean allFailed = true;
    boolean lead = false;
    for (RulePath p : category.paths()) {
      List<CriterionResult> criteria = new ArrayList<>();
      Truth truth = Truth.TRUE;
      boolean leadHere = false;
      for (Criterion c : p.criteria()) {
        CriterionResult r = evaluate(c, ctx);
        criteria.add(r);
        truth = truth.and(r.truth());
        leadHere |= c.lead() && r.truth() == Truth.TRUE;
      }
      paths.add(new PathResult(p.id(), p.title(), truth, criteria));
      anyMet |= truth == Truth.TRUE;
      allFailed &= truth == Truth.FALSE;
      lead |= leadHere && truth == Truth.UNKNOWN;
    }
    Outcome outcome;
    if (disqualified) {
      outcome = Outcome.DOES_NOT_FIT;
    } else if (anyMet) {
      outcome = Outcome.MAY_FIT;
    } else if (allFailed) {
      outcome = Outcome.DOES_NOT_FIT;
    } else {
      outcome = Outcome.NEEDS_INFO;
    }
    Set<MissingFact> missing = new LinkedHashSet<>();
    if (outcome == Outcome.NEEDS_INFO) {
      for (PathResult p : paths) {
        if (p.truth() == Truth.UNKNOWN) {
          p.criteria().forEach(r -> r.missing().forEach(m -> missing.add(m)));
        }
      }
    }
    if (outcome != Outcome.DOES_NOT_FIT) {
      disqualifiers.forEach(r -> r.missing().forEach(m -> missing.add(m)));
    }
    List<CriterionResult> notes = evaluate(category.notes(), ctx).stream()
        .filter(r -> r.truth() == Truth.TRUE).toList();
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : category.nextSteps()) {
      CriterionResult r = evaluate(step, ctx);
      boolean unconditional = !step.conditional();
      if ((unconditional && outcome != Outcome.DOES_NOT_FIT) || (!unconditional && r.truth() == Truth.TRUE)) {
        steps.add(r);
      }
    }
    return new CategoryResult(category.id(), category.title(), outcome, outcome == Outcome.NEEDS_INFO && lead,
        paths, disqualifiers, List.copyOf(missing), notes, steps, category.citations());
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
      if (end.none()) {
        ended = Truth.FALSE;
      } else if (end.exact()) {
        endsOn = end.first();
        ended = Truth.of(!asOf.isBefore(endsOn));
      } else if (end.last() != null && !asOf.isBefore(end.last())) {
        ended = Truth.TRUE;
      } else if (end.first() != null && asOf.isBefore(end.first())) {
        ended = Truth.FALSE;
      } else {
        ended = Truth.UNKNOWN;
        end.missing().forEach(m -> missing.add(fact(m)));
      }
    }
    BarrierStatus status;
    if (triggered == Truth.FALSE || excepted == Truth.TRUE) {
      status = BarrierStatus.NOT_TRIGGERED;
    } else if (triggered == Truth.TRUE && ended == Truth.TRUE) {
      status = BarrierStatus.EXPIRED;
    } else if (triggered == Truth.TRUE && excepted == Truth.FALSE && ended == Truth.FALSE) {
      status = BarrierStatus.ACTIVE;
    } else {
      status = BarrierStatus.POSSIBLE;
    }
    if (status == BarrierStatus.POSSIBLE) {
      triggers.forEach(r -> missing.addAll(r.missing()));
      exceptions.forEach(r -> missing.addAll(r.missing()));
    } else {
      missing.clear();
    }
    List<CriterionResult> notes = evaluate(b.notes(), ctx).stream().filter(r -> r.truth() == Truth.TRUE).toList();
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : b.nextSteps()) {
      CriterionResult r = evaluate(step, ctx);
      if ((!step.conditional() && status != BarrierStatus.NOT_TRIGGERED) || (step.conditional() && r.truth() == Truth.TRUE)) {
        steps.add(r);
      }
    }
    return new BarrierResult(b.id(), b.title(), status, endsOn, triggers, exceptions, List.copyOf(missing), notes,
        steps, b.citations(), b.affects());
  }

  private List<CriterionResult> evaluate(List<Criterion> criteria, EvalContext ctx) {
    List<CriterionResult> out = new ArrayList<>(criteria.size());
    for (Criterion c : criteria) {
      out.add(evaluate(c, ctx));
    }
    return out;
  }

  private CriterionResult evaluate(Criterion c, EvalContext ctx) {
    Criterion.Evaluation e = c.evaluate(ctx);
    List<MissingFact> missing = e.missing().isEmpty() ? List.of() : new ArrayList<>(e.missing().size());
    for (Missing m : e.missing()) {
      missing.add(fact(m));
    }
    return new CriterionResult(c.id(), c.text(), e.truth(), c.citations(), c.question(), missing, e.reads());
  }

  private static MissingFact fact(Missing m) {
    return new MissingFact(m.kind(), m.path(), m.at(), question(m));
  }

  private static String question(Missing m) {
    if (m.kind() == Missing.Kind.REVIEW) {
      return m.at();
    }
    String q = m.question() == null ? "What is " + m.path() + "?" : m.question();
    return m.kind() == Missing.Kind.INEXACT ? "Exact date needed. " + q : q;
  }
}
