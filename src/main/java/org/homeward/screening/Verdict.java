package org.homeward.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.rules.Missing;

/**
 * The compact result one batch row needs: each category's outcome and lead flag and each barrier's
 * status, by id in rule-set order; the facts still missing (with the attorney-review points), each
 * the first for its place; and, for each, how many open results wait on it ({@code waits}: the
 * categories that need information and the possible barriers whose missing facts name it).
 */
public record Verdict(
    LocalDate asOf,
    List<CategoryOutcome> categories,
    List<BarrierFlag> barriers,
    List<MissingFact> missing,
    List<Integer> waits) {

  /**
   * A category's outcome, for {@code needs_info} whether it is a lead, and the day after the as-of
   * date from which time alone may open a path (or null).
   */
  public record CategoryOutcome(String id, Outcome outcome, boolean lead, LocalDate opensOn) {}

  /**
   * A barrier's status, the day it ends, and the day from which time alone may let an exception
   * apply (or null).
   */
  public record BarrierFlag(String id, BarrierStatus status, LocalDate endsOn, LocalDate opensOn) {}

  public Verdict {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
    missing = List.copyOf(missing); // a no-op for the immutable lists the screener builds
    waits = List.copyOf(waits);
    if (waits.size() != missing.size()) {
      throw new IllegalArgumentException("one count of waiting results per missing fact");
    }
  }

  /** A verdict without counts: every missing fact waited on by no open result. */
  public Verdict(
      LocalDate asOf,
      List<CategoryOutcome> categories,
      List<BarrierFlag> barriers,
      List<MissingFact> missing) {
    this(asOf, categories, barriers, missing, missing.stream().map(m -> 0).toList());
  }

  /** The outcome of a category, or null when the rule set has no such category. */
  public Outcome outcome(String id) {
    for (CategoryOutcome c : categories) {
      if (c.id().equals(id)) {
        return c.outcome();
      }
    }
    return null;
  }

  /** The status of a barrier, or null when the rule set has no such barrier. */
  public BarrierStatus status(String id) {
    for (BarrierFlag b : barriers) {
      if (b.id().equals(id)) {
        return b.status();
      }
    }
    return null;
  }

  /**
   * The questions that would settle the most open results, most first (ties in the order the facts
   * were met, which is report order): at most {@code n} facts that can be asked (no attorney-review
   * point, and each naming one place: {@code entries[0].date}, not {@code entries[].date}), none of
   * {@code skipped}. This is the interview's ranking.
   */
  public List<MissingFact> questions(int n, Set<String> skipped) {
    // the n first of a stable sort by waits, most first, kept as they come: no sort of them all
    int[] top = new int[Math.max(0, n)];
    int kept = 0;
    for (int i = 0; i < missing.size() && n > 0; i++) {
      MissingFact m = missing.get(i);
      int w = waits.get(i);
      if (m.kind() == Missing.Kind.REVIEW
          || w <= 0
          || kept == n && w <= waits.get(top[n - 1])
          || m.at().contains("[]")
          || !skipped.isEmpty() && skipped.contains(m.at())) {
        continue;
      }
      // below the last kept one with at least as many waiting (ties stay in order); the n-th
      // falls off when all n are kept
      int at = kept;
      while (at > 0 && waits.get(top[at - 1]) < w) {
        at--;
      }
      System.arraycopy(top, at, top, at + 1, Math.min(kept, n - 1) - at);
      top[at] = i;
      kept = Math.min(kept + 1, n);
    }
    List<MissingFact> out = new ArrayList<>(kept);
    for (int k = 0; k < kept; k++) {
      out.add(missing.get(top[k]));
    }
    return out;
  }

  /** How many open results wait on a missing fact of this verdict (0 when it is not among them). */
  public int waitsOn(MissingFact fact) {
    int i = missing.indexOf(fact);
    return i < 0 ? 0 : waits.get(i);
  }

  /**
   * The verdict a full screening implies: its outcomes, leads and barrier statuses, and the missing
   * facts of every category and then every barrier, the first for each concrete path ({@code at}),
   * each with the open results that name it.
   */
  public static Verdict of(Screening screening) {
    List<CategoryOutcome> categories = new ArrayList<>();
    List<BarrierFlag> barriers = new ArrayList<>();
    Map<String, MissingFact> missing = new LinkedHashMap<>();
    Map<String, Set<String>> waiting = new LinkedHashMap<>();
    for (CategoryResult c : screening.categories()) {
      categories.add(new CategoryOutcome(c.id(), c.outcome(), c.lead(), c.opensOn()));
      collect(c.id(), c.outcome() == Outcome.NEEDS_INFO, c.missing(), missing, waiting);
    }
    for (BarrierResult b : screening.barriers()) {
      barriers.add(new BarrierFlag(b.id(), b.status(), b.endsOn(), b.opensOn()));
      collect(b.id(), b.status() == BarrierStatus.POSSIBLE, b.missing(), missing, waiting);
    }
    List<Integer> waits = new ArrayList<>();
    missing.keySet().forEach(at -> waits.add(waiting.getOrDefault(at, Set.of()).size()));
    return new Verdict(
        screening.asOf(), categories, barriers, List.copyOf(missing.values()), waits);
  }

  private static void collect(
      String result,
      boolean open,
      List<MissingFact> facts,
      Map<String, MissingFact> missing,
      Map<String, Set<String>> waiting) {
    for (MissingFact m : facts) {
      missing.putIfAbsent(m.at(), m);
      if (open && m.kind() != Missing.Kind.REVIEW) {
        waiting.computeIfAbsent(m.at(), k -> new LinkedHashSet<>()).add(result);
      }
    }
  }
}
