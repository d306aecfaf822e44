package org.homeward.batch;

import java.io.IOException;
import java.io.Writer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.homeward.report.Html;
import org.homeward.report.Words;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Missing;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.MissingFact;

/**
 * A batch as one self-contained, printable HTML summary page: rows read, screened and in error;
 * people per category and outcome as an inline SVG stacked bar chart (and as a table); people per
 * barrier status; with {@code --compare}, what changed since the earlier results; whom to call
 * first (the first {@value #CALLS} of the call list, with the question to ask each); the facts most
 * often missing, with the question that asks for each; and the rows that could not be screened,
 * with their reasons. It keeps only counts, the first of the call list and the first rows in error,
 * so memory stays flat however long the input.
 */
public final class HtmlSummarySink implements Sink {
  /** How many of the most common missing facts the page lists. */
  public static final int TOP_MISSING = 15;

  /** How many rows in error the page lists before saying how many more there are. */
  public static final int ERRORS_LISTED = 200;

  /** How many people of the call list the page lists. */
  public static final int CALLS = 200;

  /** The outcome columns' colours, dark to light, so that they stay apart in grey too. */
  private static final String[] FILLS = {"#1b5e20", "#f0a000", "#fff3c0", "#7a7a7a"};

  private static final String[] INKS = {"#ffffff", "#000000", "#000000", "#ffffff"};
  private static final int CHART_WIDTH = 760;
  private static final int LABEL_WIDTH = 200;
  private static final int BAR_WIDTH = 520;
  private static final int ROW_HEIGHT = 28;
  private static final int BAR_HEIGHT = 20;

  private final Writer out;
  private final Words w;
  private final String asOf;
  private final NumberFormat numbers;
  private final Map<String, Count> missing = new LinkedHashMap<>();
  private final List<ErrorRow> errors = new ArrayList<>();
  private final CallList calls = CallList.top(CALLS);
  private long unlisted;

  /** A missing fact (by kind and catalogue path) and how many screened people lack it. */
  private static final class Count {
    final MissingFact example;
    long people;

    Count(MissingFact example) {
      this.example = example;
    }
  }

  /** A row that could not be screened. */
  private record ErrorRow(long row, String id, String reason) {}

  /** {@code asOf} says which date the run screened as of, already in words. */
  public HtmlSummarySink(Writer out, Words words, String asOf) {
    this.out = out;
    this.w = words;
    this.asOf = asOf;
    this.numbers = NumberFormat.getIntegerInstance(Locale.forLanguageTag(words.lang()));
  }

  @Override
  public boolean needsScreening() {
    return false;
  }

  @Override
  public void write(Result r) throws IOException {
    calls.add(r);
    if (!r.ok()) {
      if (errors.size() < ERRORS_LISTED) {
        errors.add(
            new ErrorRow(r.row().number(), r.row().id(), Table.describe(r.row().problems())));
      } else {
        unlisted++;
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (MissingFact m : r.verdict().missing()) {
      String key = m.kind().word() + " " + m.path();
      if (m.kind() != Missing.Kind.REVIEW && seen.add(key)) {
        missing.computeIfAbsent(key, k -> new Count(m)).people++;
      }
    }
  }

  @Override
  public void finish(Summary s) throws IOException {
    Html h = new Html().begin(w.lang(), w.ui("summary.title"));
    header(h, s);
    if (s.screened() > 0) {
      outcomes(h, s);
      barriers(h, s);
      comparison(h, s.comparison());
      callList(h, s);
      missingFacts(h, s);
    }
    errorRows(h);
    h.open("footer").el("p", w.ui("disclaimer"), "class", "disclaimer").close("footer").nl();
    out.write(h.end().toString());
    out.flush();
  }

  private void header(Html h, Summary s) {
    h.open("header").nl().el("h1", w.ui("summary.title")).nl().open("dl", "class", "meta");
    h.el("dt", w.ui("html.asof")).el("dd", asOf);
    h.el("dt", w.ui("html.rules")).el("dd", s.rules().version());
    h.el("dt", w.ui("summary.rows")).el("dd", num(s.rows()), "class", "rows");
    h.el("dt", w.ui("summary.screened")).el("dd", num(s.screened()), "class", "screened");
    h.el("dt", w.ui("summary.errors")).el("dd", num(s.errors()), "class", "errors");
    if (s.blank() > 0) {
      h.el("dt", w.ui("summary.blank")).el("dd", num(s.blank()), "class", "blank");
    }
    h.close("dl").nl().el("p", w.ui("disclaimer"), "class", "disclaimer").nl().close("header").nl();
  }

  /** The outcome columns in words, in {@link Summary#OUTCOME_COLUMNS} order. */
  private List<String> outcomeWords() {
    return List.of(
        w.ui("outcome.may_fit"),
        w.ui("summary.lead"),
        w.ui("summary.unexplored"),
        w.ui("outcome.does_not_fit"));
  }

  private void outcomes(Html h, Summary s) {
    List<Category> categories = s.rules().categories();
    h.open("section", "class", "outcomes").nl().el("h2", w.ui("summary.outcomes")).nl();
    h.open("figure", "class", "chart");
    chart(h, s);
    h.open("figcaption").text(w.ui("summary.chart", num(s.screened())) + " ");
    for (int k = 0; k < 4; k++) {
      h.open("span", "class", "key")
          .el("span", "■", "class", "swatch " + Summary.OUTCOME_COLUMNS.get(k))
          .text(" " + outcomeWords().get(k) + (k < 3 ? " · " : ""))
          .close("span");
    }
    h.close("figcaption").close("figure").nl();
    h.open("table", "class", "categories").open("thead").open("tr").el("th", w.ui("html.category"));
    outcomeWords().forEach(word -> h.el("th", word, "class", "num"));
    h.close("tr").close("thead").nl().open("tbody").nl();
    for (int i = 0; i < categories.size(); i++) {
      h.open("tr", "data-id", categories.get(i).id())
          .open("td")
          .text(w.rule(categories.get(i).title()) + " ")
          .el("span", "[" + categories.get(i).id() + "]", "class", "id")
          .close("td");
      for (int k = 0; k < 4; k++) {
        h.el(
            "td",
            num(s.category(i, k)),
            "class",
            "num",
            "data-col",
            Summary.OUTCOME_COLUMNS.get(k));
      }
      h.close("tr").nl();
    }
    h.close("tbody").close("table").nl().close("section").nl();
  }

  /** People per category and outcome as stacked horizontal bars, each segment with its number. */
  private void chart(Html h, Summary s) {
    List<Category> categories = s.rules().categories();
    int height = categories.size() * ROW_HEIGHT + 8;
    h.open(
            "svg",
            "viewBox",
            "0 0 " + CHART_WIDTH + " " + height,
            "width",
            String.valueOf(CHART_WIDTH),
            "height",
            String.valueOf(height),
            "role",
            "img",
            "aria-label",
            w.ui("summary.outcomes"),
            "font-family",
            "sans-serif",
            "font-size",
            "12")
        .nl();
    for (int i = 0; i < categories.size(); i++) {
      int y = 4 + i * ROW_HEIGHT;
      h.el("text", categories.get(i).id(), "x", "0", "y", String.valueOf(y + 15));
      double x = LABEL_WIDTH;
      for (int k = 0; k < 4; k++) {
        long n = s.category(i, k);
        double width = (double) n / s.screened() * BAR_WIDTH;
        if (n > 0) {
          segment(
              h,
              x,
              y,
              width,
              k,
              categories.get(i).id() + ": " + outcomeWords().get(k) + " " + num(n),
              num(n));
        }
        x += width;
      }
      h.nl();
    }
    h.close("svg").nl();
  }

  private void segment(Html h, double x, int y, double width, int k, String title, String label) {
    h.open("g").el("title", title);
    h.open(
            "rect",
            "x",
            coord(x),
            "y",
            String.valueOf(y),
            "width",
            coord(width),
            "height",
            String.valueOf(BAR_HEIGHT),
            "fill",
            FILLS[k],
            "stroke",
            "#333",
            "stroke-width",
            "0.75")
        .close("rect");
    if (width >= 8 * label.length() + 6) {
      h.el(
          "text",
          label,
          "x",
          coord(x + width / 2),
          "y",
          String.valueOf(y + 15),
          "text-anchor",
          "middle",
          "fill",
          INKS[k]);
    }
    h.close("g");
  }

  private void barriers(Html h, Summary s) {
    List<Barrier> barriers = s.rules().barriers();
    h.open("section", "class", "barrier-counts").nl().el("h2", w.ui("summary.barriers")).nl();
    h.open("table", "class", "barriers").open("thead").open("tr").el("th", w.ui("html.barrier"));
    for (BarrierStatus status : BarrierStatus.values()) {
      h.el("th", w.status(status), "class", "num");
    }
    h.close("tr").close("thead").nl().open("tbody").nl();
    for (int j = 0; j < barriers.size(); j++) {
      h.open("tr", "data-id", barriers.get(j).id())
          .open("td")
          .text(w.rule(barriers.get(j).title()) + " ")
          .el("span", "[" + barriers.get(j).id() + "]", "class", "id")
          .close("td");
      for (BarrierStatus status : BarrierStatus.values()) {
        h.el("td", num(s.barrier(j, status)), "class", "num", "data-col", status.word());
      }
      h.close("tr").nl();
    }
    h.close("tbody").close("table").nl().close("section").nl();
  }

  /** What changed since the earlier results, as counts. */
  private void comparison(Html h, Comparison c) {
    if (c == null) {
      return;
    }
    h.open("section", "class", "compare").nl().el("h2", w.ui("summary.compare")).nl();
    h.el("p", w.ui("summary.compare.note", c.name()), "class", "muted").nl();
    h.open("table", "class", "compare").open("tbody").nl();
    for (Comparison.Count count : c.counts()) {
      if (count.shown()) {
        h.open("tr", "data-id", count.key())
            .el("td", w.ui("compare." + count.key()))
            .el("td", num(count.value()), "class", "num")
            .close("tr")
            .nl();
      }
    }
    h.close("tbody").close("table").nl().close("section").nl();
  }

  /** Whom to call first: the first of the call list, with the question to ask each. */
  private void callList(Html h, Summary s) {
    if (calls.size() == 0) {
      return;
    }
    h.open("section", "class", "calls").nl().el("h2", w.ui("summary.calls")).nl();
    h.el("p", w.ui("summary.calls.note", num(calls.size()), num(s.screened())), "class", "muted")
        .nl();
    h.open("table", "class", "calls")
        .open("thead")
        .open("tr")
        .el("th", w.ui("summary.call"), "class", "num")
        .el("th", w.ui("summary.row"), "class", "num")
        .el("th", w.ui("summary.id"))
        .el("th", w.ui("summary.standing"))
        .el("th", w.ui("summary.next_question"))
        .el("th", w.ui("summary.waiting"), "class", "num")
        .close("tr")
        .close("thead")
        .nl()
        .open("tbody")
        .nl();
    long rank = 0;
    for (CallList.Entry e : calls) {
      String standing =
          switch (e.standing()) {
            case "may_fit" -> w.ui("summary.standing.may_fit", String.join(", ", e.mayFit()));
            case "lead" -> w.ui("summary.standing.lead", String.join(", ", e.leads()));
            default -> w.ui("summary.standing." + e.standing());
          };
      h.open("tr", "data-standing", e.standing())
          .el("td", String.valueOf(++rank), "class", "num")
          .el("td", String.valueOf(e.row()), "class", "num")
          .el("td", e.id())
          .open("td")
          .text(standing);
      if (e.changed() != null) {
        // why the row was not compared, "(not in the earlier results)", is shown as it is; what
        // changed gets "since the earlier results" before it
        String changed =
            Comparison.notCompared(e.changed())
                ? e.changed()
                : w.ui("summary.changed_since", e.changed());
        h.text(" ").el("span", changed, "class", "muted changed");
      }
      h.close("td").open("td");
      if (e.question() != null) {
        h.text(w.question(e.question()) + " ")
            .el("code", Table.column(e.question().at()), "class", "at");
      }
      h.close("td")
          .el("td", e.question() == null ? "" : num(e.waits()), "class", "num")
          .close("tr")
          .nl();
    }
    h.close("tbody").close("table").nl().close("section").nl();
  }

  /** The facts most often missing (unknown, or a date known only roughly), most common first. */
  private void missingFacts(Html h, Summary s) {
    List<Count> top =
        missing.values().stream()
            .sorted(Comparator.comparingLong((Count c) -> c.people).reversed())
            .limit(TOP_MISSING)
            .toList();
    h.open("section", "class", "missing").nl().el("h2", w.ui("summary.missing")).nl();
    if (top.isEmpty()) {
      h.el("p", w.ui("summary.missing.none")).close("section").nl();
      return;
    }
    h.el("p", w.ui("summary.missing.note", top.size(), num(s.screened())), "class", "muted").nl();
    h.open("table", "class", "missing")
        .open("thead")
        .open("tr")
        .el("th", "#", "class", "num")
        .el("th", w.ui("summary.question"))
        .el("th", w.ui("summary.fact"))
        .el("th", w.ui("summary.people"), "class", "num")
        .close("tr")
        .close("thead")
        .nl()
        .open("tbody")
        .nl();
    int rank = 1;
    for (Count c : top) {
      long percent = Math.round(100.0 * c.people / s.screened());
      h.open("tr")
          .el("td", String.valueOf(rank++), "class", "num")
          .el("td", w.question(c.example))
          .open("td")
          .el("code", c.example.path())
          .close("td")
          .el("td", num(c.people) + " (" + percent + "\u00a0%)", "class", "num")
          .close("tr")
          .nl();
    }
    h.close("tbody").close("table").nl().close("section").nl();
  }

  private void errorRows(Html h) {
    if (errors.isEmpty()) {
      return;
    }
    h.open("section", "class", "errors").nl().el("h2", w.ui("summary.errors.heading")).nl();
    h.open("table", "class", "errors")
        .open("thead")
        .open("tr")
        .el("th", w.ui("summary.row"), "class", "num")
        .el("th", w.ui("summary.id"))
        .el("th", w.ui("summary.reason"))
        .close("tr")
        .close("thead")
        .nl()
        .open("tbody")
        .nl();
    for (ErrorRow e : errors) {
      h.open("tr")
          .el("td", String.valueOf(e.row()), "class", "num")
          .el("td", e.id() == null ? "" : e.id())
          .el("td", e.reason())
          .close("tr")
          .nl();
    }
    h.close("tbody").close("table").nl();
    if (unlisted > 0) {
      h.el("p", w.ui("summary.errors.more", num(unlisted)), "class", "muted").nl();
    }
    h.close("section").nl();
  }

  private String num(long n) {
    return numbers.format(n);
  }

  private static String coord(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
