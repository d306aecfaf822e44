package org.homeward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.homeward.Fixtures;
import org.homeward.rules.RuleSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every rules/**&#47;tests.yaml case by name, as {@code homeward rules test} does. */
class RuleCasesTest {
  private final RuleTestRunner runner =
      new RuleTestRunner(Fixtures.rules(), RuleSource.directory(Fixtures.RULES_DIR));

  @TestFactory
  Stream<DynamicTest> everyRuleTestCasePasses() {
    return runner.cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.category() + ": " + c.name(),
                    () -> {
                      CaseResult r = runner.run(c, null);
                      assertThat(r.failures()).as("%s (%s)", r.name(), r.location()).isEmpty();
                    }));
  }

  @Test
  void everyCriterionIsCoveredMetNotMetAndUnknown() {
    RuleTestRunner.Report report = runner.run();
    assertThat(report.coverage().gaps()).as("criteria whose tests miss a result").isEmpty();
  }
}
