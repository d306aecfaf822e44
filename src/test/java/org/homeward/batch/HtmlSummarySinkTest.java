package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.Fixtures;
import org.homeward.person.PersonBuilder;
import org.homeward.person.Row;
import org.homeward.report.Words;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Screener;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetPersonStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The summary page says what the run's {@link Summary} says, number for number. */
class HtmlSummarySinkTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  @Test
  void thePageCountsAreTheSummarysCounts() throws IOException {
    // given
    RuleSet rules = Fixtures.rules();
    StringWriter out = new StringWriter();
    Summary summary = new Summary(rules);
    List<Result> results = new ArrayList<>();
    HtmlSummarySink html = new HtmlSummarySink(out, Words.english(), AS_OF.toString());
    Sink recording =
        new Sink() {
          @Override
          public boolean needsScreening() {
            return html.needsScreening();
          }

          @Override
          public void write(Result r) throws IOException {
            results.add(r);
            html.write(r);
          }

          @Override
          public void finish(Summary s) throws IOException {
            html.finish(s);
          }
        };
    // when
    try (InputStream in = Files.newInputStream(Path.of("samples/intake.csv"));
        SheetPersonStream rows =
            SheetPersonStream.csv(
                in,
                "intake.csv",
                new Columns(rules.facts()),
                ColumnMap.NONE,
                new PersonBuilder(rules.facts()),
                d -> {})) {
      new Pipeline(new Screener(rules), AS_OF, AS_OF, 1, false)
          .run(rows(rows), recording, summary, n -> {});
    }
    recording.finish(summary);
    Document page = Jsoup.parse(out.toString());
    // then
    assertThat(number(page.selectFirst("dd.rows"))).isEqualTo(summary.rows());
    assertThat(number(page.selectFirst("dd.screened"))).isEqualTo(summary.screened());
    assertThat(number(page.selectFirst("dd.errors"))).isEqualTo(summary.errors());
    assertThat(summary.screened()).isPositive();
    assertThat(summary.errors()).isPositive();
    for (int i = 0; i < rules.categories().size(); i++) {
      String id = rules.categories().get(i).id();
      Element row = page.selectFirst("table.categories tr[data-id=" + id + "]");
      for (int k = 0; k < Summary.OUTCOME_COLUMNS.size(); k++) {
        assertThat(number(row.selectFirst("td[data-col=" + Summary.OUTCOME_COLUMNS.get(k) + "]")))
            .as("%s %s", id, Summary.OUTCOME_COLUMNS.get(k))
            .isEqualTo(summary.category(i, k));
      }
      long drawn =
          page.select("svg title").eachText().stream()
              .filter(t -> t.startsWith(id + ": "))
              .mapToLong(t -> Long.parseLong(t.substring(t.lastIndexOf(' ') + 1)))
              .sum();
      assertThat(drawn).as("people drawn in the bar of %s", id).isEqualTo(summary.screened());
    }
    for (int j = 0; j < rules.barriers().size(); j++) {
      Element row =
          page.selectFirst("table.barriers tr[data-id=" + rules.barriers().get(j).id() + "]");
      for (BarrierStatus status : BarrierStatus.values()) {
        assertThat(number(row.selectFirst("td[data-col=" + status.word() + "]")))
            .as("%s %s", rules.barriers().get(j).id(), status)
            .isEqualTo(summary.barrier(j, status));
      }
    }
    assertThat(page.select("table.errors tbody tr")).hasSize((int) summary.errors());
    assertMostCommonMissingFacts(page, results);
  }

  /**
   * The top list: counted over screened rows, each (kind, catalogue path) once per person, most
   * common first.
   */
  private static void assertMostCommonMissingFacts(Document page, List<Result> results) {
    Map<String, Long> people = new HashMap<>();
    for (Result r : results) {
      if (!r.ok()) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (MissingFact m : r.verdict().missing()) {
        if (m.kind() != Missing.Kind.REVIEW && seen.add(m.path() + " " + m.kind())) {
          people.merge(m.path() + " " + m.kind(), 1L, Long::sum);
        }
      }
    }
    List<Element> rows = page.select("table.missing tbody tr");
    assertThat(rows).hasSizeBetween(1, HtmlSummarySink.TOP_MISSING);
    long previous = Long.MAX_VALUE;
    for (Element row : rows) {
      String path = row.selectFirst("code").text();
      long count = number(row.select("td").get(3).text().replaceAll("\\(.*", ""));
      assertThat(count)
          .as(path)
          .isLessThanOrEqualTo(previous)
          .isIn(
              people.get(path + " " + Missing.Kind.UNKNOWN),
              people.get(path + " " + Missing.Kind.INEXACT));
      previous = count;
    }
    long most = people.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(number(rows.get(0).select("td").get(3).text().replaceAll("\\(.*", "")))
        .isEqualTo(most);
  }

  private static Iterator<Row> rows(SheetPersonStream stream) {
    return stream;
  }

  private static long number(Element e) {
    return number(e.text());
  }

  private static long number(String text) {
    return Long.parseLong(text.replaceAll("[^0-9]", ""));
  }
}
