package org.homeward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests.yaml runner: base persons, concept expectations, and that a wrong expectation fails.
 */
class RuleTestRunnerTest {

  private static RuleTestRunner.Report run(Path dir, String tests, String conceptTests)
      throws Exception {
    Files.copy(Path.of("rules/facts.yaml"), dir.resolve("facts.yaml"));
    Files.writeString(dir.resolve("ruleset.yaml"), "version: t\ncategories: [cat]\n");
    Files.createDirectories(dir.resolve("cat"));
    Files.writeString(
        dir.resolve("cat/rule.yaml"),
        """
        id: cat
        title: Cat
        citations: [{id: c, title: A source}]
        paths:
          - id: p
            criteria:
              - id: documented
                text: Holds a passport.
                citation: c
                question: Which documents
                when: "citizenship_documents contains_any [us_passport]"
              - id: abroad
                text: Born abroad.
                citation: c
                question: Where
                when: "birth_place_type == abroad"
        """);
    Files.writeString(dir.resolve("cat/tests.yaml"), tests);
    Files.createDirectories(dir.resolve("concepts"));
    Files.writeString(
        dir.resolve("concepts/concepts.yaml"),
        """
        title: Concepts
        citations: [{id: k, title: A source}]
        definitions:
          - {id: abroad_now, text: Outside now., citation: k, when: "currently_in_us == false"}
        """);
    Files.writeString(dir.resolve("concepts/tests.yaml"), conceptTests);
    RuleSet rules = RuleLoader.load(RuleSource.directory(dir));
    return new RuleTestRunner(rules, RuleSource.directory(dir)).run();
  }

  private static final String CONCEPT_OK =
      """
      cases:
        - {name: Abroad., as_of: 2026-12-03, facts: {currently_in_us: false}, expect: {abroad_now: met}}
      """;

  @Test
  void aCaseLaysItsFactsOverItsBase(@TempDir Path dir) throws Exception {
    RuleTestRunner.Report report =
        run(
            dir,
            """
        bases:
          documented:
            facts: {citizenship_documents: [us_passport], birth_place_type: us_state_or_dc}
          documented-abroad:
            base: documented
            facts: {birth_place_type: abroad}
        cases:
          - name: The base alone does not fit.
            as_of: 2026-12-03
            base: documented
            expect: {outcome: does_not_fit}
          - name: A base of a base, overridden, fits.
            as_of: 2026-12-03
            base: documented-abroad
            expect: {outcome: may_fit}
          - name: A list in the case replaces the base's list.
            as_of: 2026-12-03
            base: documented-abroad
            facts: {citizenship_documents: []}
            expect: {outcome: does_not_fit}
        """,
            CONCEPT_OK);
    assertThat(report.cases()).allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
  }

  @Test
  void aTestsFileThatCannotBeReadFailsAloneAndTheOthersStillRun(@TempDir Path dir)
      throws Exception {
    RuleTestRunner.Report report =
        run(dir, "cases:\n  - name: [unclosed\n    as_of: 2026-12-03\n", CONCEPT_OK);
    assertThat(report.cases())
        .as("the unreadable file is one failing case, located; the concepts' case still runs")
        .hasSize(2)
        .anySatisfy(
            c -> {
              assertThat(c.category()).isEqualTo("cat");
              assertThat(c.passed()).isFalse();
              assertThat(c.location().toString()).contains("cat/tests.yaml:");
              assertThat(c.failures()).singleElement().asString().contains("not valid YAML");
            })
        .anySatisfy(
            c -> {
              assertThat(c.category()).isEqualTo("concepts");
              assertThat(c.passed()).isTrue();
            });
    assertThat(report.coverage().unknown()).containsExactly("cat");
    assertThat(report.coverage().gaps())
        .as("the criteria no case could reach are not reported as untested")
        .noneSatisfy(g -> assertThat(g).startsWith("cat/"));
    report = run(newDir(dir), "name: no cases list here\n", CONCEPT_OK);
    assertThat(report.cases())
        .filteredOn(c -> c.category().equals("cat"))
        .singleElement()
        .satisfies(
            c -> assertThat(c.failures()).containsExactly("a tests.yaml needs a 'cases' list"));
  }

  private static Path newDir(Path dir) throws Exception {
    return Files.createDirectories(dir.resolve("again"));
  }

  @Test
  void aWrongExpectationFailsTheCaseAndSaysWhy(@TempDir Path dir) throws Exception {
    RuleTestRunner.Report report =
        run(
            dir,
            """
        cases:
          - name: Claimed to fit but does not.
            as_of: 2026-12-03
            facts: {citizenship_documents: [], birth_place_type: abroad}
            expect: {outcome: may_fit}
          - name: Names a base nobody declared.
            as_of: 2026-12-03
            base: nobody
            expect: {outcome: does_not_fit}
        """,
            """
        cases:
          - {name: Wrong concept result., as_of: 2026-12-03, facts: {currently_in_us: true}, expect: {abroad_now: met}}
          - {name: Unknown concept., as_of: 2026-12-03, facts: {}, expect: {nothing_such: met}}
        """);
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.cases())
        .filteredOn(c -> c.name().equals("Claimed to fit but does not."))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.failures())
                    .anySatisfy(
                        f ->
                            assertThat(f).contains("outcome: expected may_fit, got does_not_fit")));
    assertThat(report.cases())
        .filteredOn(c -> c.name().equals("Names a base nobody declared."))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.failures()).anySatisfy(f -> assertThat(f).contains("no base person")));
    assertThat(report.cases())
        .filteredOn(c -> c.name().equals("Wrong concept result."))
        .singleElement()
        .satisfies(
            c -> assertThat(c.failures()).containsExactly("abroad_now: expected met, got not_met"));
    assertThat(report.cases())
        .filteredOn(c -> c.name().equals("Unknown concept."))
        .singleElement()
        .satisfies(
            c -> assertThat(c.failures()).containsExactly("no shared concept 'nothing_such'"));
  }
}
