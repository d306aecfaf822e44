package org.homeward.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.homeward.rules.Citation;
import org.homeward.rules.Missing;
import org.homeward.rules.Truth;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.CriterionResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.PathResult;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * Writes a screening as a report for people: each category with its outcome, criteria met (✓), not
 * met (✗) and unknown (?), the questions to ask, notes, next steps and citations, then the as-of
 * date, rule-set version and disclaimer. Colour only when asked for (a terminal).
 */
public final class TextReport {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";

  /** How many questions the folded list of unexplored categories shows. */
  private static final int UNEXPLORED_QUESTIONS = 12;

  private final boolean color;
  private final boolean explain;
  private final Words w;

  /** How many of the most decisive questions the report lists near the top ("Ask next"). */
  private final int questions;

  public TextReport(boolean color, boolean explain) {
    this(color, explain, Words.english());
  }

  /** A report in the language of {@code words}. */
  public TextReport(boolean color, boolean explain, Words words) {
    this(color, explain, words, JsonReport.QUESTIONS);
  }

  /** As above, listing the {@code questions} most decisive questions near the top (0: none). */
  public TextReport(boolean color, boolean explain, Words words, int questions) {
    this.color = color;
    this.explain = explain;
    this.w = words;
    this.questions = questions;
  }

  /** Writes one person's report. */
  public void write(Screening s, Writer out) throws IOException {
    write(s, Verdict.of(s), out);
  }

  /**
   * Writes one person's report, with its verdict ({@code Verdict.of(s)}, for the next questions).
   */
  public void write(Screening s, Verdict v, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
            paint(
                BOLD,
                w.ui("report.title", org.homeward.document.Diagnostic.printable(s.personId()))))
        .append('\n');
    if (s.name() != null) {
      b.append(w.ui("report.name", org.homeward.document.Diagnostic.printable(s.name())))
          .append('\n');
    }
    b.append(w.ui("report.asof", s.asOf(), s.rulesVersion())).append('\n');
    askNext(b, v);
    // Groups in the brief's precedence within each: may fit (a possible citizen first, as the
    // rule set orders it), leads, then what does not fit; unexplored categories fold into one list.
    group(b, s, w.ui("group.may_fit"), c -> c.outcome() == Outcome.MAY_FIT, true);
    group(
        b,
        s,
        w.ui("group.needs_info"),
        c -> c.outcome() == Outcome.NEEDS_INFO && (c.lead() || explain),
        true);
    group(b, s, w.ui("group.does_not_fit"), c -> c.outcome() == Outcome.DOES_NOT_FIT, explain);
    List<CategoryResult> unexplored =
        s.categories().stream()
            .filter(c -> c.outcome() == Outcome.NEEDS_INFO && !c.lead() && !explain)
            .toList();
    if (!unexplored.isEmpty()) {
      b.append('\n')
          .append(paint(BOLD, w.ui("group.unexplored")))
          .append(' ')
          .append(w.ui("group.unexplored.note"))
          .append('\n');
      List<MissingFact> asks = new ArrayList<>();
      for (CategoryResult c : unexplored) {
        b.append("  ? ").append(w.rule(c.title())).append(" [").append(c.id()).append("]\n");
        asks.addAll(c.missing());
      }
      b.append("  ").append(w.ui("group.unexplored.questions")).append('\n');
      questions(b, asks, UNEXPLORED_QUESTIONS);
    }
    List<BarrierResult> flagged =
        s.barriers().stream().filter(x -> x.status() != BarrierStatus.NOT_TRIGGERED).toList();
    if (!flagged.isEmpty()) {
      b.append('\n').append(paint(BOLD, w.ui("barriers.heading"))).append('\n');
      for (BarrierResult bar : flagged) {
        b.append("  ")
            .append(w.rule(bar.title()))
            .append(" [")
            .append(bar.id())
            .append("]: ")
            .append(status(bar))
            .append('\n');
        for (CriterionResult r : bar.triggers()) {
          if (r.truth() != Truth.FALSE) {
            criterion(b, r, "      ");
          }
        }
        questions(b, bar.missing(), Integer.MAX_VALUE);
        list(b, w.ui("notes"), bar.notes());
        list(b, w.ui("next_steps"), bar.nextSteps());
      }
    }
    b.append('\n').append(w.ui("disclaimer")).append('\n');
    out.write(b.toString());
  }

  /** Writes a row that could not be screened: where it is, its id when known, and each problem. */
  public void writeError(org.homeward.person.Row row, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    String id =
        row.id() == null ? "" : " (" + org.homeward.document.Diagnostic.printable(row.id()) + ")";
    b.append(paint(BOLD, w.ui("report.error", row.label(), id))).append('\n');
    for (org.homeward.document.Diagnostic d : row.problems()) {
      b.append("  - ").append(d.render().replace("\n", "\n    ")).append('\n');
    }
    out.write(b.toString());
  }

  private void category(StringBuilder b, CategoryResult c) {
    String outcome = w.outcome(c.outcome()).toUpperCase(java.util.Locale.ROOT);
    if (c.outcome() == Outcome.NEEDS_INFO) {
      outcome += " (" + w.ui(c.lead() ? "open.lead" : "open.unexplored") + ")";
    }
    String colour =
        switch (c.outcome()) {
          case MAY_FIT -> GREEN;
          case NEEDS_INFO -> YELLOW;
          case DOES_NOT_FIT -> RED;
        };
    b.append(paint(BOLD, w.rule(c.title())))
        .append(" [")
        .append(c.id())
        .append("]: ")
        .append(paint(colour, outcome))
        .append('\n');
    if (c.opensOn() != null) {
      b.append("  ").append(w.ui("opens_on", c.opensOn())).append('\n');
    }
    for (PathResult p : c.paths()) {
      if (p.gap() && p.truth() == Truth.FALSE && !explain) {
        continue; // the person's date is in a period the rules encode: nothing to say
      }
      b.append("  ").append(mark(p.truth())).append(' ').append(w.ui("path", w.rule(p.title())));
      if (p.opensOn() != null) {
        b.append(' ').append(w.ui("path.opens_on", p.opensOn()));
      }
      b.append('\n');
      if (p.truth() == Truth.FALSE && !explain) {
        p.criteria().stream()
            .filter(r -> r.truth() == Truth.FALSE)
            .findFirst()
            .ifPresent(r -> criterion(b, r, "      "));
        continue;
      }
      for (CriterionResult r : p.criteria()) {
        criterion(b, r, "      ");
      }
    }
    for (CriterionResult d : c.disqualifiers()) {
      if (d.truth() != Truth.FALSE || explain) {
        b.append("  ")
            .append(w.ui("disqualifier"))
            .append(' ')
            .append(mark(d.truth()))
            .append(' ')
            .append(w.rule(d.text()))
            .append('\n');
      }
    }
    if (!c.missing().isEmpty()) {
      b.append("  ").append(w.ui("questions")).append('\n');
      questions(b, c.missing(), Integer.MAX_VALUE);
    }
    list(b, w.ui("notes"), c.notes());
    list(b, w.ui("next_steps"), c.nextSteps());
    if (!c.citations().isEmpty()) {
      b.append("  ").append(w.ui("citations")).append(":\n");
      for (Citation cite : c.citations()) {
        b.append("    [").append(cite.id()).append("] ").append(cite.title());
        if (cite.url() != null) {
          b.append(" <").append(cite.url()).append('>');
        }
        b.append('\n');
      }
    }
  }

  private void group(
      StringBuilder b,
      Screening s,
      String heading,
      java.util.function.Predicate<CategoryResult> member,
      boolean full) {
    List<CategoryResult> members = s.categories().stream().filter(member).toList();
    if (members.isEmpty()) {
      return;
    }
    b.append('\n').append(paint(BOLD, heading)).append('\n');
    for (CategoryResult c : members) {
      if (full) {
        b.append('\n');
        category(b, c);
      } else {
        b.append("  ")
            .append(mark(Truth.FALSE))
            .append(' ')
            .append(w.rule(c.title()))
            .append(" [")
            .append(c.id())
            .append("]\n");
        for (PathResult p : c.paths()) {
          p.criteria().stream()
              .filter(r -> r.truth() == Truth.FALSE)
              .findFirst()
              .ifPresent(
                  r ->
                      b.append("      ")
                          .append(w.ui("path.not_met", w.rule(p.title()), w.rule(r.text())))
                          .append('\n'));
        }
        c.disqualifiers().stream()
            .filter(r -> r.truth() == Truth.TRUE)
            .forEach(
                r ->
                    b.append("      ").append(w.ui("disqualified", w.rule(r.text()))).append('\n'));
      }
      for (BarrierResult bar : s.barriersOf(c.id())) {
        if (bar.status() != BarrierStatus.NOT_TRIGGERED) {
          b.append("  ")
              .append(w.ui("barrier.label", bar.id()))
              .append(": ")
              .append(status(bar))
              .append('\n');
        }
      }
    }
  }

  /**
   * The questions whose answers would settle the most open results, the most decisive first, each
   * with the column or field to fill and how many results wait on it.
   */
  private void askNext(StringBuilder b, Verdict v) {
    List<MissingFact> next = questions > 0 ? v.questions(questions, Set.of()) : List.of();
    if (next.isEmpty()) {
      return;
    }
    b.append('\n')
        .append(paint(BOLD, w.ui("group.ask_next")))
        .append(' ')
        .append(w.ui("group.ask_next.note"))
        .append('\n');
    int n = 0;
    for (MissingFact m : next) {
      b.append("  ")
          .append(++n)
          .append(". ")
          .append(w.question(m))
          .append(paint(DIM, " (" + m.at() + ") " + w.settles(v.waitsOn(m))))
          .append('\n');
    }
  }

  /** The questions for missing facts, each once; attorney-review points are marked as such. */
  private void questions(StringBuilder b, List<MissingFact> missing, int most) {
    Set<String> asked = new LinkedHashSet<>();
    for (MissingFact m : missing) {
      String line =
          m.kind() == Missing.Kind.REVIEW
              ? w.question(m)
              : w.question(m) + paint(DIM, " (" + m.at() + ")");
      asked.add(line);
    }
    int n = 0;
    for (String line : asked) {
      if (n++ == most) {
        b.append("    - ").append(w.ui("questions.more", asked.size() - most)).append('\n');
        break;
      }
      b.append("    - ").append(line).append('\n');
    }
  }

  private void criterion(StringBuilder b, CriterionResult r, String indent) {
    b.append(indent).append(mark(r.truth())).append(' ').append(w.rule(r.text()));
    if (!r.citations().isEmpty()) {
      b.append(paint(DIM, " [" + r.citationText() + "]"));
    }
    b.append('\n');
    if (explain) {
      for (var read : r.reads()) {
        b.append(indent)
            .append("    ")
            .append(
                w.ui("read", read.path(), read.value() == null ? w.ui("unknown") : read.value()))
            .append('\n');
      }
    }
  }

  private void list(StringBuilder b, String heading, List<CriterionResult> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append("  ").append(heading).append(":\n");
    for (CriterionResult r : items) {
      b.append("    - ").append(w.rule(r.text()));
      if (!r.citations().isEmpty()) {
        b.append(" [").append(r.citationText()).append(']');
      }
      b.append('\n');
    }
  }

  private String status(BarrierResult bar) {
    String word = w.status(bar.status());
    String colour =
        bar.status() == BarrierStatus.ACTIVE
            ? RED
            : bar.status() == BarrierStatus.POSSIBLE ? YELLOW : GREEN;
    String until =
        bar.endsOn() == null
            ? ""
            : " ("
                + w.ui(
                    bar.status() == BarrierStatus.EXPIRED ? "barrier.ended" : "barrier.until",
                    bar.endsOn())
                + ")";
    String opens =
        bar.opensOn() == null ? "" : " (" + w.ui("barrier.opens_on", bar.opensOn()) + ")";
    return paint(colour, word + until + opens);
  }

  private String mark(Truth t) {
    return switch (t) {
      case TRUE -> paint(GREEN, "✓");
      case FALSE -> paint(RED, "✗");
      case UNKNOWN -> paint(YELLOW, "?");
    };
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
