package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.homeward.cli.Main;
import org.homeward.sheet.SheetFixtures;

/**
 * Nothing lost: every input row, good, bad or broken, gives exactly one output row, in input order.
 */
class RowsInRowsOutPropertiesTest {
  private static final List<String> HEADER =
      List.of(
          "id",
          "birth_date",
          "currently_in_us",
          "birth_place_type",
          "entries",
          "entries.1.date",
          "entries.1.manner",
          "convictions",
          "convictions.1.statute",
          "convictions.1.conviction_date");

  @Provide
  Arbitrary<String> cell() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "",
            "",
            "1990",
            "1990-02",
            "02/03/1991",
            "13/45/2003",
            "yes",
            "no",
            "sí",
            "maybe",
            "none",
            "2",
            "abroad",
            "us_state_or_dc",
            "Without Inspection",
            "ewi",
            "PC 459",
            "=1+1",
            "-2",
            "@x",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "unknown",
            "N/A",
            "0",
            "99999"),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Provide
  Arbitrary<List<List<String>>> sheet() {
    return cell().list().ofSize(HEADER.size()).list().ofMaxSize(40);
  }

  @Property(tries = 60)
  void everyCsvRowComesBackOnceInOrder(
      @ForAll("sheet") List<List<String>> cells, @ForAll @IntRange(min = 1, max = 3) int threads)
      throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    List<Long> expectedRows = new ArrayList<>();
    long number = 1;
    for (List<String> r : cells) {
      number++;
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < HEADER.size(); i++) {
        row.put(HEADER.get(i), r.get(i));
      }
      rows.add(row);
      if (r.stream().anyMatch(c -> !c.isBlank())) {
        expectedRows.add(number);
      }
    }
    StringWriter csv = new StringWriter();
    SheetFixtures.writeCsv(csv, HEADER, rows);
    List<String[]> out = screen(csv.toString(), "csv", threads);
    assertThat(out.get(0)[0]).isEqualTo("row");
    List<String[]> body = out.subList(1, out.size());
    assertThat(body).extracting(r -> Long.parseLong(r[0])).containsExactlyElementsOf(expectedRows);
    int error = out.get(0).length - 1;
    for (String[] r : body) {
      boolean failed = !r[error].isEmpty();
      assertThat(r[2].isEmpty())
          .as("a row has outcomes or an error, never both or neither")
          .isEqualTo(failed);
    }
  }

  @Provide
  Arbitrary<List<String>> jsonLines() {
    return Arbitraries.of(
            "{\"id\":\"a\",\"birth_date\":\"1990\"}",
            "{\"id\":",
            "[1,2]",
            "{\"birth_date\":\"someday\"}",
            "{\"unknown_field\":1}",
            "{}",
            "   ",
            "null",
            "{\"currently_in_us\":true} {}")
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 40)
  void everyJsonLineComesBackOnceInOrder(@ForAll("jsonLines") List<String> lines)
      throws IOException {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        expected.add((long) i + 1);
      }
    }
    List<String[]> out = screen(String.join("\n", lines) + "\n", "jsonl", 2);
    assertThat(out.subList(1, out.size()))
        .extracting(r -> Long.parseLong(r[0]))
        .containsExactlyElementsOf(expected);
  }

  private static List<String[]> screen(String input, String kind, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "screen",
              "-",
              "--input-format",
              kind,
              "--format",
              "csv",
              "--as-of",
              "2026-11-28",
              "-q",
              "--threads",
              Integer.toString(threads)
            },
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            false,
            LocalDate.of(2026, 11, 28));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1, 3);
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        new CsvMapper()
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(out.toString(StandardCharsets.UTF_8))) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
