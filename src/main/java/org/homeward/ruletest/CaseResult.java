package org.homeward.ruletest;

import java.util.List;
import org.homeward.document.Location;

/**
 * One test case's result: its name, where it is written, and what differed from the expectation.
 */
public record CaseResult(String category, String name, Location location, List<String> failures) {
  public CaseResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
