package org.homeward.ruletest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.person.PartialDate;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.Concepts;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.homeward.rules.Truth;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.CriterionResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.PathResult;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;

/**
 * Runs every {@code <category>/tests.yaml} of a rule set. A case is a one-sentence name, an {@code
 * as_of} date, the person's {@code facts}, and what to {@code expect}: the outcome, and optionally
 * the open kind, the missing facts (catalogue paths), per-criterion results and notes.
 */
public final class RuleTestRunner {
  private static final Set<String> CASE_KEYS = Set.of("name", "as_of", "base", "facts", "expect");
  private static final Set<String> EXPECT_KEYS =
      Set.of("outcome", "open", "opens_on", "missing", "reviews", "criteria", "notes");
  private static final Set<String> BARRIER_EXPECT_KEYS =
      Set.of("status", "ends_on", "opens_on", "missing", "reviews", "criteria", "notes");

  private final RuleSet rules;
  private final RuleSource source;
  private final Screener screener;
  private final PersonBuilder builder;

  public RuleTestRunner(RuleSet rules, RuleSource source) {
    this.rules = rules;
    this.source = source;
    this.screener = new Screener(rules);
    this.builder = new PersonBuilder(rules.facts());
  }

  /** All cases of all categories and the coverage they reach. */
  public record Report(List<CaseResult> cases, Coverage coverage) {
    public long failed() {
      return cases.stream().filter(c -> !c.passed()).count();
    }
  }

  /** What a test case checks: a category, a barrier, or the shared legal concepts. */
  public enum Kind {
    CATEGORY,
    BARRIER,
    CONCEPTS
  }

  /**
   * A test case ready to run, for JUnit's dynamic tests. Its body's {@code facts} are the case's
   * own, laid over its named {@code base} person's when it has one. A tests.yaml that is missing or
   * cannot be read is one case with no body that fails, saying why ({@code unreadable}), so that
   * the other files' cases still run.
   */
  public record TestCase(
      String category,
      String name,
      Location location,
      Node body,
      Kind kind,
      String unreadable,
      Base base) {
    public TestCase(String category, String name, Location location, Node body, Kind kind) {
      this(category, name, location, body, kind, null, null);
    }

    public boolean barrier() {
      return kind == Kind.BARRIER;
    }
  }

  /**
   * A base person of a tests.yaml ({@code bases:}) as a case uses it: its name, where it is
   * declared, and its facts (its own base's under them).
   */
  public record Base(String name, Location location, Node facts) {}

  /** The name of the one case of a tests.yaml that cannot be read. */
  static final String UNREADABLE = "(tests.yaml cannot be read: no case in it ran)";

  /**
   * Reads every case of every category; a category without tests.yaml, or whose tests.yaml cannot
   * be read, is one failing case.
   */
  public List<TestCase> cases() {
    List<TestCase> out = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    if (!rules.concepts().all().isEmpty()) {
      folders.add("concepts");
    }
    rules.categories().forEach(c -> folders.add(c.id()));
    rules.barriers().forEach(b -> folders.add("barriers/" + b.id()));
    for (String folder : folders) {
      Kind kind =
          folder.equals("concepts")
              ? Kind.CONCEPTS
              : folder.startsWith("barriers/") ? Kind.BARRIER : Kind.CATEGORY;
      String id = kind == Kind.BARRIER ? folder.substring("barriers/".length()) : folder;
      String rel = folder + "/tests.yaml";
      String text;
      try {
        text = source.read(rel);
      } catch (IOException e) {
        text = null;
      }
      Location fileLoc = Location.of(source.name(rel));
      if (text == null) {
        out.add(new TestCase(id, "(no tests.yaml)", fileLoc, null, kind));
        continue;
      }
      Node doc;
      try {
        doc = NodeReader.readYaml(new StringReader(text), source.name(rel));
      } catch (ProblemException e) {
        Diagnostic d = e.diagnostics().get(0);
        out.add(new TestCase(id, UNREADABLE, d.location(), null, kind, d.message(), null));
        continue;
      }
      if (!(doc instanceof Node.Mapping m) || !(m.get("cases") instanceof Node.Seq seq)) {
        out.add(
            new TestCase(
                id,
                UNREADABLE,
                doc.location(),
                null,
                kind,
                "a tests.yaml needs a 'cases' list",
                null));
        continue;
      }
      Bases bases = new Bases(m.get("bases"));
      for (Node n : seq.items()) {
        String name =
            n instanceof Node.Mapping cm && cm.get("name") instanceof Node.Scalar s
                ? s.text()
                : "(unnamed)";
        Bases.Applied c = bases.apply(n);
        out.add(new TestCase(id, name, n.location(), c.body(), kind, null, c.base()));
      }
    }
    return out;
  }

  /** Runs every case. */
  public Report run() {
    Coverage coverage = new Coverage(rules);
    List<CaseResult> results = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TestCase t : cases()) {
      CaseResult r = run(t, coverage);
      if (!names.add(t.category() + "/" + t.name())) {
        List<String> f = new ArrayList<>(r.failures());
        f.add("another case in this file has the same name");
        r = new CaseResult(r.category(), r.name(), r.location(), f);
      }
      results.add(r);
    }
    return new Report(results, coverage);
  }

  /** The problems of each base person read alone, by where it is declared. */
  private final Map<Location, List<String>> baseProblems =
      new java.util.concurrent.ConcurrentHashMap<>();

  private List<String> baseProblems(Base base) {
    return baseProblems.computeIfAbsent(
        base.location(),
        at ->
            builder.build(base.facts(), base.name()).problems().stream()
                .map(Diagnostic::render)
                .toList());
  }

  /** Runs one case, recording coverage when given. */
  public CaseResult run(TestCase t, Coverage coverage) {
    List<String> failures = new ArrayList<>();
    if (t.body() == null) {
      if (t.unreadable() != null && coverage != null) {
        coverage.unknown(t.category());
      }
      failures.add(
          t.unreadable() != null
              ? t.unreadable()
              : "category '" + t.category() + "' has no tests.yaml");
      return new CaseResult(t.category(), t.name(), t.location(), failures);
    }
    if (!(t.body() instanceof Node.Mapping m)) {
      failures.add(
          "a case is a map with name, as_of, facts and expect; found " + t.body().describe());
      return new CaseResult(t.category(), t.name(), t.location(), failures);
    }
    for (String key : m.entries().keySet()) {
      if (!CASE_KEYS.contains(key)) {
        failures.add("unknown key '" + key + "' (expected name, as_of, facts, expect)");
      }
    }
    PartialDate asOf = m.get("as_of") instanceof Node.Scalar s ? PartialDate.parse(s.text()) : null;
    if (asOf == null || !asOf.isExact()) {
      failures.add("'as_of' must be a date YYYY-MM-DD: rule tests always state their date");
    }
    Node facts =
        m.get("facts") == null
            ? new Node.Mapping(m.location(), Map.of(), Map.of())
            : m.get("facts");
    PersonBuilder.Result built = builder.build(facts, t.name());
    if (m.get("base") instanceof Node.Scalar b && Bases.UNKNOWN.equals(b.text())) {
      failures.add("no base person named in 'base:' is declared under 'bases:' in this file");
    }
    for (Diagnostic d : built.problems()) {
      failures.add(d.render());
    }
    if (!(m.get("expect") instanceof Node.Mapping expect)) {
      failures.add("'expect' is required, with at least an 'outcome'");
      return new CaseResult(t.category(), t.name(), t.location(), failures);
    }
    if (!failures.isEmpty()) {
      // when every failure is the base person's own, the case did not run because of its base
      boolean stopped = t.base() != null && baseProblems(t.base()).containsAll(failures);
      return new CaseResult(
          t.category(), t.name(), t.location(), failures, stopped ? t.base() : null);
    }
    if (t.kind() == Kind.CONCEPTS) {
      checkConcepts(expect, built.person(), asOf.first(), coverage, failures);
      return new CaseResult(t.category(), t.name(), t.location(), failures);
    }
    Screening s = screener.screen(built.person(), asOf.first(), false);
    if (t.barrier()) {
      BarrierResult b = s.barrier(t.category());
      if (coverage != null) {
        b.triggers()
            .forEach(r -> coverage.record(Coverage.key(b.id(), "triggers", r.id()), r.truth()));
        b.exceptions()
            .forEach(r -> coverage.record(Coverage.key(b.id(), "exceptions", r.id()), r.truth()));
      }
      checkBarrier(expect, b, failures);
      return new CaseResult(t.category(), t.name(), t.location(), failures);
    }
    CategoryResult c = s.category(t.category());
    if (coverage != null) {
      for (PathResult p : c.paths()) {
        for (CriterionResult r : p.criteria()) {
          coverage.record(Coverage.key(c.id(), p.id(), r.id()), r.truth());
        }
      }
      for (CriterionResult r : c.disqualifiers()) {
        coverage.record(Coverage.key(c.id(), "disqualifiers", r.id()), r.truth());
      }
    }
    check(expect, c, failures);
    return new CaseResult(t.category(), t.name(), t.location(), failures);
  }

  /**
   * A concept case expects, per concept named, its result for the person: {@code met}, {@code
   * not_met} or {@code unknown}; for a concept over a list, one such word per item ({@code [met,
   * not_met]}); for a value, its text ({@code 2001-05-03}, {@code unknown}).
   */
  private void checkConcepts(
      Node.Mapping expect,
      org.homeward.person.Person person,
      java.time.LocalDate asOf,
      Coverage coverage,
      List<String> failures) {
    for (Map.Entry<String, Node> e : expect.entries().entrySet()) {
      Concepts.Concept concept = rules.concepts().get(e.getKey());
      if (concept == null) {
        failures.add("no shared concept '" + e.getKey() + "'");
        continue;
      }
      Object got = rules.concepts().evaluate(e.getKey(), person.facts(), asOf);
      String want;
      String shown;
      if (got instanceof List<?> truths) {
        want =
            e.getValue() instanceof Node.Seq seq
                ? seq.items().stream().map(RuleTestRunner::text).toList().toString()
                : text(e.getValue());
        shown = truths.stream().map(x -> ((Truth) x).word()).toList().toString();
        if (coverage != null) {
          truths.forEach(
              x -> coverage.record(Coverage.key("concepts", "concepts", e.getKey()), (Truth) x));
        }
      } else if (got instanceof Truth truth) {
        want = text(e.getValue());
        shown = truth.word();
        if (coverage != null) {
          coverage.record(Coverage.key("concepts", "concepts", e.getKey()), truth);
        }
      } else {
        want = text(e.getValue());
        shown = String.valueOf(got);
      }
      if (!java.util.Objects.equals(want, shown)) {
        failures.add(e.getKey() + ": expected " + want + ", got " + shown);
      }
    }
  }

  private static void check(Node.Mapping expect, CategoryResult c, List<String> failures) {
    for (String key : expect.entries().keySet()) {
      if (!EXPECT_KEYS.contains(key)) {
        failures.add(
            "unknown key '"
                + key
                + "' in expect (expected one of "
                + new TreeSet<>(EXPECT_KEYS)
                + ")");
      }
    }
    String outcome = text(expect.get("outcome"));
    if (outcome == null) {
      failures.add("expect.outcome is required");
    } else if (!outcome.equals(c.outcome().word())) {
      failures.add("outcome: expected " + outcome + ", got " + c.outcome().word() + explainOpen(c));
    }
    String open = text(expect.get("open"));
    if (open != null && !open.equals(c.openKind())) {
      failures.add("open: expected " + open + ", got " + c.openKind());
    }
    checkDate(expect, "opens_on", c.opensOn(), failures);
    checkDetails(expect, c.missing(), allCriteria(c), c.notes(), c.id(), failures);
  }

  private static void checkBarrier(Node.Mapping expect, BarrierResult b, List<String> failures) {
    for (String key : expect.entries().keySet()) {
      if (!BARRIER_EXPECT_KEYS.contains(key)) {
        failures.add(
            "unknown key '"
                + key
                + "' in expect (expected one of "
                + new TreeSet<>(BARRIER_EXPECT_KEYS)
                + ")");
      }
    }
    String status = text(expect.get("status"));
    if (status == null) {
      failures.add(
          "expect.status is required for a barrier (active, possible, expired, not_triggered)");
    } else if (!status.equals(b.status().word())) {
      failures.add(
          "status: expected "
              + status
              + ", got "
              + b.status().word()
              + (b.missing().isEmpty()
                  ? ""
                  : " (missing " + b.missing().stream().map(MissingFact::at).toList() + ")"));
    }
    checkDate(expect, "ends_on", b.endsOn(), failures);
    checkDate(expect, "opens_on", b.opensOn(), failures);
    List<CriterionResult> criteria = new ArrayList<>(b.triggers());
    criteria.addAll(b.exceptions());
    checkDetails(expect, b.missing(), criteria, b.notes(), b.id(), failures);
  }

  /**
   * A date expectation ({@code ends_on}, {@code opens_on}), when the case gives one; {@code null}
   * expects none.
   */
  private static void checkDate(
      Node.Mapping expect, String key, java.time.LocalDate actual, List<String> failures) {
    if (expect.entries().containsKey(key)) {
      String want = text(expect.get(key));
      String got = actual == null ? null : actual.toString();
      if (!java.util.Objects.equals(want, got)) {
        failures.add(key + ": expected " + want + ", got " + got);
      }
    }
  }

  /**
   * The expectations shared by categories and barriers: missing facts, criterion results, notes
   * shown.
   */
  private static void checkDetails(
      Node.Mapping expect,
      List<MissingFact> missing,
      List<CriterionResult> criteria,
      List<CriterionResult> notes,
      String owner,
      List<String> failures) {
    checkSet(
        expect.get("missing"),
        "missing facts",
        missing.stream()
            .filter(m -> m.kind() != Missing.Kind.REVIEW)
            .map(MissingFact::path)
            .toList(),
        failures);
    checkSet(
        expect.get("reviews"),
        "attorney-review points",
        missing.stream()
            .filter(m -> m.kind() == Missing.Kind.REVIEW)
            .map(MissingFact::path)
            .toList(),
        failures);
    checkSet(
        expect.get("notes"), "notes", notes.stream().map(CriterionResult::id).toList(), failures);
    if (expect.get("criteria") instanceof Node.Mapping crit) {
      for (Map.Entry<String, Node> e : crit.entries().entrySet()) {
        CriterionResult r =
            criteria.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElse(null);
        String want = text(e.getValue());
        if (r == null) {
          failures.add("criteria: no criterion '" + e.getKey() + "' in " + owner);
        } else if (!r.truth().word().equals(want)) {
          failures.add(
              "criterion "
                  + e.getKey()
                  + ": expected "
                  + want
                  + ", got "
                  + r.truth().word()
                  + (r.truth() == Truth.UNKNOWN
                      ? " (missing " + r.missing().stream().map(MissingFact::at).toList() + ")"
                      : ""));
        }
      }
    } else if (expect.get("criteria") != null) {
      failures.add(
          "criteria: expected a map of criterion ids to met, not_met or unknown, found "
              + expect.get("criteria").describe());
    }
  }

  /** An exact-set expectation (missing facts, notes), when the case gives one. */
  private static void checkSet(
      Node expected, String what, List<String> actual, List<String> failures) {
    if (expected == null) {
      return;
    }
    if (!(expected instanceof Node.Seq seq)) {
      failures.add(what + ": expected a list, found " + expected.describe());
      return;
    }
    Set<String> want = new TreeSet<>();
    for (Node n : seq.items()) {
      String word = text(n);
      if (word == null) {
        failures.add(what + ": expected words, found " + n.describe());
        return;
      }
      want.add(word);
    }
    Set<String> got = new TreeSet<>(actual);
    if (!want.equals(got)) {
      failures.add(what + ": expected " + want + ", got " + got);
    }
  }

  private static List<CriterionResult> allCriteria(CategoryResult c) {
    List<CriterionResult> out = new ArrayList<>();
    c.paths().forEach(p -> out.addAll(p.criteria()));
    out.addAll(c.disqualifiers());
    return out;
  }

  private static String explainOpen(CategoryResult c) {
    if (c.missing().isEmpty()) {
      return "";
    }
    return " (missing " + c.missing().stream().map(MissingFact::at).toList() + ")";
  }

  private static String text(Node n) {
    return n instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }
}
