package org.homeward.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.homeward.document.Diagnostic;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Citation;
import org.homeward.rules.Concepts;
import org.homeward.rules.Criterion;
import org.homeward.rules.Encoding;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;
import org.homeward.ruletest.CaseResult;
import org.homeward.ruletest.RuleTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code homeward rules ...}: browse, check and test a rule set. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Browse, check and test the rule set (rules/<category>/rule.yaml and tests.yaml).",
    subcommands = {
      RulesCommand.ListCommand.class,
      RulesCommand.ShowCommand.class,
      RulesCommand.CheckCommand.class,
      RulesCommand.TestCommand.class,
      RulesCommand.GapsCommand.class
    })
final class RulesCommand {

  /** {@code rules list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the categories of the rule set, with its version.")
  static final class ListCommand implements Callable<Integer> {
    private final Io io;
    @Mixin RuleOptions rules;

    ListCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      RuleSet set = rules.load();
      io.out().println("Rule set " + set.version());
      io.out().println("Categories, in report order:");
      for (Category c : set.categories()) {
        io.out().printf("  %-26s %s (%d paths)%n", c.id(), c.title(), c.paths().size());
      }
      io.out().println("Barriers:");
      for (Barrier b : set.barriers()) {
        io.out()
            .printf("  %-26s %s (affects %s)%n", b.id(), b.title(), String.join(", ", b.affects()));
      }
      if (!set.concepts().all().isEmpty()) {
        io.out().println("Shared legal concepts (" + set.concepts().source() + "):");
        for (Concepts.Concept c : set.concepts().all()) {
          io.out()
              .printf(
                  "  %-26s [%s]%n",
                  c.name(),
                  String.join(", ", c.citations().stream().map(Object::toString).toList()));
        }
      }
      return ExitCode.OK.code();
    }
  }

  /** {@code rules show ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show one category (paths, criteria, disqualifiers, next steps, citations) or one barrier (triggers, exceptions, citations).")
  static final class ShowCommand implements Callable<Integer> {
    private final Io io;
    @Mixin RuleOptions rules;

    @Parameters(
        paramLabel = "ID",
        description = "Category or barrier id, as listed by 'homeward rules list'.")
    String id;

    ShowCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      RuleSet set = rules.load();
      Category c = set.category(id);
      Barrier b = set.barriers().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      if (b != null) {
        return barrier(b);
      }
      if (c == null) {
        io.err()
            .println(
                "homeward: no category or barrier '"
                    + id
                    + "'; the categories are: "
                    + String.join(", ", set.categories().stream().map(Category::id).toList())
                    + "; the barriers are: "
                    + String.join(", ", set.barriers().stream().map(Barrier::id).toList()));
        return ExitCode.USAGE.code();
      }
      var out = io.out();
      out.println(c.title() + " [" + c.id() + "]");
      out.println("  " + (c.summary() == null ? "" : c.summary()));
      out.println("  Defined in " + c.source());
      for (RulePath p : c.paths()) {
        out.println();
        out.println("  Path " + p.id() + ": " + p.title());
        p.criteria().forEach(k -> criterion(out, k));
      }
      if (!c.disqualifiers().isEmpty()) {
        out.println();
        out.println("  Disqualifiers:");
        c.disqualifiers().forEach(k -> criterion(out, k));
      }
      if (!c.coverage().isEmpty()) {
        out.println();
        out.println(
            "  Periods of the law the paths encode (elsewhere: needs_info with an attorney-review point):");
        c.coverage().forEach(e -> GapsCommand.encoding(out, e));
      }
      if (!c.nextSteps().isEmpty()) {
        out.println();
        out.println("  Next steps:");
        c.nextSteps().forEach(k -> out.println("    - " + k.text()));
      }
      citations(out, c.citations());
      return ExitCode.OK.code();
    }

    private static void citations(java.io.PrintWriter out, List<Citation> citations) {
      out.println();
      out.println("  Citations:");
      for (Citation cite : citations) {
        out.println(
            "    ["
                + cite.id()
                + "] "
                + cite.title()
                + (cite.url() == null ? "" : " <" + cite.url() + ">"));
      }
    }

    private int barrier(Barrier b) {
      var out = io.out();
      out.println(b.title() + " [" + b.id() + "] - affects " + String.join(", ", b.affects()));
      out.println("  " + (b.summary() == null ? "" : b.summary()));
      out.println("  Defined in " + b.source());
      out.println();
      out.println("  Applies when any of these is met:");
      b.triggers().forEach(k -> criterion(out, k));
      if (!b.exceptions().isEmpty()) {
        out.println();
        out.println("  Lifted by any of these:");
        b.exceptions().forEach(k -> criterion(out, k));
      }
      citations(out, b.citations());
      return ExitCode.OK.code();
    }

    private static void criterion(java.io.PrintWriter out, Criterion k) {
      out.println(
          "    - "
              + k.id()
              + ": "
              + k.text()
              + " ["
              + String.join(", ", k.citations().stream().map(Object::toString).toList())
              + "]");
      if (k.question() != null) {
        out.println("        ask: " + k.question());
      }
    }
  }

  /** {@code rules gaps [DIR]}: what the rule set leaves to an attorney, category by category. */
  @Command(
      name = "gaps",
      mixinStandardHelpOptions = true,
      description = {
        "List, for each category, the periods of the law its paths do not encode (a person whose date "
            + "falls there gets needs_info with an attorney-review point, never does_not_fit) and the "
            + "criteria that only defer to an attorney (met or unknown, never not met)."
      })
  static final class GapsCommand implements Callable<Integer> {
    private final Io io;

    @Mixin RuleFolder folder;

    GapsCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      RuleOptions rules = folder.options();
      RuleSet set = rules.load();
      var out = io.out();
      out.println("Rule set " + set.version() + ": what these rules leave to an attorney");
      for (Category c : set.categories()) {
        out.println();
        out.println(c.title() + " [" + c.id() + "]");
        if (c.coverage().isEmpty()) {
          out.println("  No dated branches declared.");
        }
        c.coverage().forEach(e -> encoding(out, e));
        List<String> deferring =
            c.paths().stream()
                .filter(p -> !p.gap())
                .flatMap(
                    p ->
                        p.criteria().stream()
                            .filter(Criterion::defers)
                            .map(k -> p.id() + "/" + k.id()))
                .toList();
        if (!deferring.isEmpty()) {
          out.println("  Criteria that only defer to an attorney: " + String.join(", ", deferring));
        }
      }
      return ExitCode.OK.code();
    }

    static void encoding(java.io.PrintWriter out, Encoding e) {
      out.println(
          "  "
              + e.id()
              + ": "
              + e.text()
              + " (by "
              + e.dateText()
              + ") ["
              + String.join(", ", e.citations().stream().map(Object::toString).toList())
              + "]");
      for (Encoding.Span s : e.encoded()) {
        out.println("    encoded " + s.describe() + ": " + String.join(", ", s.paths()));
      }
      for (Encoding.Span s : e.gaps()) {
        out.println("    NOT ENCODED " + s.describe() + " -> attorney review");
      }
    }
  }

  /** {@code rules check [DIR]}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check a rule set without running it: YAML syntax, unknown facts, values and tags, operand types, "
            + "missing citations and questions, dates or numbers written into conditions instead of cited "
            + "parameters, cycles of links between categories, shared concepts redefined, and unverified "
            + "criteria that could answer 'not met'.",
        "Every problem is printed as file:line:col with the offending text."
      })
  static final class CheckCommand implements Callable<Integer> {
    private final Io io;

    @Mixin RuleFolder folder;

    @Option(
        names = "--untranslated",
        description =
            "List every human-facing text that has no Spanish twin (rule.es.yaml, facts.es.yaml, "
                + "concepts.es.yaml) yet.")
    boolean untranslated;

    CheckCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      RuleOptions rules = folder.options();
      List<Diagnostic> problems = RuleLoader.check(rules.source());
      problems.forEach(d -> io.err().println(d.render()));
      long errors = problems.stream().filter(Diagnostic::isError).count();
      long warnings = problems.size() - errors;
      if (errors > 0) {
        io.err().println(errors + " error(s), " + warnings + " warning(s).");
        return ExitCode.RULES.code();
      }
      io.out().println("Rule set OK (" + warnings + " warning(s)).");
      org.homeward.document.Translations tr =
          org.homeward.rules.RuleLoader.load(rules.source()).translations();
      if (untranslated) {
        tr.untranslated().forEach(t -> io.out().println("untranslated: " + t));
      }
      if (!tr.untranslated().isEmpty()) {
        io.out()
            .println(
                tr.untranslated().size()
                    + " of "
                    + tr.size()
                    + " human-facing texts have no Spanish twin"
                    + (untranslated
                        ? "."
                        : " ('homeward rules check --untranslated' lists them)."));
      }
      return ExitCode.OK.code();
    }
  }

  /** {@code rules test [DIR]}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run every tests.yaml case of the rule set and report each one.",
        "--coverage also reports, for every criterion, whether the cases drive it met, not met and unknown, "
            + "and fails when one lacks any of the three."
      })
  static final class TestCommand implements Callable<Integer> {
    private final Io io;

    @Mixin RuleFolder folder;

    @Option(
        names = "--coverage",
        description = "Report criterion coverage; fail when a criterion is not covered three ways.")
    boolean coverage;

    @Option(names = "--quiet", description = "Print only failures and the summary.")
    boolean quiet;

    TestCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      RuleOptions rules = folder.options();
      RuleSet set = rules.load();
      RuleTestRunner.Report report = new RuleTestRunner(set, rules.source()).run();
      Map<List<Object>, List<CaseResult>> unrun = new LinkedHashMap<>();
      for (CaseResult r : report.cases()) {
        if (r.base() != null) {
          unrun.computeIfAbsent(unrunBy(r), k -> new ArrayList<>()).add(r);
        }
      }
      for (CaseResult r : report.cases()) {
        List<CaseResult> same = r.base() == null ? List.of() : unrun.get(unrunBy(r));
        if (r.passed()) {
          if (!quiet) {
            io.out().println("PASS " + r.category() + ": " + r.name());
          }
        } else if (same.size() < 2) {
          io.out().println("FAIL " + r.category() + ": " + r.name() + "  (" + r.location() + ")");
          r.failures().forEach(f -> io.out().println("     " + f));
        } else if (same.get(0) == r) {
          printUnrun(r, same);
        }
      }
      long failed = report.failed();
      io.out().println(report.cases().size() - failed + " passed, " + failed + " failed");
      boolean gaps = false;
      if (coverage) {
        io.out().println();
        io.out().println("Criterion coverage (met / not met / unknown):");
        for (Map.Entry<String, Set<Truth>> e : report.coverage().results().entrySet()) {
          Set<Truth> s = e.getValue();
          io.out()
              .printf(
                  "  %s %s %s  %s%n",
                  s.contains(Truth.TRUE) ? "✓" : "-",
                  s.contains(Truth.FALSE) ? "✗" : "-",
                  s.contains(Truth.UNKNOWN) ? "?" : "-",
                  e.getKey());
        }
        List<String> missing = report.coverage().gaps();
        Set<String> unknown = report.coverage().unknown();
        gaps = !missing.isEmpty() || !unknown.isEmpty();
        io.out()
            .println(
                !missing.isEmpty()
                    ? missing.size() + " criteria are not covered three ways:"
                    : unknown.isEmpty()
                        ? "Every criterion is covered met, not met and unknown."
                        : "Every criterion whose tests ran is covered met, not met and unknown.");
        missing.forEach(m -> io.out().println("  " + m));
        if (!unknown.isEmpty()) {
          io.out()
              .println(
                  "Coverage not known (the tests.yaml cannot be read): "
                      + String.join(", ", unknown));
        }
      }
      return failed > 0 || gaps ? ExitCode.ROW_ERRORS.code() : ExitCode.OK.code();
    }

    /** What the cases one unreadable base person stopped share: where it is, and its problems. */
    private static List<Object> unrunBy(CaseResult r) {
      return List.of(r.base().location(), r.failures());
    }

    /** Most line numbers listed for the cases that one unreadable base person stopped. */
    private static final int LINES_LISTED = 30;

    /**
     * The cases that did not run because the base person they are built on cannot be read: the
     * person's problems once, and where the cases are, rather than the same problems once a case.
     */
    private void printUnrun(CaseResult first, List<CaseResult> same) {
      List<String> lines =
          same.stream().limit(LINES_LISTED).map(c -> String.valueOf(c.location().line())).toList();
      io.out()
          .println(
              "FAIL "
                  + first.category()
                  + ": base person '"
                  + first.base().name()
                  + "' ("
                  + first.base().location()
                  + ") cannot be read, so the "
                  + same.size()
                  + " cases built on it did not run (lines "
                  + String.join(", ", lines)
                  + (same.size() > LINES_LISTED
                      ? " and " + (same.size() - LINES_LISTED) + " more"
                      : "")
                  + ")");
      first.failures().forEach(f -> io.out().println("     " + f));
    }
  }
}
