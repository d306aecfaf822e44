package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.homeward.batch.Result;
import org.homeward.document.ProblemException;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/embedding.md is this test's code, line for line (between the markers), so the
 * documented example always compiles and runs; and the facade gives what the command line gives.
 */
class EmbeddingExampleTest {
  private static final Path DOC = Path.of("docs/embedding.md");

  @Test
  void theDocumentedExampleRuns() throws IOException {
    String personJson = Files.readString(Path.of("samples/daca-needs-info-year-only.json"));
    InputStream jsonLines =
        new ByteArrayInputStream(
            ("{\"id\":\"a\",\"birth_date\":\"1990\"}\n{\"id\": 7 7}\n" + "{\"id\":\"c\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    StringWriter out = new StringWriter();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream system = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      example(personJson, jsonLines, out);
    } finally {
      System.setOut(system);
    }
    List<String> printed = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(printed.subList(0, 7))
        .as("each category's outcome")
        .allMatch(l -> l.matches("[a-z-]+: (may_fit|needs_info|does_not_fit)( \\(lead\\))?"));
    assertThat(printed.subList(8, 11))
        .as("three questions")
        .allMatch(l -> l.endsWith(" open results wait on it)"));
    assertThat(printed)
        .containsSequence(
            "a: needs_info",
            "line 2 could not be read: this is not valid JSON "
                + "(Unexpected character ('7' (code 55)): was expecting comma to separate Object entries)",
            "c: needs_info");
    assertThat(printed.get(7))
        .startsWith("{\"schema\":\"homeward.screening/2\",\"id\":\"sample-daca-02\"")
        .contains("\"next_questions\":[{\"fact\":");
    assertThat(printed).contains("1 row screened");
    assertThat(out.toString())
        .startsWith("{\"schema\":\"homeward.screening/2\",\"row\":1,")
        .endsWith("}\n");
  }

  private static void example(String personJson, InputStream jsonLines, Writer out)
      throws IOException {
    // begin example
    // Load the rule set once (the slow part); the instance is immutable and thread-safe.
    Homeward homeward = Homeward.bundled().asOf(LocalDate.of(2026, 11, 28));

    // One person, in the person file's JSON: the full screening.
    Screening screening = homeward.screen(personJson);
    for (CategoryResult c : screening.categories()) {
      String lead = c.lead() ? " (lead)" : "";
      System.out.println(c.id() + ": " + c.outcome().word() + lead);
    }
    // Its JSON document (homeward.screening/2), as `homeward screen --format jsonl` writes it.
    System.out.println(homeward.json(screening));

    // The compact verdict, and the questions to ask next: the interview's ranking.
    Verdict verdict = homeward.verdict(homeward.person(personJson));
    for (MissingFact m : verdict.questions(3, Set.of())) {
      int waiting = verdict.waitsOn(m);
      System.out.println(
          m.at() + ": " + m.question() + " (" + waiting + " open results wait on it)");
    }

    // Many people as JSON Lines: one result a line, lazily and in order.
    // A line that cannot be read is a result in error, never a stopped stream.
    try (Stream<Result> results = homeward.screenLines(jsonLines)) {
      results.forEach(
          r -> {
            if (r.ok()) {
              System.out.println(r.row().person().id() + ": " + r.verdict().outcome("daca").word());
            } else {
              String why = r.row().problems().get(0).message();
              System.out.println("line " + r.row().number() + " could not be read: " + why);
            }
          });
    }

    // Or JSON Lines in and out, as `homeward screen - --format jsonl` does, on 4 threads:
    // each document is written as soon as it is screened (out is flushed when the input pauses).
    byte[] line = personJson.replace("\n", "").getBytes(StandardCharsets.UTF_8);
    long rows = homeward.screenLines(new ByteArrayInputStream(line), out, 4);
    System.out.println(rows + " row screened");
    // end example
  }

  @Test
  void theDocShowsTheExampleLineForLine() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/org/homeward/EmbeddingExampleTest.java"));
    String example =
        source.substring(
            source.indexOf("    // begin example\n") + "    // begin example\n".length(),
            source.indexOf("    // end example"));
    List<String> lines = example.lines().map(l -> l.replaceFirst("^    ", "")).toList();
    assertThat(Files.readString(DOC))
        .as("docs/embedding.md shows this test's example")
        .contains(String.join("\n", lines));
  }

  @Test
  void aPersonThatCannotBeReadSaysWhereAndWhy() {
    Homeward homeward = Homeward.bundled();
    assertThatThrownBy(() -> homeward.screen("{\"birth_date\": \"13/45/2003\"}"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.diagnostics().get(0).render())
                    .contains("birth_date")
                    .contains("is not a date")
                    .doesNotContain("13/45/2003"));
    assertThatThrownBy(
            () -> homeward.asOf(LocalDate.of(1950, 1, 1)).screen("{\"birth_date\": \"1990\"}"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("before the person's birth date");
  }
}
