package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBehaviourTest {
  private static CliRun run(Map<String, String> env, boolean terminal, String... args) {
    return CliRun.with(new ByteArrayInputStream(new byte[0]), env, terminal, args);
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    String[] args = {"screen", "samples/daca-may-fit.json", "--rules", "rules"};
    assertThat(run(Map.of(), true, args).out()).contains("\u001b[");
    assertThat(run(Map.of("NO_COLOR", "1"), true, args).out()).doesNotContain("\u001b[");
    assertThat(run(Map.of(), false, args).out()).doesNotContain("\u001b[");
    assertThat(
            run(
                    Map.of(),
                    true,
                    "screen",
                    "samples/daca-may-fit.json",
                    "--no-color",
                    "--rules",
                    "rules")
                .out())
        .doesNotContain("\u001b[");
  }

  @Test
  void outputFileIsWrittenWholeAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("result.jsonl");
    CliRun r =
        run(
            Map.of(),
            false,
            "screen",
            "samples/daca-may-fit.json",
            "--format",
            "jsonl",
            "-o",
            target.toString(),
            "--rules",
            "rules");
    assertThat(r.code()).isZero();
    assertThat(r.out()).as("nothing but data, and the data went to the file").isEmpty();
    assertThat(Files.readString(target))
        .startsWith("{\"schema\":\"" + org.homeward.report.JsonReport.SCHEMA + "\"");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.jsonl");
    }
  }

  @Test
  void anUnreadableSinglePersonLeavesNoOutputFile(@TempDir Path dir) {
    Path target = dir.resolve("result.json");
    CliRun r =
        run(
            Map.of(),
            false,
            "screen",
            "src/test/resources/inputs/bad-date.json",
            "-o",
            target.toString(),
            "--rules",
            "rules");
    assertThat(r.code()).isEqualTo(3);
    assertThat(target).doesNotExist();
  }

  @Test
  void theSameInputAlwaysGivesTheSameOutput() {
    String[] args = {
      "screen", "samples/several-categories.json", "--format", "json", "--rules", "rules"
    };
    assertThat(run(Map.of(), false, args).out()).isEqualTo(run(Map.of(), false, args).out());
  }

  @Test
  void aPeriodOfLawNotEncodedIsShownWhereThePersonsDateMayFallAndOnlyThere(@TempDir Path dir)
      throws Exception {
    String gap = "Law not encoded by these rules: expedited removal";
    Path before = dir.resolve("er-1996.json");
    Files.writeString(
        before,
        "{\"id\": \"t\", \"removals\": [{\"type\": \"expedited_removal\","
            + " \"order_date\": \"1996-05-01\", \"departure_date\": \"1996-05-02\"}]}");
    String[] inAbsentia = {"screen", "samples/in-absentia-no-notice.json", "--as-of", "2026-11-28"};
    assertThat(CliRun.of("screen", before.toString(), "--as-of", "2026-11-28").out())
        .contains("? Path: " + gap);
    assertThat(CliRun.of(inAbsentia).out()).doesNotContain(gap);
    Path html = dir.resolve("page.html");
    CliRun.of(
        "screen",
        "samples/in-absentia-no-notice.json",
        "--as-of",
        "2026-11-28",
        "-o",
        html.toString());
    assertThat(Files.readString(html)).doesNotContain(gap);
    String[] explained = {
      "screen", "samples/in-absentia-no-notice.json", "--as-of", "2026-11-28", "--explain"
    };
    assertThat(CliRun.of(explained).out()).contains("✗ Path: " + gap);
  }

  @Test
  void rulesGapsListsTheUnencodedPeriodsAndTheDeferringCriteriaOfARuleSet() {
    CliRun positional = CliRun.of("rules", "gaps", "rules");
    assertThat(positional.code()).as(positional.err()).isZero();
    assertThat(positional.out())
        .contains("[defective-removal]")
        .contains("NOT ENCODED before 1997-04-01 -> attorney review")
        .contains(
            "Criteria that only defer to an attorney: former-212c/r8-aggravated-felony-time-served");
    assertThat(CliRun.of("rules", "gaps", "--rules", "rules").out()).isEqualTo(positional.out());
    CliRun missing = CliRun.of("rules", "gaps", "no-such-folder");
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("no-such-folder").doesNotContain("Exception");
  }
}
