package org.homeward.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.person.PartialDate;
import org.homeward.person.Person;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Criterion;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Missing;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;

/**
 * Screens persons against a rule set: a full {@link Screening} for a report, or the lean {@link
 * Verdict} a batch row needs. Both come from the same {@link Walk}, so they never disagree. Built
 * once per rule set and thread-safe: the same person, rules and as-of date always give the same
 * result.
 */
public final class Screener {
  private final RuleSet rules;
  private final Walk.Slots slots;

  /**
   * The reported form of each missing fact the rules name ahead, by its serial number, made when
   * first needed. Filled racily but safely: a {@link MissingFact} is immutable and any copy is as
   * good.
   */
  private final MissingFact[] reported;

  public Screener(RuleSet rules) {
    this.rules = rules;
    this.slots = new Walk.Slots(rules);
    this.reported = new MissingFact[rules.namedMissing()];
  }

  public RuleSet rules() {
    return rules;
  }

  /**
   * The as-of date for a person: the one given on the command line, else the person's own {@code
   * screening_date} when exact, else the fallback (today).
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

  private Walk walk(EvalContext ctx, LocalDate asOf) {
    Walk walk = new Walk(ctx, asOf, slots);
    ctx.linking(walk, rules.linkSlots(), rules.namedPlaces(), rules.memoSize());
    return walk;
  }

  /**
   * The verdict of screening one person: the outcomes, leads, barrier statuses and missing facts of
   * a full {@link #screen}, without building a result for every criterion, and stopping each
   * category and barrier as soon as it is decided.
   */
  public Verdict verdict(Person person, LocalDate asOf) {
    EvalContext ctx = new EvalContext(person.facts(), asOf);
    Walk walk = walk(ctx, asOf);
    List<Category> categories = rules.categories();
    List<Verdict.CategoryOutcome> outcomes = new ArrayList<>(categories.size());
    Report missing = new Report(rules.namedPlaces());
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      Walk.Decided d = walk.category(c, null);
      outcomes.add(
          new Verdict.CategoryOutcome(c.id(), d.outcome(), d.lead(), walk.opensOn(c, d.outcome())));
      int open = d.outcome() == Outcome.NEEDS_INFO ? i + 1 : 0;
      missing.add(ctx, d.pathsStart(), ctx.mark(), open);
      missing.add(ctx, d.start(), d.pathsStart(), open);
      ctx.truncate(d.start());
    }
    List<Barrier> barriers = rules.barriers();
    List<Verdict.BarrierFlag> flags = new ArrayList<>(barriers.size());
    for (int i = 0; i < barriers.size(); i++) {
      Barrier b = barriers.get(i);
      Walk.Flagged f = walk.barrier(b, null);
      flags.add(
          new Verdict.BarrierFlag(b.id(), f.status(), endsOn(f), walk.opensOn(b, f.status())));
      int open = f.status() == BarrierStatus.POSSIBLE ? categories.size() + i + 1 : 0;
      missing.add(ctx, f.endStart(), ctx.mark(), open);
      missing.add(ctx, f.start(), f.endStart(), open);
      ctx.truncate(f.start());
    }
    return new Verdict(asOf, outcomes, flags, missing.facts(), missing.waits());
  }

  /**
   * The missing facts a verdict reports, each place once, in the order first noted, and for each
   * how many open results (categories that need information, possible barriers) wait on it. Places
   * the rules name ahead are told apart by number; only the others need their paths compared.
   */
  private final class Report {
    /** Per place: its position among the facts plus one, or 0 when not reported yet. */
    private final int[] position;

    private Map<String, Integer> others;
    private MissingFact[] facts = new MissingFact[64];
    private int[] waits = new int[64];

    /** Per position: the last open result counted, so each result counts a fact once. */
    private int[] counted = new int[64];

    private int count;

    Report(int places) {
      this.position = new int[places];
    }

    /**
     * Adds the facts noted in the context from {@code from} to {@code to}; {@code result} numbers
     * the open result they come from (from 1), or is 0 when the result is not open.
     */
    void add(EvalContext ctx, int from, int to, int result) {
      for (int i = from; i < to; i++) {
        Missing m = ctx.missing(i);
        int id = m.id();
        int at;
        if (id >= 0) {
          at = position[id] - 1;
          if (at < 0) {
            at = append(m);
            position[id] = at + 1;
          }
        } else {
          if (others == null) {
            others = new HashMap<>();
          }
          Integer known = others.get(m.at());
          if (known == null) {
            at = append(m);
            others.put(m.at(), at);
          } else {
            at = known;
          }
        }
        if (result > 0 && m.isFact() && counted[at] != result) {
          counted[at] = result;
          waits[at]++;
        }
      }
    }

    private int append(Missing m) {
      if (count == facts.length) {
        facts = Arrays.copyOf(facts, count * 2);
        waits = Arrays.copyOf(waits, count * 2);
        counted = Arrays.copyOf(counted, count * 2);
      }
      facts[count] = fact(m);
      return count++;
    }

    List<MissingFact> facts() {
      return List.of(Arrays.copyOf(facts, count));
    }

    List<Integer> waits() {
      Integer[] out = new Integer[count];
      for (int i = 0; i < count; i++) {
        out[i] = waits[i];
      }
      return List.of(out);
    }
  }

  /** The reported form of a missing fact: made once for each the rules name ahead. */
  private MissingFact fact(Missing m) {
    if (m.serial() < 0) {
      return MissingFact.of(m);
    }
    MissingFact f = reported[m.serial()];
    if (f == null) {
      f = MissingFact.of(m);
      reported[m.serial()] = f;
    }
    return f;
  }

  /** Screens one person; {@code explain} records the facts each criterion read. */
  public Screening screen(Person person, LocalDate asOf, boolean explain) {
    EvalContext ctx = new EvalContext(person.facts(), asOf);
    if (explain) {
      ctx.tracing();
    }
    Walk walk = walk(ctx, asOf);
    List<CategoryResult> results = new ArrayList<>(rules.categories().size());
    for (Category c : rules.categories()) {
      results.add(screen(c, walk, ctx));
    }
    List<BarrierResult> barriers = new ArrayList<>(rules.barriers().size());
    for (Barrier b : rules.barriers()) {
      barriers.add(screen(b, walk, ctx));
    }
    Object name = person.facts().get("name");
    return new Screening(
        person.id(),
        name == null ? null : name.toString(),
        person.source(),
        asOf,
        rules.version(),
        results,
        barriers);
  }

  private CategoryResult screen(Category category, Walk walk, EvalContext ctx) {
    Collector col = new Collector(ctx, category.disqualifiers().size(), walk);
    Walk.Decided d = walk.category(category, col);
    Set<MissingFact> missing = new LinkedHashSet<>();
    collect(ctx, d.pathsStart(), ctx.mark(), missing);
    collect(ctx, d.start(), d.pathsStart(), missing);
    ctx.truncate(d.start());
    Outcome outcome = d.outcome();
    List<CriterionResult> notes = new ArrayList<>();
    for (Criterion note : category.notes()) {
      Criterion.Evaluation e = note.evaluate(ctx);
      if (e.truth() == Truth.TRUE) {
        notes.add(result(note, e.truth(), e.missing(), e.reads()));
      }
    }
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : category.nextSteps()) {
      Criterion.Evaluation e = step.evaluate(ctx);
      boolean unconditional = !step.conditional();
      if ((unconditional && outcome != Outcome.DOES_NOT_FIT)
          || (!unconditional && e.truth() == Truth.TRUE)) {
        steps.add(result(step, e.truth(), e.missing(), e.reads()));
      }
    }
    return new CategoryResult(
        category.id(),
        category.title(),
        outcome,
        d.lead(),
        col.paths,
        col.first,
        List.copyOf(missing),
        notes,
        steps,
        category.citations(),
        walk.opensOn(category, outcome));
  }

  private BarrierResult screen(Barrier b, Walk walk, EvalContext ctx) {
    Collector col = new Collector(ctx, b.triggers().size(), walk);
    Walk.Flagged f = walk.barrier(b, col);
    Set<MissingFact> missing = new LinkedHashSet<>();
    collect(ctx, f.endStart(), ctx.mark(), missing);
    collect(ctx, f.start(), f.endStart(), missing);
    ctx.truncate(f.start());
    BarrierStatus status = f.status();
    List<CriterionResult> notes = new ArrayList<>();
    for (Criterion note : b.notes()) {
      Criterion.Evaluation e = note.evaluate(ctx);
      if (e.truth() == Truth.TRUE) {
        notes.add(result(note, e.truth(), e.missing(), e.reads()));
      }
    }
    List<CriterionResult> steps = new ArrayList<>();
    for (Criterion step : b.nextSteps()) {
      Criterion.Evaluation e = step.evaluate(ctx);
      if ((!step.conditional() && status != BarrierStatus.NOT_TRIGGERED)
          || (step.conditional() && e.truth() == Truth.TRUE)) {
        steps.add(result(step, e.truth(), e.missing(), e.reads()));
      }
    }
    return new BarrierResult(
        b.id(),
        b.title(),
        status,
        endsOn(f),
        col.first,
        col.loose,
        List.copyOf(missing),
        notes,
        steps,
        b.citations(),
        b.affects(),
        walk.opensOn(b, status));
  }

  /** The day a time-limited barrier that applies (or may) ends, when known exactly. */
  private static LocalDate endsOn(Walk.Flagged f) {
    return f.status() != BarrierStatus.NOT_TRIGGERED && f.end() != null && f.end().exact()
        ? f.end().first()
        : null;
  }

  private static void collect(EvalContext ctx, int from, int to, Set<MissingFact> into) {
    for (int i = from; i < to; i++) {
      into.add(MissingFact.of(ctx.missing(i)));
    }
  }

  /**
   * Keeps every criterion's result as the walk evaluates it: the first {@code split} (a category's
   * disqualifiers, a barrier's triggers) apart, then the rest, grouped by path where there are
   * paths.
   */
  private static final class Collector implements Walk.Recorder {
    private final EvalContext ctx;
    private final int split;
    private final Walk walk;
    private final List<CriterionResult> first = new ArrayList<>();
    private final List<CriterionResult> loose = new ArrayList<>();
    private final List<PathResult> paths = new ArrayList<>();

    Collector(EvalContext ctx, int split, Walk walk) {
      this.ctx = ctx;
      this.split = split;
      this.walk = walk;
    }

    @Override
    public void criterion(Criterion c, Truth t, int mark) {
      CriterionResult r =
          result(c, t, t == Truth.UNKNOWN ? ctx.missingSince(mark) : List.of(), ctx.takeReads());
      (first.size() < split ? first : loose).add(r);
    }

    @Override
    public void path(RulePath p, Truth t) {
      paths.add(
          new PathResult(
              p.id(),
              p.title(),
              t,
              loose,
              t == Truth.TRUE ? null : walk.opensOn(p.opensOn()),
              p.gap()));
      loose.clear();
    }
  }

  private static CriterionResult result(
      Criterion c, Truth truth, List<Missing> missing, List<EvalContext.Read> reads) {
    MissingFact[] facts = new MissingFact[missing.size()];
    for (int i = 0; i < facts.length; i++) {
      facts[i] = MissingFact.of(missing.get(i));
    }
    return new CriterionResult(
        c.id(), c.text(), truth, c.citations(), c.question(), List.of(facts), reads);
  }
}
