package org.homeward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage names every criterion the cases do not drive met, not met and unknown. */
class CoverageTest {

  @Test
  void aCriterionTestedOnlyOneWayIsReportedWithWhatItLacks(@TempDir Path dir) throws Exception {
    // given a one-category rule set whose only case meets both criteria
    Files.copy(Path.of("rules/facts.yaml"), dir.resolve("facts.yaml"));
    Files.writeString(dir.resolve("ruleset.yaml"), "version: t\ncategories: [thin]\n");
    Files.createDirectories(dir.resolve("thin"));
    Files.writeString(
        dir.resolve("thin/rule.yaml"),
        """
        id: thin
        title: Thin
        citations: [{id: c, title: A source}]
        parameters:
          - {id: late, type: date, text: Born on or after this is late., values: [{value: 1990-01-01, citation: c}]}
        paths:
          - id: p
            criteria:
              - id: born-late
                text: Born late.
                citation: c
                question: When?
                when: "birth_date >= $late"
              - id: deferred
                text: Only ever deferred.
                citation: c
                question: Why?
                defers: true
                when: {any: ["security_concern == none", {review: judge it, id: judge}]}
        """);
    Files.writeString(
        dir.resolve("thin/tests.yaml"),
        """
        cases:
          - name: A person born in 1995 with no concern may fit.
            as_of: 2026-11-28
            facts: {birth_date: 1995-01-01, security_concern: none}
            expect: {outcome: may_fit}
        """);
    RuleSet rules = RuleLoader.load(RuleSource.directory(dir));
    // when
    RuleTestRunner.Report report = new RuleTestRunner(rules, RuleSource.directory(dir)).run();
    // then
    assertThat(report.failed()).isZero();
    assertThat(report.coverage().gaps())
        .containsExactly(
            "thin/p/born-late lacks not_met, unknown", "thin/p/deferred lacks unknown");
  }
}
