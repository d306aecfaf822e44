package org.homeward.ruletest;

import java.util.List;
import org.homeward.document.Location;

/**
 * One test case's result: its name, where it is written, and what differed from the expectation.
 * {@code base} is the base person the case is built on when every failure is that person's own (the
 * case did not run because its base cannot be read); else null.
 */
public record CaseResult(
    String category,
    String name,
    Location location,
    List<String> failures,
    RuleTestRunner.Base base) {
  public CaseResult {
    failures = List.copyOf(failures);
  }

  public CaseResult(String category, String name, Location location, List<String> failures) {
    this(category, name, location, failures, null);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
