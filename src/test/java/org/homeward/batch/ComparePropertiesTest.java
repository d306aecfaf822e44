package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.homeward.Fixtures;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.rules.RuleSet;
import org.homeward.screening.Screener;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetFixtures;

/**
 * Re-screening ({@code --compare}): the same sheet under the same rules changes nothing; and
 * against earlier results that lack some ids or hold some twice, every row still comes out, in
 * order, saying why it could not be compared rather than being dropped.
 */
class ComparePropertiesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
  private static final List<String> HEADER =
      List.of(
          "id",
          "birth_date",
          "currently_in_us",
          "entries",
          "entries.1.date",
          "entries.1.manner",
          "removals",
          "removals.1.departure_date",
          "convictions");
  private static final RuleSet RULES = Fixtures.rules();
  private static final Columns COLUMNS = new Columns(RULES.facts());
  private static final Screener SCREENER = new Screener(RULES);

  @Provide
  Arbitrary<List<Map<String, String>>> sheet() {
    Arbitrary<String> id = Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h", "", "=x", "x,y");
    Arbitrary<String> date =
        Arbitraries.of("", "", "1990", "1990-02", "2001-06-15", "13/45/2003", "2010");
    Arbitrary<String> yesNo = Arbitraries.of("", "yes", "no", "maybe");
    Arbitrary<String> count = Arbitraries.of("", "none", "1", "2");
    Arbitrary<String> manner = Arbitraries.of("", "without_inspection", "admitted");
    return Combinators.combine(id, date, yesNo, count, date, manner, count, date)
        .as(
            (i, b, c, e, ed, em, r, rd) -> {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("id", i);
              row.put("birth_date", b);
              row.put("currently_in_us", c);
              row.put("entries", e);
              row.put("entries.1.date", ed);
              row.put("entries.1.manner", em);
              row.put("removals", r);
              row.put("removals.1.departure_date", rd);
              row.put("convictions", "none");
              return row;
            })
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  @Property(tries = 40)
  void theSameSheetAndRulesMarkNothingChanged(
      @ForAll("sheet") List<Map<String, String>> rows,
      @ForAll @IntRange(min = 1, max = 3) int threads)
      throws IOException {
    // given
    String sheet = csv(rows);
    Path earlier = Files.createTempFile("earlier", ".csv");
    try {
      Files.writeString(earlier, screen(sheet, null, 1).text());
      // when
      Run again = screen(sheet, earlier, threads);
      // then
      List<String[]> before = parse(Files.readString(earlier));
      List<String[]> after = parse(again.text());
      int changed = after.get(0).length == 0 ? -1 : List.of(after.get(0)).indexOf("changed");
      assertThat(after).hasSameSizeAs(before);
      Map<String, Integer> ids = idCounts(rows);
      for (int r = 1; r < after.size(); r++) {
        String cell = after.get(r)[changed];
        assertThat(after.get(r)[0]).isEqualTo(before.get(r)[0]);
        assertThat(cell).as("row %s", after.get(r)[0]).doesNotContain("->");
        String id = rows.get(r - 1).get("id").strip();
        boolean ok = after.get(r)[after.get(r).length - 1].isEmpty();
        if (ok && !id.isEmpty() && ids.get(id) == 1) {
          assertThat(cell).as("a row whose id is once on each side").isEmpty();
        }
      }
      assertThat(again.comparison().changed()).isZero();
      assertThat(again.comparison().counts())
          .filteredOn(c -> c.key().equals("not_found") || c.key().equals("gone"))
          .allMatch(c -> c.value() == 0);
    } finally {
      Files.delete(earlier);
    }
  }

  @Property(tries = 40)
  void rowsInAreRowsOutAgainstEarlierResultsLackingIdsOrHoldingThemTwice(
      @ForAll("sheet") List<Map<String, String>> rows, @ForAll("drops") List<Integer> dropOrDouble)
      throws IOException {
    // given: the earlier results, with some rows left out and some written twice
    String sheet = csv(rows);
    List<String> lines = screen(sheet, null, 1).text().lines().toList();
    StringBuilder earlierText = new StringBuilder(lines.get(0)).append('\n');
    Map<String, Integer> earlierIds = new HashMap<>();
    for (int r = 1; r < lines.size(); r++) {
      int what = dropOrDouble.get((r - 1) % dropOrDouble.size());
      String id = parse(lines.get(0) + "\n" + lines.get(r)).get(1)[1];
      for (int k = 0; k < what; k++) {
        earlierText.append(lines.get(r)).append('\n');
        if (!id.isEmpty()) {
          earlierIds.merge(id, 1, Integer::sum);
        }
      }
    }
    Path earlier = Files.createTempFile("earlier", ".csv");
    try {
      Files.writeString(earlier, earlierText);
      // when
      Run again = screen(sheet, earlier, 2);
      // then: every row, in order, and each says what it could or could not be compared with
      List<String[]> before = parse(lines.stream().reduce("", (a, b) -> a + b + "\n"));
      List<String[]> after = parse(again.text());
      assertThat(after)
          .extracting(r -> r[0])
          .containsExactlyElementsOf(before.stream().map(r -> r[0]).toList());
      int changed = List.of(after.get(0)).indexOf("changed");
      long notFound = 0;
      long twice = 0;
      for (int r = 1; r < after.size(); r++) {
        String[] row = after.get(r);
        String cell = row[changed];
        boolean ok = row[row.length - 1].isEmpty();
        String own = rows.get(r - 1).get("id").strip();
        int earlierCount = earlierIds.getOrDefault(row[1], 0);
        if (!ok) {
          assertThat(cell).as("a row in error says so in its error column").isEmpty();
        } else if (own.isEmpty()) {
          assertThat(cell).isEqualTo(Comparison.NO_ID);
        } else if (earlierCount == 0) {
          assertThat(cell).isEqualTo(Comparison.NEW);
          notFound++;
        } else if (earlierCount > 1) {
          assertThat(cell)
              .isEqualTo("(id on " + earlierCount + " rows of the earlier results: not compared)");
          twice++;
        } else {
          assertThat(cell)
              .doesNotStartWith("(id on")
              .isNotEqualTo(Comparison.NEW)
              .isNotEqualTo(Comparison.NO_ID);
        }
      }
      Map<String, Long> counts = new HashMap<>();
      again.comparison().counts().forEach(c -> counts.put(c.key(), c.value()));
      assertThat(counts.get("not_found")).isEqualTo(notFound);
      assertThat(counts.get("duplicated")).isEqualTo(twice);
    } finally {
      Files.delete(earlier);
    }
  }

  @Provide
  Arbitrary<List<Integer>> drops() {
    return Arbitraries.of(0, 1, 1, 1, 2).list().ofMinSize(1).ofMaxSize(10);
  }

  private static Map<String, Integer> idCounts(List<Map<String, String>> rows) {
    Map<String, Integer> out = new HashMap<>();
    rows.forEach(r -> out.merge(r.get("id").strip(), 1, Integer::sum));
    return out;
  }

  private static String csv(List<Map<String, String>> rows) throws IOException {
    StringWriter w = new StringWriter();
    SheetFixtures.writeCsv(w, HEADER, rows);
    return w.toString();
  }

  private record Run(String text, Comparison comparison) {}

  /**
   * What {@code homeward screen sheet.csv --format csv [--compare earlier]} does, with the rule set
   * loaded once.
   */
  private static Run screen(String sheet, Path earlier, int threads) throws IOException {
    Comparison comparison = earlier == null ? null : Comparison.load(earlier, d -> {});
    StringWriter out = new StringWriter();
    Sinks.Target target =
        new Sinks.Target() {
          @Override
          public Writer writer() {
            return out;
          }

          @Override
          public OutputStream stream() {
            throw new UnsupportedOperationException();
          }
        };
    Summary summary = new Summary(RULES);
    Sink sink =
        Sinks.open(
            new Sinks.Settings(
                Format.CSV,
                false,
                false,
                false,
                "en",
                AS_OF,
                AS_OF,
                Table.QUESTIONS,
                false,
                comparison),
            target,
            RULES,
            false);
    Inputs inputs = new Inputs(new PersonBuilder(RULES.facts()), COLUMNS, ColumnMap.NONE, d -> {});
    try (PersonStream people =
        inputs.open(
            new Inputs.Input("sheet.csv", null, Format.CSV),
            new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)),
            (in, size) -> in)) {
      Pipeline pipeline = new Pipeline(SCREENER, AS_OF, AS_OF, threads, false);
      (comparison == null ? pipeline : pipeline.comparing(comparison))
          .run(people, sink, summary, n -> {});
    }
    sink.finish(summary);
    return new Run(out.toString(), comparison);
  }

  private static List<String[]> parse(String csv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        new CsvMapper()
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(csv)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
