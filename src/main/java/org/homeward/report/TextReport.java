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

/**
 * Writes a screening as a report for people: each category with its outcome, criteria met (✓),
 * not met (✗) and unknown (?), the questions to ask, notes, next steps and citations, then the
 * as-of date, rule-set version and disclaimer. Colour only when asked for (a terminal).
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

  public TextReport(boolean color, boolean explain) {
    this.color = color;
    this.explain = explain;
  }

  /** Writes one person's report. */
  public void write(Screening s, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(paint(BOLD, "Homeward screening: " + s.personId())).append('\n');
    if (s.name() != null) {
      b.append("Name: ").append(s.name()).append('\n');
    }
    b.append("As of ").append(s.asOf()).append(" | rules ").append(s.rulesVersion()).append('\n');
    // Groups in the brief's precedence within each: may fit (a possible citizen first, as the
    // rule set orders it), leads, then what does not fit; unexplored categories fold into one list.
    group(b, s, "MAY FIT", c -> c.outcome() == Outcome.MAY_FIT, true);
    group(b, s, "NEEDS INFORMATION", c -> c.outcome() == Outcome.NEEDS_INFO && (c.lead() || explain), true);
    group(b, s, "DOES NOT FIT", c -> c.outcome() == Outcome.DOES_NOT_FIT, explain);
    List<CategoryResult> unexplored = s.categories().stream()
        .filter(c -> c.outcome() == Outcome.NEEDS_INFO && !c.lead() && !explain).toList();
    if (!unexplored.isEmpty()) {
      b.append('\n').append(paint(BOLD, "NOT YET EXPLORED")).append(" (nothing decisive is known about these yet)\n");
      List<MissingFact> asks = new ArrayList<>();
      for (CategoryResult c : unexplored) {
        b.append("  ? ").append(c.title()).append(" [").append(c.id()).append("]\n");
        asks.addAll(c.missing());
      }
      b.append("  Questions that would open them:\n");
      questions(b, asks, UNEXPLORED_QUESTIONS);
    }
    List<BarrierResult> flagged = s.barriers().stream().filter(x -> x.status() != BarrierStatus.NOT_TRIGGERED).toList();
    if (!flagged.isEmpty()) {
      b.append('\n').append(paint(BOLD, "Barriers to coming back")).append('\n');
      for (BarrierResult bar : flagged) {
        b.append("  ").append(bar.title()).append(" [").append(bar.id()).append("]: ").append(status(bar)).append('\n');
        for (CriterionResult r : bar.triggers()) {
          if (r.truth() != Truth.FALSE) {
            criterion(b, r, "      ");
          }
        }
        questions(b, bar.missing(), Integer.MAX_VALUE);
        list(b, "Notes", bar.notes());
        list(b, "Next steps", bar.nextSteps());
      }
    }
    b.append('\n').append(Disclaimer.TEXT).append('\n');
    out.write(b.toString());
  }

  private void category(StringBuilder b, CategoryResult c) {
    String outcome = c.outcome().label().toUpperCase(java.util.Locale.ROOT);
    if (c.outcome() == Outcome.NEEDS_INFO) {
      outcome += c.lead() ? " (lead)" : " (unexplored)";
    }
    String colour = switch (c.outcome()) {
      case MAY_FIT -> GREEN;
      case NEEDS_INFO -> YELLOW;
      case DOES_NOT_FIT -> RED;
    };
    b.append(paint(BOLD, c.title())).append(" [").append(c.id()).append("]: ")
        .append(paint(colour, outcome)).append('\n');
    for (PathResult p : c.paths()) {
      b.append("  ").append(mark(p.truth())).append(" Path: ").append(p.title()).append('\n');
      if (p.truth() == Truth.FALSE && !explain) {
        p.criteria().stream().filter(r -> r.truth() == Truth.FALSE).findFirst()
            .ifPresent(r -> criterion(b, r, "      "));
        continue;
      }
      for (CriterionResult r : p.criteria()) {
        criterion(b, r, "      ");
      }
    }
    for (CriterionResult d : c.disqualifiers()) {
      if (d.truth() != Truth.FALSE || explain) {
        b.append("  Disqualifier ").append(mark(d.truth())).append(' ').append(d.text()).append('\n');
      }
    }
    if (!c.missing().isEmpty()) {
      b.append("  Questions to ask:\n");
      questions(b, c.missing(), Integer.MAX_VALUE);
    }
    list(b, "Notes", c.notes());
    list(b, "Next steps", c.nextSteps());
    if (!c.citations().isEmpty()) {
      b.append("  Citations:\n");
      for (Citation cite : c.citations()) {
        b.append("    [").append(cite.id()).append("] ").append(cite.title());
        if (cite.url() != null) {
          b.append(" <").append(cite.url()).append('>');
        }
        b.append('\n');
      }
    }
  }

  private void group(StringBuilder b, Screening s, String heading,
      java.util.function.Predicate<CategoryResult> member, boolean full) {
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
        b.append("  ").append(mark(Truth.FALSE)).append(' ').append(c.title()).append(" [").append(c.id()).append("]\n");
        for (PathResult p : c.paths()) {
          p.criteria().stream().filter(r -> r.truth() == Truth.FALSE).findFirst()
              .ifPresent(r -> b.append("      ").append(p.title()).append(": not met - ").append(r.text()).append('\n'));
        }
        c.disqualifiers().stream().filter(r -> r.truth() == Truth.TRUE)
            .forEach(r -> b.append("      Disqualified: ").append(r.text()).append('\n'));
      }
      for (BarrierResult bar : s.barriersOf(c.id())) {
        if (bar.status() != BarrierStatus.NOT_TRIGGERED) {
          b.append("  Barrier ").append(bar.id()).append(": ").append(status(bar)).append('\n');
        }
      }
    }
  }

  /** The questions for missing facts, each once; attorney-review points are marked as such. */
  private void questions(StringBuilder b, List<MissingFact> missing, int most) {
    Set<String> asked = new LinkedHashSet<>();
    for (MissingFact m : missing) {
      String line = m.kind() == Missing.Kind.REVIEW
          ? "Attorney review: " + m.question()
          : m.question() + paint(DIM, " (" + m.at() + ")");
      asked.add(line);
    }
    int n = 0;
    for (String line : asked) {
      if (n++ == most) {
        b.append("    - ... and ").append(asked.size() - most).append(" more (see --explain or --format json)\n");
        break;
      }
      b.append("    - ").append(line).append('\n');
    }
  }

  private void criterion(StringBuilder b, CriterionResult r, String indent) {
    b.append(indent).append(mark(r.truth())).append(' ').append(r.text());
    if (!r.citations().isEmpty()) {
      b.append(paint(DIM, " [" + String.join(", ", r.citations()) + "]"));
    }
    b.append('\n');
    if (explain) {
      for (var read : r.reads()) {
        b.append(indent).append("    read ").append(read.path()).append(" = ")
            .append(read.value() == null ? "unknown" : read.value()).append('\n');
      }
    }
  }

  private static void list(StringBuilder b, String heading, List<CriterionResult> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append("  ").append(heading).append(":\n");
    for (CriterionResult r : items) {
      b.append("    - ").append(r.text());
      if (!r.citations().isEmpty()) {
        b.append(" [").append(String.join(", ", r.citations())).append(']');
      }
      b.append('\n');
    }
  }

  private String status(BarrierResult bar) {
    String word = bar.status().word().replace('_', ' ');
    String colour = bar.status() == BarrierStatus.ACTIVE ? RED : bar.status() == BarrierStatus.POSSIBLE ? YELLOW : GREEN;
    String until = bar.endsOn() == null ? "" : (bar.status() == BarrierStatus.EXPIRED ? " (ended " : " (until ") + bar.endsOn() + ")";
    return paint(colour, word + until);
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
