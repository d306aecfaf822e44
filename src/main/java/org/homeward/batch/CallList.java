package org.homeward.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;

/**
 * Whom to call first: the screened rows, those that may fit somewhere first, then those with a
 * lead, then by how many open results the answer to the row's first question would settle; ties in
 * input order. Rows in error are not listed (they are in the results, with their reasons). Only a
 * compact summary of each row is kept (its number, id, which categories may fit or are leads, its
 * first question, how many results wait on it and what changed) in primitive arrays, about 44 bytes
 * and the id's length a row, never a verdict; a list limited to the first {@code n} keeps only
 * about twice that many.
 */
public final class CallList implements Iterable<CallList.Entry> {
  /**
   * A row of the call list: where it stands ({@code may_fit} somewhere, else a {@code lead}, else
   * {@code open} with questions left, else {@code settled}: nothing may fit and nothing is left to
   * ask), the categories that may fit and those that are leads, the first question (null when
   * nothing is left to ask), how many open results wait on its answer, and (with {@code --compare})
   * what changed since the earlier results: null when nothing did or nothing was compared.
   */
  public record Entry(
      long row,
      String id,
      String standing,
      List<String> mayFit,
      List<String> leads,
      MissingFact question,
      int waits,
      String changed) {}

  private static final List<String> STANDINGS = List.of("may_fit", "lead", "open");

  /**
   * Categories past this one count for the order but are not named in an entry (two 32-bit masks a
   * row).
   */
  private static final int NAMED = 32;

  private static final int INDEX_BITS = 40;
  private static final int WAIT_BITS = 20;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final long WAIT_MAX = (1L << WAIT_BITS) - 1;

  private List<String> categories = List.of();
  private final long limit;
  private final List<MissingFact> questions = new ArrayList<>();
  private final Map<MissingFact, Integer> questionIndex = new HashMap<>();

  /** The distinct texts of what changed (few: combinations of categories), each kept once. */
  private final List<String> changes = new ArrayList<>();

  private final Map<String, Integer> changeIndex = new HashMap<>();
  private long[] keys = new long[1024];
  private long[] rows = new long[1024];
  private long[] flags = new long[1024];
  private int[] asked = new int[1024];
  private int[] changedAt = new int[1024];
  private int[] idEnds = new int[1024];
  private byte[] ids = new byte[16 * 1024];
  private int size;
  private int idBytes;

  private CallList(long limit) {
    this.limit = limit;
  }

  /** Every screened row, in call order (for a workbook's Call list sheet). */
  public static CallList all() {
    return new CallList(Long.MAX_VALUE);
  }

  /** The first {@code n} rows in call order (for a page). */
  public static CallList top(int n) {
    return new CallList(n);
  }

  /**
   * Counts a result in (a row in error is left out). Not thread-safe: rows are added on the writing
   * thread.
   */
  public void add(Result r) {
    if (!r.ok()) {
      return;
    }
    Verdict v = r.verdict();
    if (categories.isEmpty()) {
      categories = v.categories().stream().map(Verdict.CategoryOutcome::id).toList();
    }
    long mayFit = 0;
    long leads = 0;
    int standing = 2;
    for (int i = 0; i < v.categories().size(); i++) {
      Verdict.CategoryOutcome c = v.categories().get(i);
      long bit = i < NAMED ? 1L << i : 0;
      if (c.outcome() == Outcome.MAY_FIT) {
        mayFit |= bit;
        standing = 0;
      } else if (c.outcome() == Outcome.NEEDS_INFO && c.lead()) {
        leads |= bit;
        standing = Math.min(standing, 1);
      }
    }
    List<MissingFact> first = v.questions(1, Set.of());
    MissingFact question = first.isEmpty() ? null : first.get(0);
    int waits = question == null ? 0 : v.waitsOn(question);
    grow();
    keys[size] =
        (long) standing << (INDEX_BITS + WAIT_BITS)
            | (WAIT_MAX - Math.min(waits, WAIT_MAX)) << INDEX_BITS
            | size;
    rows[size] = r.row().number();
    flags[size] = (mayFit & 0xFFFFFFFFL) | leads << NAMED;
    asked[size] =
        question == null
            ? -1
            : questionIndex.computeIfAbsent(
                question,
                q -> {
                  questions.add(q);
                  return questions.size() - 1;
                });
    String changed = r.changed();
    changedAt[size] =
        changed == null || changed.isEmpty()
            ? -1
            : changeIndex.computeIfAbsent(
                changed,
                c -> {
                  changes.add(c);
                  return changes.size() - 1;
                });
    byte[] id = r.row().person().id().getBytes(StandardCharsets.UTF_8);
    if (idBytes + id.length > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(ids.length + (ids.length >> 1), idBytes + id.length));
    }
    System.arraycopy(id, 0, ids, idBytes, id.length);
    idBytes += id.length;
    idEnds[size] = idBytes;
    size++;
    if (limit < Long.MAX_VALUE && size >= 2 * limit + 1024) {
      keep((int) limit);
    }
  }

  /** How many rows the list holds. */
  public long size() {
    return Math.min(size, limit);
  }

  /** The rows in call order. */
  @Override
  public Iterator<Entry> iterator() {
    long[] order = Arrays.copyOf(keys, size);
    Arrays.sort(order);
    int n = (int) size();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Entry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return entry(order[next++]);
      }
    };
  }

  private Entry entry(long key) {
    int i = (int) (key & INDEX_MASK);
    int waits = (int) (WAIT_MAX - (key >>> INDEX_BITS & WAIT_MAX));
    String standing = STANDINGS.get((int) (key >>> (INDEX_BITS + WAIT_BITS)));
    if (asked[i] < 0 && standing.equals("open")) {
      standing = "settled";
    }
    int start = i == 0 ? 0 : idEnds[i - 1];
    String id = new String(ids, start, idEnds[i] - start, StandardCharsets.UTF_8);
    long f = flags[i];
    return new Entry(
        rows[i],
        id,
        standing,
        named(f & 0xFFFFFFFFL),
        named(f >>> NAMED),
        asked[i] < 0 ? null : questions.get(asked[i]),
        waits,
        changedAt[i] < 0 ? null : changes.get(changedAt[i]));
  }

  private List<String> named(long mask) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(NAMED, categories.size()); i++) {
      if ((mask & 1L << i) != 0) {
        out.add(categories.get(i));
      }
    }
    return out;
  }

  private void grow() {
    if (size < keys.length) {
      return;
    }
    int n = keys.length + (keys.length >> 1);
    keys = Arrays.copyOf(keys, n);
    rows = Arrays.copyOf(rows, n);
    flags = Arrays.copyOf(flags, n);
    asked = Arrays.copyOf(asked, n);
    changedAt = Arrays.copyOf(changedAt, n);
    idEnds = Arrays.copyOf(idEnds, n);
  }

  /** Keeps only the first {@code n} rows in call order, in input order as before. */
  private void keep(int n) {
    long[] order = Arrays.copyOf(keys, size);
    Arrays.sort(order);
    int[] kept = new int[n];
    for (int k = 0; k < n; k++) {
      kept[k] = (int) (order[k] & INDEX_MASK);
    }
    Arrays.sort(kept);
    byte[] newIds = new byte[ids.length];
    int[] starts = new int[n];
    for (int k = 0; k < n; k++) {
      starts[k] = kept[k] == 0 ? 0 : idEnds[kept[k] - 1];
    }
    int bytes = 0;
    for (int k = 0; k < n; k++) {
      int i = kept[k];
      int length = idEnds[i] - starts[k];
      System.arraycopy(ids, starts[k], newIds, bytes, length);
      bytes += length;
      keys[k] = keys[i] & ~INDEX_MASK | k;
      rows[k] = rows[i];
      flags[k] = flags[i];
      asked[k] = asked[i];
      changedAt[k] = changedAt[i];
      idEnds[k] = bytes;
    }
    ids = newIds;
    idBytes = bytes;
    size = n;
  }
}
