package org.homeward.person;

import java.util.List;
import org.homeward.document.Diagnostic;

/**
 * One input row (a JSON Lines line, an array item, a spreadsheet row): its number where the user
 * finds it (the line, the item, or the spreadsheet's row number), a label for messages, the
 * person's id when it could be read, and either the person or the problems that kept it from being
 * read. {@code stopped} marks the row where reading the file stopped: nothing after it was read,
 * and its problem says how much was left.
 */
public record Row(
    long number,
    String label,
    String id,
    Person person,
    List<Diagnostic> problems,
    boolean stopped) {
  public Row {
    problems = List.copyOf(problems);
  }

  /** A row the reading goes on after. */
  public Row(long number, String label, String id, Person person, List<Diagnostic> problems) {
    this(number, label, id, person, problems, false);
  }

  /** A row whose id is the person's, when there is a person. */
  public Row(long number, String label, Person person, List<Diagnostic> problems) {
    this(number, label, person == null ? null : person.id(), person, problems, false);
  }

  /** A row in error where reading stopped: nothing after it could be read. */
  public Row(long number, String label, Person person, List<Diagnostic> problems, boolean stopped) {
    this(number, label, person == null ? null : person.id(), person, problems, stopped);
  }

  public boolean ok() {
    return person != null;
  }
}
