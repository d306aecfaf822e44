package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.homeward.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule tooling, run against copies of the small fixture rule set with one deliberate mistake
 * each.
 */
class FixtureRulesTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-rules");
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path copy() throws IOException {
    Path to = dir.resolve("rules");
    Fixtures.copyTree(FIXTURE, to);
    return to;
  }

  @Test
  void theFixtureRuleSetIsCleanAndItsCasesPass() {
    assertThat(run("rules", "check", FIXTURE.toString()).code()).isZero();
    CliRun test = run("rules", "test", FIXTURE.toString(), "--coverage");
    assertThat(test.code()).as(test.out()).isZero();
  }

  @Test
  void theRuleTestRunnerFailsAWrongExpectation() throws IOException {
    // given: a tests.yaml whose first two cases expect what the rules do not say
    Path rules = copy();
    Files.copy(
        Path.of("src/test/resources/wrong-expectation/tests.yaml"),
        rules.resolve("came-young/tests.yaml"),
        StandardCopyOption.REPLACE_EXISTING);
    // when
    CliRun r = run("rules", "test", rules.toString());
    // then
    assertThat(r.code()).isEqualTo(ExitCode.ROW_ERRORS.code());
    assertThat(r.out())
        .contains("FAIL came-young: A wrong outcome is a failure.")
        .contains("FAIL came-young: A wrong criterion result is a failure.")
        .contains("PASS came-young: A right expectation still passes.");
  }

  @Test
  void anUnreadableTestsFileFailsAloneAndItsCoverageIsNotKnownRatherThanUntested()
      throws IOException {
    Path rules = copy();
    Files.writeString(rules.resolve("came-young/tests.yaml"), "cases: [unclosed\n");
    CliRun r = run("rules", "test", rules.toString(), "--coverage");
    assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.ROW_ERRORS.code());
    assertThat(r.out())
        .contains("FAIL came-young: (tests.yaml cannot be read: no case in it ran)")
        .contains("came-young/tests.yaml:")
        .contains("Every criterion whose tests ran is covered met, not met and unknown.")
        .contains("Coverage not known (the tests.yaml cannot be read): came-young")
        .doesNotContain("are not covered three ways");
  }

  /**
   * A mistake in a base person stops every case built on it, and each one failing is right; but the
   * mistake is said once, with where the cases are, not once a case. A case that corrects the
   * mistaken fact runs, and a case's own mistake is its own failure.
   */
  @Test
  void anUnreadableBasePersonIsOneFailureNamingTheCasesItStopped() throws IOException {
    Path rules = copy();
    Files.writeString(
        rules.resolve("came-young/tests.yaml"),
        """
        bases:
          young:
            facts:
              birth_date: 1990-13-02
              entries: [{date: 2000-07-01}]
        cases:
          - name: Stopped by the base, one.
            as_of: 2026-11-28
            base: young
            expect: {outcome: may_fit}
          - name: Stopped by the base, two.
            as_of: 2026-11-28
            base: young
            facts: {entries: [{date: 2001-07-01}]}
            expect: {outcome: may_fit}
          - name: Corrects the base and runs.
            as_of: 2026-11-28
            base: young
            facts: {birth_date: 1990-03-02}
            expect: {outcome: may_fit}
          - name: Its own mistake.
            as_of: 2026-11-28
            facts: {birth_date: 1990-14-02}
            expect: {outcome: may_fit}
        """);
    CliRun r = run("rules", "test", rules.toString());
    assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.ROW_ERRORS.code());
    assertThat(r.out())
        .contains(
            "FAIL came-young: base person 'young' ("
                + rules.resolve("came-young/tests.yaml")
                + ":2:3) cannot be read, so the 2 cases built on it did not run (lines 7, 11)")
        .contains("PASS came-young: Corrects the base and runs.")
        .contains("FAIL came-young: Its own mistake.")
        .contains(" passed, 3 failed")
        .doesNotContain("Stopped by the base");
    assertThat(r.out().lines().filter(l -> l.contains("tests.yaml:4:")))
        .as("the base's mistake, said once")
        .hasSize(1);
  }

  @Test
  void rulesCheckFlagsAnUnknownYamlTag() throws IOException {
    Path rules = copy();
    Path rule = rules.resolve("came-young/rule.yaml");
    Files.writeString(
        rule,
        Files.readString(rule).replace("title: Came young (fixture)", "title: !secret Came young"));
    CliRun r = run("rules", "check", rules.toString());
    assertThat(r.code()).isEqualTo(ExitCode.RULES.code());
    assertThat(r.err()).contains("came-young/rule.yaml:").contains("unknown YAML tag '!secret'");
  }

  @Test
  void anAsOfDateBeforeTheBirthDateIsAnErrorRow() throws IOException {
    Path people =
        Files.writeString(
            dir.resolve("p.jsonl"),
            "{\"id\":\"a\",\"birth_date\":\"2030-01-01\"}\n"
                + "{\"id\":\"b\",\"birth_date\":\"1990\"}\n");
    CliRun r =
        run(
            "screen",
            people.toString(),
            "--as-of",
            "2026-11-28",
            "--format",
            "csv",
            "--rules",
            FIXTURE.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines().skip(1).toList().get(0)).contains("before the person's birth date");
    assertThat(r.out().lines().skip(1).toList().get(1)).startsWith("2,b,needs_info");
  }
}
