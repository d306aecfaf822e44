package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed files, as a hostile user or a broken export makes them, each screened with
 * its golden messages beside it ({@code FILE.expected}: the exit code, standard error and the
 * result rows' error column). None is an internal error, and none repeats the values planted in
 * them (a name and an A-number). {@code -Dgolden.update=true} rewrites the expected files (not in
 * CI).
 */
class FuzzCorpusTest {
  private static final Path ROOT = Path.of("src/test/resources/fuzz-corpus");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyMalformedFileGivesItsGoldenMessages() throws IOException {
    CliGoldenTest.refuseUpdateInCi(UPDATE, System.getenv());
    try (Stream<Path> files = Files.list(ROOT)) {
      return files.filter(f -> !f.toString().endsWith(".expected")).sorted().toList().stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }
  }

  private static void check(Path file) throws IOException {
    // given
    String[] args = {
      "screen",
      file.toString(),
      "--format",
      "csv",
      "--as-of",
      "2026-11-28",
      "--threads",
      "1",
      "--rules",
      "src/test/resources/fixture-rules"
    };
    // when
    CliRun run = CliRun.of(args);
    StringBuilder actual =
        new StringBuilder("exit ")
            .append(run.code())
            .append("\n--- stderr\n")
            .append(run.err().replaceAll("\\+[0-9a-f]{12}", "+<hash>"))
            .append("--- errors\n");
    try (var rows =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper()
            .readerFor(String[].class)
            .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
            .<String[]>readValues(run.out())) {
      boolean header = true;
      while (rows.hasNextValue()) {
        String[] r = rows.nextValue();
        if (!header) {
          String error = r[r.length - 1];
          actual
              .append("row ")
              .append(r[0])
              .append(": ")
              .append(error.isEmpty() ? "screened" : error)
              .append('\n');
        }
        header = false;
      }
    }
    // then
    String text = actual.toString();
    assertThat(text)
        .doesNotContain("internal error")
        .doesNotContain("Zacarias")
        .doesNotContain("A099887766");
    Path expected = Path.of(file + ".expected");
    if (UPDATE) {
      Files.writeString(expected, text);
      return;
    }
    assertThat(text).as("messages for %s", file).isEqualTo(Files.readString(expected));
  }
}
