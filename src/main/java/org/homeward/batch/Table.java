package org.homeward.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.homeward.document.Diagnostic;
import org.homeward.facts.FactPath;
import org.homeward.report.Words;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;

/**
 * The columns of a batch result sheet, one row per input row in input order: {@code row} (where the
 * input row is: its spreadsheet row, JSON Lines line or array item), {@code id}, one outcome column
 * per category ({@code may_fit}, {@code needs_info}, {@code does_not_fit}), the open categories
 * that are leads, with {@code --compare} what changed since the earlier results, the next questions
 * (the columns to fill in, the most decisive first, and in a workbook their questions), with {@code
 * --all-missing} every fact still missing, the dates that are known only roughly, {@code yes} when
 * an open result waits on an attorney's review, one status column per barrier ({@code active},
 * {@code possible}, {@code expired}, {@code not_triggered}), when time alone may change a result,
 * and {@code error} for a row that could not be screened.
 */
public final class Table {
  /** How many next questions a row lists unless told otherwise ({@code --questions}). */
  public static final int QUESTIONS = 5;

  /**
   * What a sheet shows beyond the fixed columns: how many next questions, every missing fact too,
   * the questions' text in a language ({@code words}; null leaves the text column out), and the
   * {@code changed} column of a comparison.
   */
  public record Options(int questions, boolean allMissing, Words words, boolean changed) {
    /** The default sheet: five next questions, as column names only. */
    public static final Options DEFAULT = new Options(QUESTIONS, false, null, false);
  }

  private final Options options;
  private final List<String> header = new ArrayList<>();
  private final int changedColumn;

  /**
   * Column names by concrete path: few distinct paths recur in every row. Rows may be made on
   * several threads at once (see {@link Sink#prepare}).
   */
  private final Map<String, String> columns = new ConcurrentHashMap<>();

  /** Question texts by missing fact, for the same reason. */
  private final Map<MissingFact, String> texts = new ConcurrentHashMap<>();

  public Table(RuleSet rules) {
    this(rules, Options.DEFAULT);
  }

  public Table(RuleSet rules, Options options) {
    this.options = options;
    header.add("row");
    header.add("id");
    rules.categories().forEach(c -> header.add(c.id()));
    header.add("leads");
    changedColumn = options.changed() ? header.size() : -1;
    if (options.changed()) {
      header.add("changed");
    }
    header.add("next_questions");
    if (options.words() != null) {
      header.add("next_questions_text");
    }
    if (options.allMissing()) {
      header.add("missing_facts");
    }
    header.addAll(List.of("exact_dates_needed", "attorney_review"));
    rules.barriers().forEach(b -> header.add(b.id()));
    header.addAll(List.of("opens_on", "error"));
  }

  /** The position of the {@code changed} column, or -1 when there is none. */
  public int changedColumn() {
    return changedColumn;
  }

  public List<String> header() {
    return List.copyOf(header);
  }

  /**
   * The cells of a result, screened or not, with the comparison's {@code changed} when there is
   * one. Safe to call from several threads at once.
   */
  public String[] cells(Result r) {
    String[] out =
        r.ok()
            ? cells(r.row().number(), r.row().person().id(), r.verdict())
            : error(r.row().number(), r.row().id(), r.row().problems());
    if (changedColumn >= 0 && r.changed() != null) {
      out[changedColumn] = r.changed();
    }
    return out;
  }

  /**
   * The cells of a screened row; the row number is the first cell. Safe to call from several
   * threads at once.
   */
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
    out[k++] = String.join("; ", leads);
    if (changedColumn >= 0) {
      out[k++] = "";
    }
    List<MissingFact> next =
        options.questions() > 0 ? v.questions(options.questions(), Set.of()) : List.of();
    StringBuilder names = new StringBuilder();
    StringBuilder asked = new StringBuilder();
    for (MissingFact m : next) {
      names.append(names.length() == 0 ? "" : "; ").append(column(m));
      if (options.words() != null) {
        asked
            .append(asked.length() == 0 ? "" : "; ")
            .append(texts.computeIfAbsent(m, options.words()::question));
      }
    }
    out[k++] = names.toString();
    if (options.words() != null) {
      out[k++] = asked.toString();
    }
    Set<String> missing = new LinkedHashSet<>();
    Set<String> inexact = new LinkedHashSet<>();
    boolean review = false;
    for (MissingFact m : v.missing()) {
      switch (m.kind()) {
        case UNKNOWN -> {
          if (options.allMissing()) {
            missing.add(column(m));
          }
        }
        case INEXACT -> inexact.add(column(m));
        case REVIEW -> review = true;
      }
    }
    if (options.allMissing()) {
      out[k++] = String.join("; ", missing);
    }
    out[k++] = String.join("; ", inexact);
    out[k++] = review ? "yes" : "";
    for (Verdict.BarrierFlag b : v.barriers()) {
      out[k++] = b.status().word();
    }
    out[k++] = opensOn(v);
    out[k] = "";
    return out;
  }

  private String column(MissingFact m) {
    return columns.computeIfAbsent(m.at(), Table::column);
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
      LocalDate day = f.opensOn();
      if (f.status() == BarrierStatus.ACTIVE
          && f.endsOn() != null
          && v.asOf().isBefore(f.endsOn())
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
    Arrays.fill(out, "");
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
      String where =
          d.location().field() != null
              ? (d.location().sheetRow() ? "column " : "at ") + d.location().field()
              : d.location().line() > 0 && !d.location().sheetRow()
                  ? "line " + d.location().line()
                  : null;
      parts.add(where == null ? d.message() : where + ": " + d.message());
    }
    return String.join("; ", parts);
  }

  /**
   * A fact's concrete path as the template column that holds it: {@code convictions[0].statute} is
   * {@code convictions.1.statute}.
   */
  static String column(String path) {
    return FactPath.parse(path).column();
  }
}
