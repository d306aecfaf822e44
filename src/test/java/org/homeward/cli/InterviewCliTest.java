package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview through standard input (as a script drives it) and through a real pseudo-terminal.
 */
class InterviewCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static CliRun run(String input, String... args) {
    return CliRun.reading(input, args);
  }

  private static CliRun run(boolean terminal, String input, String... args) {
    return CliRun.with(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), Map.of(), terminal, args);
  }

  @Test
  void answersOnStandardInputMakeAPersonFileThatScreenReads() throws IOException {
    Path person = dir.resolve("person.json");
    // removals: 1; then whatever comes next is skipped, taken back, then quit.
    CliRun r =
        run("1\n\nback\nquit\n", "interview", "-o", person.toString(), "--as-of", "2026-11-28");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("Question 1  [removals]")
        .contains("How many? Type a number (0 if none).")
        .contains("Skipped: the fact stays unknown.")
        .contains("Took back the last answer.")
        .contains("Stopped; everything answered so far is kept.")
        .contains("Saved the person file");
    JsonNode saved = JSON.readTree(person.toFile());
    assertThat(saved.get("removals")).hasSize(1);
    CliRun screen =
        run("", "screen", person.toString(), "--format", "json", "--as-of", "2026-11-28");
    assertThat(screen.code()).as(screen.err()).isZero();
  }

  @Test
  void aPartialFileIsTakenUpWhereItStoppedAndOnlyOpenQuestionsAreAsked() throws IOException {
    CliRun r = run("", "interview", "--from", "samples/daca-may-fit.json", "--as-of", "2026-11-28");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("DACA recipient or DACA-eligible when removed: may fit");
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.get("id").asText())
        .as("the file comes back whole on standard output")
        .isEqualTo("sample-daca-01");
  }

  @Test
  void theInterviewSpeaksSpanish() {
    CliRun r = run("quit\n", "interview", "--lang", "es", "--as-of", "2026-11-28");
    assertThat(r.err())
        .contains("Entrevista de Homeward")
        .contains("Pregunta 1")
        .contains("¿Cuántos? Escriba un número (0 si ninguno).")
        .contains("Entrevista detenida");
  }

  @Test
  void wrongAnswersAreExplainedAndAskedAgain() throws IOException {
    // a fixture rule set keeps the order of the questions still: the birth date comes first
    CliRun r =
        run(
            true,
            "not a date\n13/45/2003\n1990-01-01\nquit\n",
            "interview",
            "--rules",
            "src/test/resources/fixture-rules",
            "--as-of",
            "2026-11-28");
    assertThat(r.err()).contains("Question 1  [birth_date]").contains("That is not a date.");
    assertThat(r.err().split("That is not a date", -1))
        .as("a word and an impossible date are both refused")
        .hasSize(3);
    assertThat(JSON.readTree(r.out()).at("/birth_date").asText()).isEqualTo("1990-01-01");
    // the bundled rules ask first how many removals there were: a count, checked as such
    CliRun count = run(true, "many\n-3\n1\nquit\n", "interview", "--as-of", "2026-11-28");
    assertThat(count.err()).contains("Question 1  [removals]");
    assertThat(JSON.readTree(count.out()).get("removals")).hasSize(1);
  }

  @Test
  void inAScriptARejectedAnswerStopsWithALocatedErrorInsteadOfShiftingTheAnswersAfterIt() {
    // given: the first answer is not a date
    Path person = dir.resolve("person.json");
    // when
    CliRun r =
        run(
            "1\n0\n\nquit\n",
            "interview",
            "-o",
            person.toString(),
            "--rules",
            "src/test/resources/fixture-rules",
            "--as-of",
            "2026-11-28");
    // then
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("<stdin>:1: at birth_date: the answer to question 1 is not taken")
        .contains("nothing was saved");
    assertThat(person).doesNotExist();
  }

  @Test
  void theHelpsScriptedExampleWorksAsPrinted() throws IOException {
    // given: the example exactly as --help prints it
    String help = run("", "interview", "--help").out();
    String example =
        help.lines().filter(l -> l.contains("printf")).findFirst().orElseThrow().strip();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("printf '([^']*)' \\| homeward (.*)").matcher(example);
    assertThat(m.matches()).as(example).isTrue();
    Path person = dir.resolve("person.json");
    List<String> args = new java.util.ArrayList<>(List.of(m.group(2).split(" ")));
    args.set(args.indexOf("person.json"), person.toString());
    // when
    CliRun r = run(m.group(1).replace("\\n", "\n"), args.toArray(String[]::new));
    // then
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(person.toFile()).get("removals")).hasSize(1);
  }

  @Test
  void theOutputPathIsCheckedBeforeTheFirstQuestion() {
    CliRun r = run("1\n", "interview", "-o", dir.resolve("no/such/folder/p.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").doesNotContain("Question 1");
  }

  @Test
  void aRealTerminalDrivesTheInterview() throws Exception {
    assumeTrue(
        new File("/usr/bin/script").canExecute(), "util-linux script gives the pseudo-terminal");
    Path person = dir.resolve("tty.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        java
            + " -cp "
            + System.getProperty("java.class.path")
            + " org.homeward.cli.Main interview -o "
            + person
            + " --as-of 2026-11-28";
    Process p =
        new ProcessBuilder(List.of("script", "-qec", command, "/dev/null"))
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try {
                p.getInputStream().transferTo(screen);
              } catch (IOException e) {
                // the process ended
              }
            });
    reader.start();
    OutputStream keys = p.getOutputStream();
    waitFor(screen, "Question 1", 30);
    keys.write("0\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    // No removals, and (asked next) no entries and no trips abroad: only then can a category close,
    // since a trip under an order would be a removal (INA 101(g)).
    waitFor(screen, "Question 2", 30);
    keys.write("0\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    waitFor(screen, "Question 3", 30);
    keys.write("0\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    waitFor(screen, "Question 4", 30);
    keys.write("quit\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(5000);
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("Results so far:").contains("does not fit");
    assertThat(JSON.readTree(person.toFile()).get("removals"))
        .as("0 removals: known none")
        .isEmpty();
  }

  private static void waitFor(ByteArrayOutputStream screen, String text, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "never saw \""
                + text
                + "\" on the terminal:\n"
                + screen.toString(StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
    }
  }
}
