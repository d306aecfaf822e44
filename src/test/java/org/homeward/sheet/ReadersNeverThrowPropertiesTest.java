package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.homeward.Fixtures;
import org.homeward.document.Diagnostic;
import org.homeward.document.ProblemException;
import org.homeward.person.JsonPersonStream;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.Row;
import org.homeward.person.TextDecoding;

/**
 * Every reader, fed arbitrary bytes (raw, or a valid file with random edits), gives rows, each a
 * person or located problems, or refuses the whole input with a located problem: it never throws
 * anything else, and reading a few kilobytes never allocates more than a bounded amount.
 */
class ReadersNeverThrowPropertiesTest {
  /**
   * What reading one small input may allocate in all: far below the heap, far above any honest
   * need.
   */
  private static final long ALLOCATION_BOUND = 64L * 1024 * 1024;

  private static final PersonBuilder BUILDER = new PersonBuilder(Fixtures.rules().facts());
  private static final Columns COLUMNS = new Columns(Fixtures.rules().facts());
  private static final String JSON =
      "[{\"id\":\"a\",\"birth_date\":\"1990-02\",\"entries\":[{\"date\":\"2001\"}]},\n"
          + "{\"id\":\"b\",\"convictions\":[],\"currently_in_us\":false}]";
  private static final String CSV =
      "id,birth_date,entries.1.date,currently_in_us,convictions\n"
          + "a,1990-02,2001,no,none\nb,\"06/15/1995\",,yes,\n";
  private static final String SHEET =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>"
          + "birth_date</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" s=\"1\">"
          + "<v>32874</v></c></row><row r=\"3\"><c r=\"A3\"><v>7</v></c><c r=\"B3\" t=\"d\"><v>1990-02-03</v></c></row>";
  private static final List<String> TOKENS =
      List.of(
          "\"",
          "{",
          "}",
          "[",
          "]",
          ",",
          "\n",
          ";",
          "\u0000",
          "\uFEFF",
          "é",
          "<",
          ">",
          "</c>",
          "<row>",
          " t=\"x\"",
          " r=\"ZZZZZZ9\"",
          " s=\"9\"",
          "<v>-1</v>",
          "<!DOCTYPE x>",
          "&a;",
          "\\");

  @Provide
  Arbitrary<byte[]> raw() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  /**
   * A seed text with a few random edits: a token inserted, a character changed, a stretch cut out.
   */
  private static Arbitrary<String> mutated(String seed) {
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, TOKENS.size() - 1),
                Arbitraries.integers().between(1, 30))
            .as((kind, at, token, len) -> new int[] {kind, at, token, len});
    return edit.list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(
            edits -> {
              StringBuilder s = new StringBuilder(seed);
              for (int[] e : edits) {
                int at = e[1] % (s.length() + 1);
                switch (e[0]) {
                  case 0 -> s.insert(at, TOKENS.get(e[2]));
                  case 1 -> {
                    if (at < s.length()) {
                      s.setCharAt(at, (char) (e[3] * 4));
                    }
                  }
                  default -> s.delete(at, Math.min(s.length(), at + e[3]));
                }
              }
              return s.toString();
            });
  }

  @Provide
  Arbitrary<byte[]> json() {
    return Arbitraries.oneOf(raw(), mutated(JSON).map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<byte[]> jsonLines() {
    return Arbitraries.oneOf(
        raw(),
        mutated(JSON.substring(1, JSON.length() - 1).replace(",\n", "\n"))
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<byte[]> csv() {
    return Arbitraries.oneOf(raw(), mutated(CSV).map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<byte[]> xlsx() {
    return Arbitraries.oneOf(
        raw(),
        mutated(SHEET)
            .map(
                rows -> {
                  try {
                    return Workbooks.of(rows, "id");
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                }));
  }

  @Property(tries = 150)
  void theJsonReaderGivesRowsOrLocatedErrors(@ForAll("json") byte[] bytes) {
    readEverything(bytes, "json");
  }

  @Property(tries = 150)
  void theJsonLinesReaderGivesRowsOrLocatedErrors(@ForAll("jsonLines") byte[] bytes) {
    readEverything(bytes, "jsonl");
  }

  @Property(tries = 150)
  void theCsvReaderGivesRowsOrLocatedErrors(@ForAll("csv") byte[] bytes) {
    readEverything(bytes, "csv");
  }

  @Property(tries = 150)
  void theXlsxReaderGivesRowsOrLocatedErrors(@ForAll("xlsx") byte[] bytes) {
    readEverything(bytes, "xlsx");
  }

  private static void readEverything(byte[] bytes, String kind) {
    String name = "in." + kind;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    try (PersonStream s = open(bytes, kind, name)) {
      while (s.hasNext()) {
        Row r = s.next();
        if (!r.ok()) {
          assertThat(r.problems()).as("a row in error says why").isNotEmpty();
          for (Diagnostic d : r.problems()) {
            assertThat(d.location().source()).as("and where").isEqualTo(name);
            assertThat(d.render()).doesNotContain("\u001b");
          }
        }
      }
    } catch (ProblemException e) {
      assertThat(e.kind()).isEqualTo(ProblemException.Kind.INPUT);
      assertThat(e.diagnostics())
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.location().source()).isEqualTo(name));
    } catch (OutOfMemoryError | RuntimeException | IOException e) {
      fail(kind + " reader threw instead of giving a located error", e);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated)
        .as("bytes allocated reading %,d bytes of %s", bytes.length, kind)
        .isLessThan(ALLOCATION_BOUND);
  }

  private static PersonStream open(byte[] bytes, String kind, String name) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return switch (kind) {
      case "json" ->
          JsonPersonStream.document(
              TextDecoding.open(in, name, "JSON", false, d -> {}).reader(), name, BUILDER);
      case "jsonl" ->
          JsonPersonStream.lines(
              TextDecoding.open(in, name, "JSON", false, d -> {}).reader(), name, BUILDER);
      case "csv" -> SheetPersonStream.csv(in, name, COLUMNS, ColumnMap.NONE, BUILDER, d -> {});
      default -> SheetPersonStream.xlsx(null, in, name, COLUMNS, ColumnMap.NONE, BUILDER, d -> {});
    };
  }
}
