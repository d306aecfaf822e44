package org.homeward.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.SpanishTwin;

/** The human-facing texts of one rule file as they are met, paired with the file's Spanish twin. */
final class Texts {
  private final SpanishTwin twin;
  private final List<Diagnostic> problems;
  private final Map<String, Location> reviews = new HashMap<>();

  Texts(SpanishTwin twin, List<Diagnostic> problems) {
    this.twin = twin;
    this.problems = problems;
  }

  SpanishTwin twin() {
    return twin;
  }

  /**
   * A review point's note; its id must be unique in the file (a definition compiled twice meets it
   * twice).
   */
  void review(String id, String note, Location at) {
    Location seen = reviews.putIfAbsent(id, at);
    if (seen != null && !seen.equals(at)) {
      problems.add(
          Diagnostic.error(
              at,
              "the review id '"
                  + id
                  + "' is used twice in this file (also at line "
                  + seen.line()
                  + ")"));
      return;
    }
    twin.text("reviews", id, null, note);
  }
}
