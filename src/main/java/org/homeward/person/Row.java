package org.homeward.person;

import java.util.List;
import org.homeward.document.Diagnostic;

/**
 * One input row (a JSON Lines line, an array item, a spreadsheet row): its 1-based number, a label
 * for messages, and either the person read from it or the problems that kept it from being read.
 */
public record Row(long number, String label, Person person, List<Diagnostic> problems) {
  public Row {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return person != null;
  }
}
