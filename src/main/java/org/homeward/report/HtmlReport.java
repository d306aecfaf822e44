package org.homeward.report;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Writes one person's screening as a self-contained, printable HTML page with the text report's
 * information: who, as of when and under which rule set; every category's outcome in the rule set's
 * order; then per category its paths with the criteria met (✓), not met (✗) and unknown (?), the
 * questions still open, the barriers that affect it, notes, next steps and citations; the barriers
 * to coming back; and the disclaimer. Every text is escaped; outcomes read in black and white.
 */
public final class HtmlReport {
  private final boolean explain;
  private final Words w;
  private final int questions;

  /**
   * A page in the language of {@code words}; {@code explain} shows every criterion and the facts it
   * read.
   */
  public HtmlReport(boolean explain, Words words) {
    this(explain, words, JsonReport.QUESTIONS);
  }

  /**
   * As above, with the {@code questions} most decisive questions listed near the top ("Ask next").
   */
  public HtmlReport(boolean explain, Words words, int questions) {
    this.explain = explain;
    this.w = words;
    this.questions = questions;
  }

  /** Writes one person's page. */
  public void write(Screening s, Writer out) throws IOException {
    write(s, Verdict.of(s), out);
  }

  /** Writes one person's page, with its verdict ({@code Verdict.of(s)}, for the next questions). */
  public void write(Screening s, Verdict v, Writer out) throws IOException {
    Html h = new Html().begin(w.lang(), w.ui("report.title", s.personId()));
    header(h, s);
    overview(h, s);
    askNext(h, v);
    for (CategoryResult c : s.categories()) {
      category(h, s, c);
    }
    barriers(h, s);
    h.open("footer").el("p", w.ui("disclaimer"), "class", "disclaimer").close("footer").nl();
    out.write(h.end().toString());
  }

  private void header(Html h, Screening s) {
    h.open("header").nl().el("h1", w.ui("report.title", s.personId())).nl();
    h.open("dl", "class", "meta");
    h.el("dt", w.ui("html.person")).el("dd", s.personId());
    if (s.name() != null) {
      h.el("dt", w.ui("html.name")).el("dd", s.name());
    }
    h.el("dt", w.ui("html.asof")).el("dd", String.valueOf(s.asOf()));
    h.el("dt", w.ui("html.rules")).el("dd", s.rulesVersion());
    h.close("dl").nl();
    h.el("p", w.ui("disclaimer"), "class", "disclaimer").nl().close("header").nl();
  }

  /**
   * Every category's outcome at a glance, in the rule set's order, with the barriers that affect
   * it.
   */
  private void overview(Html h, Screening s) {
    h.open("section", "class", "overview").nl().el("h2", w.ui("html.overview")).nl();
    h.open("table")
        .open("thead")
        .open("tr")
        .el("th", w.ui("html.category"))
        .el("th", w.ui("html.outcome"))
        .el("th", w.ui("html.barriers"))
        .close("tr")
        .close("thead")
        .nl()
        .open("tbody")
        .nl();
    for (CategoryResult c : s.categories()) {
      h.open("tr")
          .open("td")
          .open("a", "href", "#" + anchor(c.id()))
          .text(w.rule(c.title()))
          .close("a")
          .text(" ")
          .el("span", "[" + c.id() + "]", "class", "id")
          .close("td");
      h.open("td");
      badge(h, c);
      h.close("td").open("td");
      barrierSummary(h, flagged(s.barriersOf(c.id())));
      h.close("td").close("tr").nl();
    }
    h.close("tbody").close("table").nl();
    h.el("p", w.ui("html.legend"), "class", "legend").nl().close("section").nl();
  }

  /** The questions whose answers would settle the most open results, the most decisive first. */
  private void askNext(Html h, Verdict v) {
    List<MissingFact> next = questions > 0 ? v.questions(questions, Set.of()) : List.of();
    if (next.isEmpty()) {
      return;
    }
    h.open("section", "class", "ask-next").nl().el("h2", w.ui("html.ask_next")).nl();
    h.el("p", w.ui("html.ask_next.note"), "class", "muted")
        .nl()
        .open("ol", "class", "ask-next")
        .nl();
    for (MissingFact m : next) {
      h.open("li")
          .text(w.question(m) + " ")
          .el("code", m.at(), "class", "at")
          .text(" ")
          .el("span", w.settles(v.waitsOn(m)), "class", "muted")
          .close("li")
          .nl();
    }
    h.close("ol").nl().close("section").nl();
  }

  /**
   * The barriers on a category, grouped by status: a badge, then their ids (with a time-limited
   * bar's end).
   */
  private void barrierSummary(Html h, List<BarrierResult> flagged) {
    if (flagged.isEmpty()) {
      h.el("span", w.ui("html.none"), "class", "muted");
    }
    for (BarrierStatus status : BarrierStatus.values()) {
      List<String> ids =
          flagged.stream()
              .filter(b -> b.status() == status)
              .map(b -> b.id() + (b.endsOn() == null ? "" : " (" + until(b) + ")"))
              .toList();
      if (!ids.isEmpty()) {
        h.open("div")
            .el("span", w.status(status), "class", "badge " + status.word())
            .text(" ")
            .el("span", String.join(", ", ids), "class", "at")
            .close("div");
      }
    }
  }

  private void category(Html h, Screening s, CategoryResult c) {
    h.open("section", "class", "category", "id", anchor(c.id())).nl();
    h.open("h2");
    badge(h, c);
    h.text(" " + w.rule(c.title()) + " ")
        .el("span", "[" + c.id() + "]", "class", "id")
        .close("h2")
        .nl();
    if (unexplored(c) && !explain) {
      h.el("p", w.ui("html.unexplored"), "class", "muted").nl();
    }
    if (c.opensOn() != null) {
      h.el("p", w.ui("opens_on", c.opensOn()), "class", "opens").nl();
    }
    paths(h, c);
    disqualifiers(h, c);
    questions(h, c.missing());
    List<BarrierResult> flagged = flagged(s.barriersOf(c.id()));
    if (!flagged.isEmpty()) {
      h.open("div", "class", "barriers").el("h3", w.ui("html.barriers")).open("ul");
      for (BarrierResult bar : flagged) {
        h.open("li")
            .text(w.rule(bar.title()) + " ")
            .el("span", "[" + bar.id() + "]", "class", "id")
            .text(": ");
        status(h, bar);
        h.close("li").nl();
      }
      h.close("ul").close("div").nl();
    }
    if (full(c)) {
      list(h, w.ui("notes"), c.notes());
      list(h, w.ui("next_steps"), c.nextSteps());
      citations(h, c.citations());
    } else {
      citations(h, cited(c));
    }
    h.close("section").nl();
  }

  /**
   * Whether a category is shown whole (as the text report does): one that may fit, a lead, or any
   * when explaining. Otherwise a page shows why not, or what to ask, and only the sources cited
   * there.
   */
  private boolean full(CategoryResult c) {
    return explain || c.outcome() == Outcome.MAY_FIT || c.lead();
  }

  /** The category's citations that the criteria shown on the page cite. */
  private List<Citation> cited(CategoryResult c) {
    Set<String> ids = new HashSet<>();
    for (PathResult p : c.paths()) {
      shown(c, p).forEach(r -> ids.addAll(r.citationIds()));
    }
    c.disqualifiers().stream()
        .filter(d -> d.truth() != Truth.FALSE)
        .forEach(d -> ids.addAll(d.citationIds()));
    return c.citations().stream().filter(cite -> ids.contains(cite.id())).toList();
  }

  /**
   * Each path with its mark; a path not met shows the criterion that failed, an unexplored category
   * only the paths.
   */
  private void paths(Html h, CategoryResult c) {
    if (c.paths().isEmpty()) {
      return;
    }
    h.open("ul", "class", "paths").nl();
    for (PathResult p : c.paths()) {
      if (p.gap() && p.truth() == Truth.FALSE && !explain) {
        continue; // the person's date is in a period the rules encode: nothing to say
      }
      h.open("li").open("span", "class", "path");
      mark(h, p.truth());
      h.text(
              " "
                  + w.ui("path", w.rule(p.title()))
                  + (p.opensOn() == null ? "" : " " + w.ui("path.opens_on", p.opensOn())))
          .close("span");
      List<CriterionResult> shown = shown(c, p);
      if (!shown.isEmpty()) {
        h.open("ul", "class", "criteria");
        shown.forEach(r -> criterion(h, r));
        h.close("ul");
      }
      h.close("li").nl();
    }
    h.close("ul").nl();
  }

  private List<CriterionResult> shown(CategoryResult c, PathResult p) {
    if (explain) {
      return p.criteria();
    }
    if (p.truth() == Truth.FALSE) {
      return p.criteria().stream().filter(r -> r.truth() == Truth.FALSE).limit(1).toList();
    }
    return unexplored(c) ? List.of() : p.criteria();
  }

  private void disqualifiers(Html h, CategoryResult c) {
    List<CriterionResult> shown =
        c.disqualifiers().stream().filter(d -> explain || d.truth() != Truth.FALSE).toList();
    if (shown.isEmpty()) {
      return;
    }
    h.open("div", "class", "disqualifiers")
        .el("h3", w.ui("html.disqualifiers"))
        .open("ul", "class", "criteria");
    shown.forEach(d -> criterion(h, d));
    h.close("ul").close("div").nl();
  }

  private void criterion(Html h, CriterionResult r) {
    h.open("li");
    mark(h, r.truth());
    h.text(" " + w.rule(r.text()));
    if (!r.citations().isEmpty()) {
      h.text(" ").el("span", "[" + r.citationText() + "]", "class", "cites");
    }
    if (explain && !r.reads().isEmpty()) {
      h.open("ul");
      for (var read : r.reads()) {
        h.el(
            "li",
            w.ui("read", read.path(), read.value() == null ? w.ui("unknown") : read.value()),
            "class",
            "at");
      }
      h.close("ul");
    }
    h.close("li").nl();
  }

  /**
   * The questions for missing facts, each once, with the fact's path; attorney-review points as
   * such.
   */
  private void questions(Html h, List<MissingFact> missing) {
    if (missing.isEmpty()) {
      return;
    }
    Map<String, String> asked = new LinkedHashMap<>();
    for (MissingFact m : missing) {
      asked.putIfAbsent(w.question(m), m.kind() == Missing.Kind.REVIEW ? null : m.at());
    }
    h.open("div", "class", "questions").el("h3", w.ui("html.questions")).open("ul").nl();
    asked.forEach(
        (question, at) -> {
          h.open("li").text(question);
          if (at != null) {
            h.text(" ").el("code", at, "class", "at");
          }
          h.close("li").nl();
        });
    h.close("ul").close("div").nl();
  }

  /**
   * The barriers to coming back that are active, possible or expired, each with what triggered it.
   */
  private void barriers(Html h, Screening s) {
    List<BarrierResult> flagged = flagged(s.barriers());
    h.open("section", "class", "barriers").nl().el("h2", w.ui("barriers.heading")).nl();
    if (flagged.isEmpty()) {
      h.el("p", w.ui("html.no_barriers")).nl();
    }
    for (BarrierResult bar : flagged) {
      h.open("section", "class", "barrier", "id", "barrier-" + bar.id()).open("h3");
      status(h, bar);
      h.text(" " + w.rule(bar.title()) + " ")
          .el("span", "[" + bar.id() + "]", "class", "id")
          .close("h3")
          .nl();
      List<CriterionResult> triggers =
          bar.triggers().stream().filter(r -> explain || r.truth() != Truth.FALSE).toList();
      if (!triggers.isEmpty()) {
        h.open("ul", "class", "criteria");
        triggers.forEach(r -> criterion(h, r));
        h.close("ul").nl();
      }
      questions(h, bar.missing());
      list(h, w.ui("notes"), bar.notes());
      list(h, w.ui("next_steps"), bar.nextSteps());
      citations(h, bar.citations());
      h.close("section").nl();
    }
    h.close("section").nl();
  }

  private void list(Html h, String heading, List<CriterionResult> items) {
    if (items.isEmpty()) {
      return;
    }
    h.open("div", "class", "list").el("h3", heading).open("ul").nl();
    for (CriterionResult r : items) {
      h.open("li").text(w.rule(r.text()));
      if (!r.citations().isEmpty()) {
        h.text(" ").el("span", "[" + r.citationText() + "]", "class", "cites");
      }
      h.close("li").nl();
    }
    h.close("ul").close("div").nl();
  }

  /**
   * Citations: id, title, and the address as visible text (a link, which loads nothing by itself).
   */
  private void citations(Html h, List<Citation> citations) {
    if (citations.isEmpty()) {
      return;
    }
    h.open("div", "class", "citations")
        .el("h3", w.ui("citations"))
        .open("ol", "class", "citations")
        .nl();
    for (Citation cite : citations) {
      h.open("li").el("span", "[" + cite.id() + "]", "class", "id").text(" " + cite.title());
      if (cite.url() != null) {
        h.text(" ");
        if (web(cite.url())) {
          h.el("a", cite.url(), "href", cite.url(), "rel", "noreferrer");
        } else {
          h.el("span", cite.url(), "class", "at");
        }
      }
      h.close("li").nl();
    }
    h.close("ol").close("div").nl();
  }

  /** An outcome badge: a symbol and words (and a border style), so it reads without colour. */
  private void badge(Html h, CategoryResult c) {
    String symbol =
        switch (c.outcome()) {
          case MAY_FIT -> "✓";
          case NEEDS_INFO -> "?";
          case DOES_NOT_FIT -> "✗";
        };
    String words = w.outcome(c.outcome()).toUpperCase(Locale.forLanguageTag(w.lang()));
    if (c.outcome() == Outcome.NEEDS_INFO) {
      words += " (" + w.ui(c.lead() ? "open.lead" : "open.unexplored") + ")";
    }
    h.el("span", symbol + " " + words, "class", "badge " + c.outcome().word());
  }

  /** A barrier status badge, with the day a time-limited bar ends or ended. */
  private void status(Html h, BarrierResult bar) {
    String until = bar.endsOn() == null ? "" : " (" + until(bar) + ")";
    String opens =
        bar.opensOn() == null ? "" : " (" + w.ui("barrier.opens_on", bar.opensOn()) + ")";
    h.el("span", w.status(bar.status()) + until + opens, "class", "badge " + bar.status().word());
  }

  /** When a time-limited bar ends, or ended. */
  private String until(BarrierResult bar) {
    return w.ui(
        bar.status() == BarrierStatus.EXPIRED ? "barrier.ended" : "barrier.until", bar.endsOn());
  }

  private void mark(Html h, Truth t) {
    switch (t) {
      case TRUE -> h.el("span", "✓", "class", "mark true", "title", w.ui("html.met"));
      case FALSE -> h.el("span", "✗", "class", "mark false", "title", w.ui("html.not_met"));
      case UNKNOWN -> h.el("span", "?", "class", "mark unknown", "title", w.ui("unknown"));
    }
  }

  private static List<BarrierResult> flagged(List<BarrierResult> barriers) {
    return barriers.stream().filter(b -> b.status() != BarrierStatus.NOT_TRIGGERED).toList();
  }

  private static boolean unexplored(CategoryResult c) {
    return c.outcome() == Outcome.NEEDS_INFO && !c.lead();
  }

  private static String anchor(String categoryId) {
    return "category-" + categoryId;
  }

  /** Whether a citation's address is a web address (only those become links). */
  static boolean web(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://");
  }
}
