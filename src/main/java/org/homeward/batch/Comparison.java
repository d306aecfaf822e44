package org.homeward.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;
import org.homeward.sheet.PlainSheet;

/**
 * Re-screening ({@code --compare}): the outcomes and barrier statuses of an earlier result sheet,
 * by id, and for each row of this run what changed since ({@code daca: needs_info -> may_fit};
 * {@code bar-9C-permanent: active -> expired}), with counts for the summary. A row is compared only
 * when its id is on exactly one row of the earlier results; otherwise it says why not (no id, not
 * there, there several times, not screened then) and is written like any other row: nothing is
 * dropped. The earlier results are held compactly (the ids' bytes and one byte per category and
 * barrier a row), so a million rows fit in a few tens of megabytes. Barrier statuses are compared
 * when the earlier sheet has their columns (sheets written before they were added have none).
 */
public final class Comparison {
  /** A row of this run with no id of its own: it cannot be matched. */
  public static final String NO_ID = "(no id: not compared)";

  /** A row whose id is not in the earlier results. */
  public static final String NEW = "(not in the earlier results)";

  /** A row whose id was in error in the earlier results. */
  public static final String UNSCREENED = "(not screened in the earlier results)";

  /**
   * Whether a {@code changed} text says why a row was not compared ({@link #NO_ID}, {@link #NEW},
   * {@link #UNSCREENED}, a duplicated id: each in parentheses) rather than what changed.
   */
  public static boolean notCompared(String changed) {
    return changed.startsWith("(");
  }

  /** A category that one of the two runs' rule sets does not have. */
  static final String ABSENT = "absent";

  /** The outcomes' words by code: 0 for absent, then {@link Outcome}'s in order. */
  private static final List<String> WORDS =
      codes(Arrays.stream(Outcome.values()).map(Outcome::word));

  /** The barrier statuses: code {@code k > 0} is {@code BY_CODE[k - 1]}. */
  private static final BarrierStatus[] BY_CODE = BarrierStatus.values();

  /** The barrier statuses' words by code: 0 for absent, then {@link BarrierStatus}'s in order. */
  private static final List<String> STATUSES =
      codes(Arrays.stream(BY_CODE).map(BarrierStatus::word));

  private static List<String> codes(Stream<String> words) {
    return Stream.concat(Stream.of(ABSENT), words).toList();
  }

  /**
   * One of the comparison's counts: its key ({@code changed}; the page's words are {@code
   * compare.changed}), what it counts in English, and whether it is shown {@code always} or only
   * when not 0.
   */
  public record Count(String key, String label, long value, boolean always) {
    public boolean shown() {
      return always || value > 0;
    }
  }

  private final String name;
  private final List<String> categories;

  /** The earlier sheet's barrier columns, in its order; empty when it has none. */
  private final List<String> barriers;

  private final IdIndex ids = new IdIndex();
  private byte[] outcomes = new byte[0];
  private byte[] statuses = new byte[0];
  private int[] rows = new int[0];
  private long earlierRows;
  private final BitSet seen = new BitSet();
  private final BitSet notScreened = new BitSet();
  private int[] byCurrent;
  private List<String> currentIds;
  private int[] byCurrentBarrier;
  private List<String> currentBarriers;
  private long changed;
  private long newlyMayFit;
  private long lifted;
  private long notFound;
  private long duplicated;
  private long noId;
  private long unscreened;

  private Comparison(String name, List<String> categories, List<String> barriers) {
    this.name = name;
    this.categories = categories;
    this.barriers = barriers;
  }

  /**
   * Reads an earlier result sheet ({@code .csv}, or the Results sheets of an {@code .xlsx}): a
   * usage error when the name says another format, an input error when it is missing, unreadable or
   * not a Homeward result sheet.
   */
  public static Comparison load(Path file, Consumer<Diagnostic> warnings) throws IOException {
    String name = file.toString();
    Format format = Format.ofInput(name);
    if (format != Format.CSV && format != Format.XLSX) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(name),
              "is not a result sheet; --compare takes the .csv or .xlsx results of an earlier 'homeward screen' run"));
    }
    if (!Files.isRegularFile(file)) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(name),
              Files.isDirectory(file)
                  ? "is a directory; give the earlier result sheet"
                  : "no such file; check the path"));
    }
    if (format == Format.XLSX) {
      try (PlainSheet sheet = PlainSheet.xlsx(file.toFile(), name, "Results")) {
        return read(sheet, name);
      }
    }
    try (InputStream in = Files.newInputStream(file);
        PlainSheet sheet = PlainSheet.csv(in, name, warnings)) {
      return read(sheet, name);
    }
  }

  private static Comparison read(PlainSheet sheet, String name) throws IOException {
    List<String> header = sheet.header();
    int leads = header.indexOf("leads");
    int error = header.indexOf("error");
    if (header.size() < 4
        || !header.get(0).equals("row")
        || !header.get(1).equals("id")
        || leads < 2
        || error < leads) {
      throw problem(
          Location.of(name),
          "is not a Homeward result sheet: its header must start with row and id, then "
              + "one column per category, leads, ... and error, as 'homeward screen --format csv' (or xlsx) writes it; "
              + "give the results of an earlier run, not the intake sheet");
    }
    // A barrier's column stands between attorney_review and opens_on; sheets of earlier versions
    // listed the barriers in two columns (active_barriers, possible_barriers) instead, which do
    // not tell an expired barrier from one not triggered: their barriers are not compared.
    int review = header.indexOf("attorney_review");
    int opens = header.indexOf("opens_on");
    List<String> barriers =
        review > leads && opens > review
            ? List.copyOf(header.subList(review + 1, opens))
            : List.of();
    if (barriers.contains("active_barriers") || barriers.contains("possible_barriers")) {
      barriers = List.of();
    }
    Comparison c = new Comparison(name, List.copyOf(header.subList(2, leads)), barriers);
    int n = c.categories.size();
    int nb = barriers.size();
    byte[] outcome = new byte[n];
    byte[] status = new byte[nb];
    for (PlainSheet.Row row = sheet.next(); row != null; row = sheet.next()) {
      c.earlierRows++;
      String id = row.cell(1).strip();
      boolean screened = false;
      for (int k = 0; k < n; k++) {
        String word = row.cell(2 + k).strip();
        int code = word.isEmpty() ? 0 : WORDS.indexOf(word.toLowerCase(Locale.ROOT));
        if (code <= 0 && !word.isEmpty()) {
          throw problem(
              Location.cell(name, row.number(), c.categories.get(k)),
              "is not an outcome (may_fit, "
                  + "needs_info or does_not_fit); is this a result sheet, as an earlier 'homeward screen' wrote it?");
        }
        outcome[k] = (byte) code;
        screened |= code > 0;
      }
      for (int k = 0; k < nb; k++) {
        String word = row.cell(review + 1 + k).strip();
        int code = word.isEmpty() ? 0 : STATUSES.indexOf(word.toLowerCase(Locale.ROOT));
        if (code <= 0 && !word.isEmpty()) {
          throw problem(
              Location.cell(name, row.number(), barriers.get(k)),
              "is not a barrier status (active, possible, expired or not_triggered); is this a "
                  + "result sheet, as an earlier 'homeward screen' wrote it?");
        }
        status[k] = (byte) code;
      }
      String at = row.cell(0).strip();
      if (id.isEmpty()
          || id.equals("row " + at)
          || id.equals("line " + at)
          || id.equals("item " + at)) {
        continue; // no id of its own (the sheet shows where the row is instead): nothing to match
        // it with
      }
      int before = c.ids.size();
      int i = c.ids.add(id);
      if (i == before) {
        c.grow(i + 1);
        System.arraycopy(outcome, 0, c.outcomes, i * n, n);
        System.arraycopy(status, 0, c.statuses, i * nb, nb);
        if (!screened) {
          c.notScreened.set(i);
        }
      }
      c.rows[i] = c.rows[i] == Integer.MAX_VALUE ? Integer.MAX_VALUE : c.rows[i] + 1;
    }
    return c;
  }

  private void grow(int size) {
    int n = categories.size();
    if (size > rows.length) {
      int capacity = Math.max(1024, rows.length + (rows.length >> 1));
      rows = Arrays.copyOf(rows, capacity);
      outcomes = Arrays.copyOf(outcomes, capacity * n);
      statuses = Arrays.copyOf(statuses, capacity * barriers.size());
    }
  }

  private static ProblemException problem(Location where, String message) {
    return new ProblemException(ProblemException.Kind.INPUT, Diagnostic.error(where, message));
  }

  /** The earlier results' file name. */
  public String name() {
    return name;
  }

  /**
   * This result with what changed since the earlier results. Called for each row, in order, on one
   * thread.
   */
  Result apply(Result r) {
    if (!r.ok()) {
      String typed = r.row().id();
      int i = typed == null || typed.isBlank() ? -1 : ids.find(Sink.neutralise(typed).strip());
      if (i >= 0) {
        seen.set(i); // in this run, though in error: its error column says why
      }
      return r.withChanged("");
    }
    String id = r.row().person().id();
    if (id.equals(r.row().label())) {
      noId++;
      return r.withChanged(NO_ID);
    }
    int i = ids.find(Sink.neutralise(id).strip());
    if (i < 0) {
      notFound++;
      return r.withChanged(NEW);
    }
    seen.set(i);
    if (rows[i] > 1) {
      duplicated++;
      return r.withChanged("(id on " + rows[i] + " rows of the earlier results: not compared)");
    }
    if (notScreened.get(i)) {
      unscreened++;
      return r.withChanged(UNSCREENED);
    }
    String text = differences(r.verdict(), i);
    if (!text.isEmpty()) {
      changed++;
      if (text.contains("-> may_fit")) {
        newlyMayFit++;
      }
    }
    return r.withChanged(text);
  }

  /**
   * Each category whose outcome differs, in this run's order, then the earlier run's categories
   * this one lacks; then the same for the barriers, when the earlier sheet has their columns.
   */
  private String differences(Verdict v, int i) {
    if (byCurrent == null) {
      currentIds = v.categories().stream().map(Verdict.CategoryOutcome::id).toList();
      byCurrent = currentIds.stream().mapToInt(categories::indexOf).toArray();
    }
    int n = categories.size();
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < byCurrent.length; k++) {
      Outcome now = v.categories().get(k).outcome();
      String before = byCurrent[k] < 0 ? ABSENT : WORDS.get(outcomes[i * n + byCurrent[k]]);
      if (!before.equals(now.word())) {
        change(b, currentIds.get(k), before, now.word());
      }
    }
    for (int k = 0; k < n; k++) {
      if (!currentIds.contains(categories.get(k)) && outcomes[i * n + k] > 0) {
        change(b, categories.get(k), WORDS.get(outcomes[i * n + k]), ABSENT);
      }
    }
    if (!barriers.isEmpty() && barrierDifferences(v, i, b)) {
      lifted++;
    }
    return b.toString();
  }

  /** Adds one change to the text: {@code id: before -> now}, after a {@code ; } when not first. */
  private static void change(StringBuilder b, String id, String before, String now) {
    b.append(b.length() == 0 ? "" : "; ")
        .append(id)
        .append(": ")
        .append(before)
        .append(" -> ")
        .append(now);
  }

  /**
   * Adds each barrier whose status differs, then the earlier run's barriers this one lacks. Returns
   * whether a barrier that stood (active) or may have (possible) in the earlier results no longer
   * does: it has expired, or is not triggered, under this run's facts and rules.
   */
  private boolean barrierDifferences(Verdict v, int i, StringBuilder b) {
    if (byCurrentBarrier == null) {
      currentBarriers = v.barriers().stream().map(Verdict.BarrierFlag::id).toList();
      byCurrentBarrier = currentBarriers.stream().mapToInt(barriers::indexOf).toArray();
    }
    int nb = barriers.size();
    boolean anyLifted = false;
    for (int k = 0; k < byCurrentBarrier.length; k++) {
      BarrierStatus now = v.barriers().get(k).status();
      int before = byCurrentBarrier[k] < 0 ? 0 : statuses[i * nb + byCurrentBarrier[k]];
      if (!STATUSES.get(before).equals(now.word())) {
        change(b, currentBarriers.get(k), STATUSES.get(before), now.word());
        anyLifted |= before > 0 && stands(BY_CODE[before - 1]) && !stands(now);
      }
    }
    for (int k = 0; k < nb; k++) {
      if (!currentBarriers.contains(barriers.get(k)) && statuses[i * nb + k] > 0) {
        change(b, barriers.get(k), STATUSES.get(statuses[i * nb + k]), ABSENT);
      }
    }
    return anyLifted;
  }

  /** Whether a barrier with this status stands in a person's way: it is active, or may be. */
  private static boolean stands(BarrierStatus s) {
    return s == BarrierStatus.ACTIVE || s == BarrierStatus.POSSIBLE;
  }

  /** The counts, in the order the summaries show them. */
  public List<Count> counts() {
    List<Count> out = new ArrayList<>();
    out.add(new Count("earlier_rows", "rows of the earlier results", earlierRows, true));
    out.add(new Count("changed", "rows whose outcome or barrier status changed", changed, true));
    out.add(new Count("newly_may_fit", "rows that newly may fit a category", newlyMayFit, true));
    out.add(
        new Count(
            "barrier_lifted",
            "rows where a barrier active or possible before no longer stands",
            lifted,
            false));
    out.add(new Count("not_found", "rows not in the earlier results", notFound, false));
    out.add(
        new Count(
            "duplicated",
            "rows whose id is on several earlier rows (not compared)",
            duplicated,
            false));
    out.add(new Count("no_id", "rows without an id (not compared)", noId, false));
    out.add(new Count("unscreened", "rows not screened in the earlier results", unscreened, false));
    out.add(
        new Count(
            "gone",
            "ids of the earlier results not in this run",
            ids.size() - seen.cardinality(),
            false));
    return out;
  }

  /** How many rows changed outcome or a barrier's status. */
  public long changed() {
    return changed;
  }
}
