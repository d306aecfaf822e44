package org.homeward.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.homeward.document.Diagnostic;
import org.homeward.facts.FactPath;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;

/**
 * The columns of a batch result sheet, one row per input row in input order: {@code row} (where the
 * input row is: its spreadsheet row, JSON Lines line or array item), {@code id}, one outcome column
 * per category ({@code may_fit}, {@code needs_info}, {@code does_not_fit}), the open categories that
 * are leads, the facts still missing (named as template columns, so they can be filled in), the
 * dates that are known only roughly, {@code yes} when an open result waits on an attorney's review,
 * the active and possible barriers, and {@code error} for a row that could not be screened.
 */
public final class Table {
  private final RuleSet rules;
  private final List<String> header = new ArrayList<>();
  /** Column names by concrete path: few distinct paths recur in every row. Rows are written on one thread. */
  private final java.util.Map<String, String> columns = new java.util.HashMap<>();

  public Table(RuleSet rules) {
    this.rules = rules;
    header.add("row");
    header.add("id");
    rules.categories().forEach(c -> header.add(c.id()));
    header.addAll(List.of("leads", "missing_facts", "exact_dates_needed", "attorney_review", "active_barriers",
        "possible_barriers", "opens_on", "error"));
  }

  public List<String> header() {
    return List.copyOf(header);
  }

  /** The cells of a screened row; the row number is the first cell. Not thread-safe. */
  public String[] cells(long row, String id, Verdict v) {
    String[] out = new String[header.size()];
    out[0] = Long.toString(row);
    out[1] = id;
    int k = 2;
    List<String> leads = new ArrayList<>();
    for (Verdict.CategoryOutcome c : v.categories()) {
      out[k++] = c.outcome().word();
      if (c.outcome() == Outcome.NEEDS_INFO && c.lead()) {
        leads.add(c.id());
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    Set<String> inexact = new LinkedHashSet<>();
    for (MissingFact m : v.missing()) {
      switch (m.kind()) {
        case UNKNOWN -> missing.add(columns.computeIfAbsent(m.at(), Table::column));
        case INEXACT -> inexact.add(columns.computeIfAbsent(m.at(), Table::column));
        case REVIEW -> { }
      }
    }
    List<String> active = new ArrayList<>();
    List<String> possible = new ArrayList<>();
    for (Verdict.BarrierFlag b : v.barriers()) {
      if (b.status() == BarrierStatus.ACTIVE) {
        active.add(b.id());
      } else if (b.status() == BarrierStatus.POSSIBLE) {
        possible.add(b.id());
      }
    }
    boolean review = v.missing().stream().anyMatch(m -> m.kind() == Missing.Kind.REVIEW);
    out[k++] = String.join("; ", leads);
    out[k++] = String.join("; ", missing);
    out[k++] = String.join("; ", inexact);
    out[k++] = review ? "yes" : "";
    out[k++] = String.join("; ", active);
    out[k++] = String.join("; ", possible);
    out[k++] = opensOn(v);
    out[k] = "";
    return out;
  }

  /**
   * When time alone may change a result: each category with the day a path opens, and each barrier
   * with the day an exception may apply or, for an active time-limited bar, the day it ends.
   */
  static String opensOn(Verdict v) {
    StringBuilder b = new StringBuilder();
    for (Verdict.CategoryOutcome c : v.categories()) {
      if (c.opensOn() != null) {
        b.append(b.length() == 0 ? "" : "; ").append(c.id()).append(' ').append(c.opensOn());
      }
    }
    for (Verdict.BarrierFlag f : v.barriers()) {
      java.time.LocalDate day = f.opensOn();
      if (f.status() == BarrierStatus.ACTIVE && f.endsOn() != null && v.asOf().isBefore(f.endsOn())
          && (day == null || f.endsOn().isBefore(day))) {
        day = f.endsOn();
      }
      if (day != null) {
        b.append(b.length() == 0 ? "" : "; ").append(f.id()).append(' ').append(day);
      }
    }
    return b.toString();
  }

  /** The cells of a row that could not be screened: its number, its id if known, and why. */
  public String[] error(long row, String id, List<Diagnostic> problems) {
    String[] out = new String[header.size()];
    java.util.Arrays.fill(out, "");
    out[0] = Long.toString(row);
    out[1] = id == null ? "" : id;
    out[out.length - 1] = describe(problems);
    return out;
  }

  /** Problems as one cell: {@code column birth_date: "13/45/2003" is not a date; ...}. */
  public static String describe(List<Diagnostic> problems) {
    List<String> parts = new ArrayList<>();
    for (Diagnostic d : problems) {
      if (!d.isError()) {
        continue;
      }
      String where = d.location().field() != null ? (d.location().sheetRow() ? "column " : "at ") + d.location().field()
          : d.location().line() > 0 && !d.location().sheetRow() ? "line " + d.location().line() : null;
      parts.add(where == null ? d.message() : where + ": " + d.message());
    }
    return String.join("; ", parts);
  }

  /** A fact's concrete path as the template column that holds it: {@code convictions[0].statute} is {@code convictions.1.statute}. */
  static String column(String path) {
    return FactPath.parse(path).column();
  }

}
