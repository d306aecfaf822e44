package org.homeward.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.homeward.person.Rec;

/**
 * The state of evaluating rules for one person: the facts, the as-of date, the list items bound
 * by {@code exists}/{@code every}/{@code count}, and the missing facts collected so far. One per
 * person and thread; never shared.
 */
public final class EvalContext {
  /** Most list items the conditions of one person may visit: bounds the cost of any rule file. */
  static final long BUDGET = 5_000_000;

  final Rec root;
  final double asOf;
  final Rec[] items = new Rec[32];
  final int[] indexes = new int[32];
  /** The missing facts noted so far, oldest first: {@code gaps[0..gapCount)}. */
  private Gap[] gaps = new Gap[128];
  private int gapCount;
  private List<Read> reads;
  private long spent;
  Val birthCache;
  private Linker linker;
  /** The results links have read, by slot: each is worked out once per person. */
  private Memo[] memo;
  private boolean[] working;

  /** A fact read while tracing: its concrete path and the value found (null if unknown). */
  public record Read(String path, String value) {}

  public EvalContext(Rec root, LocalDate asOf) {
    this.root = root;
    this.asOf = asOf.toEpochDay();
  }

  /** Lets conditions read other rules' results ({@link Link}), worked out by the linker once each. */
  public EvalContext linking(Linker linker, int slots) {
    this.linker = linker;
    this.memo = new Memo[slots];
    this.working = new boolean[slots];
    return this;
  }

  /** A linked result as first worked out: its truth and, when unknown, what kept it open. */
  private record Memo(Truth truth, Gap[] gaps) {}

  /** The truth of a linked result, noting what kept it open when unknown. */
  Truth linked(Link link) {
    if (linker == null) {
      throw new IllegalStateException("rule '" + link.target() + "' is linked, but no linker was given");
    }
    Memo m = memo[link.slot];
    if (m == null) {
      if (working[link.slot]) {
        throw new IllegalStateException("the link to '" + link.target() + "' depends on itself");
      }
      working[link.slot] = true;
      int mark = gapCount;
      Truth t = linker.evaluate(link, this);
      working[link.slot] = false;
      m = new Memo(t, t == Truth.UNKNOWN ? Arrays.copyOfRange(gaps, mark, gapCount) : new Gap[0]);
      truncate(mark);
      memo[link.slot] = m;
    }
    Gap[] replay = m.gaps();
    if (replay.length > 0) {
      if (gapCount + replay.length > gaps.length) {
        gaps = Arrays.copyOf(gaps, Math.max(gaps.length * 2, gapCount + replay.length));
      }
      System.arraycopy(replay, 0, gaps, gapCount, replay.length);
      gapCount += replay.length;
    }
    return m.truth();
  }

  /** Notes a missing fact whose description is already known (an end date's, say). */
  public void note(Missing missing) {
    note(new Gap(missing));
  }

  /** Starts recording every fact read, for {@code --explain}. */
  public EvalContext tracing() {
    reads = new ArrayList<>();
    return this;
  }

  /** The facts read since the last call, and forgets them. */
  public List<Read> takeReads() {
    if (reads == null) {
      return List.of();
    }
    List<Read> out = List.copyOf(reads);
    reads.clear();
    return out;
  }

  boolean isTracing() {
    return reads != null;
  }

  void read(String path, Object value) {
    if (reads != null) {
      reads.add(new Read(path, describe(value)));
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() || !(list.get(0) instanceof Rec) ? list.toString() : list.size() + " item(s)";
    }
    return value instanceof Rec ? "(a record)" : value.toString();
  }

  /** Notes a missing fact. */
  void note(Gap gap) {
    if (gapCount == gaps.length) {
      gaps = Arrays.copyOf(gaps, gapCount * 2);
    }
    gaps[gapCount++] = gap;
  }

  /** How many missing facts have been noted so far: a mark to read from or truncate back to. */
  public int mark() {
    return gapCount;
  }

  /**
   * Forgets the missing facts noted since {@code mark}. The slots are left as they are (the next
   * notes overwrite them): the context lives for one person, so nothing is kept alive for long.
   */
  public void truncate(int mark) {
    if (mark < gapCount) {
      gapCount = mark;
    }
  }

  /** The missing fact noted at a position below {@link #mark()}, with its concrete path. */
  public Missing missing(int position) {
    if (position >= gapCount) {
      throw new IndexOutOfBoundsException(position);
    }
    return gaps[position].missing();
  }

  /** The missing facts noted since {@code mark}, without duplicates, in order. */
  public List<Missing> missingSince(int mark) {
    if (mark == gapCount) {
      return List.of();
    }
    List<Missing> out = new ArrayList<>(gapCount - mark);
    for (int i = mark; i < gapCount; i++) {
      Missing m = gaps[i].missing();
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return List.copyOf(out);
  }

  void spend() {
    if (++spent > BUDGET) {
      throw new EvaluationLimitException();
    }
  }

  /** Thrown when a rule set would visit more list items than {@link #BUDGET} for one person. */
  public static final class EvaluationLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationLimitException() {
      super("the rules visited more than " + BUDGET + " list items for one person; the rule set is too costly");
    }
  }
}
