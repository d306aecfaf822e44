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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interview through standard input (as a script drives it) and through a real pseudo-terminal. */
class InterviewCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String input, String... args) {
    return run(false, input, args);
  }

  private static Run run(boolean terminal, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        terminal, LocalDate.of(2026, 11, 28));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void answersOnStandardInputMakeAPersonFileThatScreenReads() throws IOException {
    Path person = dir.resolve("person.json");
    // removals: 1; then whatever comes next is skipped, taken back, then quit.
    Run r = run("1\n\nback\nquit\n", "interview", "-o", person.toString(), "--as-of", "2026-11-28");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Question 1  [removals]").contains("How many? Type a number (0 if none).")
        .contains("Skipped: the fact stays unknown.").contains("Took back the last answer.")
        .contains("Stopped; everything answered so far is kept.").contains("Saved the person file");
    JsonNode saved = JSON.readTree(person.toFile());
    assertThat(saved.get("removals")).hasSize(1);
    Run screen = run("", "screen", person.toString(), "--format", "json", "--as-of", "2026-11-28");
    assertThat(screen.code()).as(screen.err()).isZero();
  }

  @Test
  void aPartialFileIsTakenUpWhereItStoppedAndOnlyOpenQuestionsAreAsked() throws IOException {
    Run r = run("", "interview", "--from", "samples/daca-may-fit.json", "--as-of", "2026-11-28");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("DACA recipient or DACA-eligible when removed: may fit");
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.get("id").asText()).as("the file comes back whole on standard output").isEqualTo("sample-daca-01");
  }

  @Test
  void theInterviewSpeaksSpanish() {
    Run r = run("quit\n", "interview", "--lang", "es", "--as-of", "2026-11-28");
    assertThat(r.err()).contains("Entrevista de Homeward").contains("Pregunta 1")
        .contains("¿Cuántos? Escriba un número (0 si ninguno).").contains("Entrevista detenida");
  }

  @Test
  void wrongAnswersAreExplainedAndAskedAgain() throws IOException {
    Run r = run(true, "1\n0\n99\nnot a choice\n3\nthe day after\nquit\n", "interview", "--as-of", "2026-11-28");
    assertThat(r.err()).contains("Question 3  [removals[0].type]")
        .contains("Please answer with one of the numbers listed (or press Enter to skip).");
    assertThat(r.err().split("Please answer with one of the numbers", -1)).as("99 and a word are both refused").hasSize(3);
    assertThat(JSON.readTree(r.out()).at("/removals/0/type").asText()).isEqualTo("ij_order_after_hearing");
  }

  @Test
  void inAScriptARejectedAnswerStopsWithALocatedErrorInsteadOfShiftingTheAnswersAfterIt() {
    // given: the third answer is not one of the numbers offered
    Path person = dir.resolve("person.json");
    // when
    Run r = run("1\n0\n99\n3\nquit\n", "interview", "-o", person.toString(), "--as-of", "2026-11-28");
    // then
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("<stdin>:3: at removals[0].type: the answer to question 3 is not taken")
        .contains("nothing was saved");
    assertThat(person).doesNotExist();
  }

  @Test
  void theHelpsScriptedExampleWorksAsPrinted() throws IOException {
    // given: the example exactly as --help prints it
    String help = run("", "interview", "--help").out();
    String example = help.lines().filter(l -> l.contains("printf")).findFirst().orElseThrow().strip();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("printf '([^']*)' \\| homeward (.*)").matcher(example);
    assertThat(m.matches()).as(example).isTrue();
    Path person = dir.resolve("person.json");
    List<String> args = new java.util.ArrayList<>(List.of(m.group(2).split(" ")));
    args.set(args.indexOf("person.json"), person.toString());
    // when
    Run r = run(m.group(1).replace("\\n", "\n"), args.toArray(String[]::new));
    // then
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(person.toFile()).get("removals")).hasSize(1);
  }

  @Test
  void theOutputPathIsCheckedBeforeTheFirstQuestion() {
    Run r = run("1\n", "interview", "-o", dir.resolve("no/such/folder/p.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").doesNotContain("Question 1");
  }

  @Test
  void aRealTerminalDrivesTheInterview() throws Exception {
    assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script gives the pseudo-terminal");
    Path person = dir.resolve("tty.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = java + " -cp " + System.getProperty("java.class.path") + " org.homeward.cli.Main interview -o "
        + person + " --as-of 2026-11-28";
    Process p = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null")).redirectErrorStream(true).start();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
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
    waitFor(screen, "Question 2", 30);
    keys.write("quit\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(5000);
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("Results so far:").contains("does not fit");
    assertThat(JSON.readTree(person.toFile()).get("removals")).as("0 removals: known none").isEmpty();
  }

  private static void waitFor(ByteArrayOutputStream screen, String text, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("never saw \"" + text + "\" on the terminal:\n" + screen.toString(StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
    }
  }
}
