package org.homeward.batch;

import java.util.ArrayList;
import java.util.List;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.Verdict;

/**
 * A batch run's counts: rows read, screened and in error, blank rows skipped, and people per
 * category and outcome (open results split into leads and unexplored) and per barrier status.
 */
public final class Summary {
  /** The columns of the per-category counts. */
  public static final List<String> OUTCOME_COLUMNS =
      List.of("may_fit", "needs_info_lead", "needs_info_unexplored", "does_not_fit");

  private final RuleSet rules;
  private final long[][] categories;
  private final long[][] barriers;
  private final List<Long> errorRows = new ArrayList<>();
  private final List<String> stops = new ArrayList<>();
  private long screened;
  private long errors;
  private long blank;
  private Comparison comparison;

  public Summary(RuleSet rules) {
    this.rules = rules;
    this.categories = new long[rules.categories().size()][4];
    this.barriers = new long[rules.barriers().size()][BarrierStatus.values().length];
  }

  public RuleSet rules() {
    return rules;
  }

  void add(Result r) {
    if (!r.ok()) {
      errors++;
      if (r.row().stopped() && !r.row().problems().isEmpty()) {
        stops.add(r.row().problems().get(0).render());
      }
      if (errorRows.size() < 20) {
        errorRows.add(r.row().number());
      }
      return;
    }
    screened++;
    Verdict v = r.verdict();
    for (int i = 0; i < v.categories().size(); i++) {
      Verdict.CategoryOutcome c = v.categories().get(i);
      int col =
          switch (c.outcome()) {
            case MAY_FIT -> 0;
            case NEEDS_INFO -> c.lead() ? 1 : 2;
            case DOES_NOT_FIT -> 3;
          };
      categories[i][col]++;
    }
    for (int j = 0; j < v.barriers().size(); j++) {
      barriers[j][v.barriers().get(j).status().ordinal()]++;
    }
  }

  /**
   * The run compares its rows with earlier results ({@code --compare}); the summary reports what
   * changed.
   */
  public void comparing(Comparison c) {
    this.comparison = c;
  }

  /** The comparison with earlier results, or null. */
  public Comparison comparison() {
    return comparison;
  }

  public void blankRows(long n) {
    blank = n;
  }

  public long rows() {
    return screened + errors;
  }

  public long screened() {
    return screened;
  }

  public long errors() {
    return errors;
  }

  public long blank() {
    return blank;
  }

  /** Where reading an input stopped early, one line per input that could not be read to its end. */
  public List<String> stops() {
    return List.copyOf(stops);
  }

  /** The first rows in error (at most 20), by row number. */
  public List<Long> errorRows() {
    return List.copyOf(errorRows);
  }

  /** People in category {@code i} with the outcome column {@code k} of {@link #OUTCOME_COLUMNS}. */
  public long category(int i, int k) {
    return categories[i][k];
  }

  /** People for whom barrier {@code j} has a status. */
  public long barrier(int j, BarrierStatus status) {
    return barriers[j][status.ordinal()];
  }

  /** The summary as lines for people, for standard error at the end of a run. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            "%,d row%s read: %,d screened, %,d could not be screened%s",
            rows(),
            rows() == 1 ? "" : "s",
            screened,
            errors,
            blank > 0
                ? String.format(" (%,d blank row%s skipped)", blank, blank == 1 ? "" : "s")
                : ""));
    if (errors > 0) {
      StringBuilder rowsInError = new StringBuilder("  rows in error: ");
      for (int i = 0; i < errorRows.size(); i++) {
        rowsInError.append(i == 0 ? "" : ", ").append(errorRows.get(i));
      }
      out.add(rowsInError.append(errors > errorRows.size() ? ", ..." : "").toString());
    }
    for (String stop : stops) {
      out.add("  reading stopped early, so the rows above are not all the input holds: " + stop);
    }
    if (screened == 0) {
      return out;
    }
    int width = rules.categories().stream().mapToInt(c -> c.id().length()).max().orElse(8);
    width =
        Math.max(width, rules.barriers().stream().mapToInt(b -> b.id().length()).max().orElse(8));
    out.add(
        String.format(
            "  %-" + width + "s %10s %10s %12s %12s",
            "category",
            "may fit",
            "lead",
            "unexplored",
            "does not fit"));
    for (int i = 0; i < categories.length; i++) {
      out.add(
          String.format(
              "  %-" + width + "s %,10d %,10d %,12d %,12d",
              rules.categories().get(i).id(),
              categories[i][0],
              categories[i][1],
              categories[i][2],
              categories[i][3]));
    }
    out.add(
        String.format(
            "  %-" + width + "s %10s %10s %12s %12s",
            "barrier",
            "active",
            "possible",
            "expired",
            "not triggered"));
    for (int j = 0; j < barriers.length; j++) {
      out.add(
          String.format(
              "  %-" + width + "s %,10d %,10d %,12d %,12d",
              rules.barriers().get(j).id(),
              barriers[j][0],
              barriers[j][1],
              barriers[j][2],
              barriers[j][3]));
    }
    if (comparison != null) {
      out.add("  compared with the earlier results " + comparison.name() + ":");
      for (Comparison.Count c : comparison.counts()) {
        if (c.shown()) {
          out.add(String.format("    %-58s %,10d", c.label(), c.value()));
        }
      }
    }
    return out;
  }
}
