package org.homeward.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.homeward.person.Rec;

/**
 * The state of evaluating rules for one person: the facts, the as-of date, the list items bound by
 * {@code exists}/{@code every}/{@code count}, and the missing facts collected so far. One per
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

  /** Per place named ahead: where a missing fact at it was last noted (see {@link #frame}). */
  private int[] lastNoted;

  private int frame;

  /** The results links have read, by slot: each is worked out once per person. */
  private Memo[] memo;

  private boolean[] working;

  /** A fact read while tracing: its concrete path and the value found (null if unknown). */
  public record Read(String path, String value) {}

  public EvalContext(Rec root, LocalDate asOf) {
    this.root = root;
    this.asOf = asOf.toEpochDay();
  }

  /**
   * Lets conditions read other rules' results ({@link Link}), worked out by the linker once each.
   */
  public EvalContext linking(Linker linker, int slots, int places, int memos) {
    this.linker = linker;
    this.memo = new Memo[slots];
    this.working = new boolean[slots];
    this.lastNoted = new int[places];
    this.kept = new Object[memos];
    return this;
  }

  /**
   * The results of definitions worked out so far (see {@link #memoized}); null when none are kept.
   */
  private Object[] kept;

  /** A definition's value as first worked out, and the missing facts it noted. */
  private record KeptValue(Val value, Gap[] gaps) {}

  /** A definition's unknown truth as first worked out, and the missing facts that kept it open. */
  private record KeptTruth(Truth truth, Gap[] gaps) {}

  /**
   * Where to keep a definition's result for the current person (and item, at {@code depth}), or -1
   * when it is not kept: no place for it, an item beyond the first few, or a trace being recorded.
   */
  int memoKey(int memo, int depth) {
    if (memo < 0 || kept == null || reads != null) {
      return -1;
    }
    if (depth < 0) {
      return memo;
    }
    int item = indexes[depth];
    return item < ConditionCompiler.MEMO_ITEMS ? memo + item : -1;
  }

  /** A definition's truth, worked out once: later uses note the same missing facts again. */
  Truth memoized(int key, Condition c) {
    Object k = kept[key];
    if (k == null) {
      int mark = gapCount;
      int outer = frame(mark);
      Truth t = Conditions.run(c, this);
      frame(outer);
      kept[key] =
          t == Truth.UNKNOWN ? new KeptTruth(t, Arrays.copyOfRange(gaps, mark, gapCount)) : t;
      return t;
    }
    if (k instanceof Truth t) {
      return t;
    }
    KeptTruth m = (KeptTruth) k;
    replay(m.gaps());
    return m.truth();
  }

  /** A definition's value, worked out once, with the missing facts it noted. */
  Val memoized(int key, Operand o) {
    Object k = kept[key];
    if (k == null) {
      int mark = gapCount;
      int outer = frame(mark);
      Val v = Operands.run(o, this);
      frame(outer);
      kept[key] =
          new KeptValue(v, mark == gapCount ? NO_GAPS : Arrays.copyOfRange(gaps, mark, gapCount));
      return v;
    }
    KeptValue kv = (KeptValue) k;
    replay(kv.gaps());
    return kv.value();
  }

  private static final Gap[] NO_GAPS = new Gap[0];

  private void replay(Gap[] noted) {
    for (int i = 0; i < noted.length; i++) {
      note(noted[i]);
    }
  }

  /**
   * Starts a frame at {@code mark}: until the previous frame is restored, a missing fact already
   * noted at the same place since the frame began is not noted again. Returns the previous frame.
   * Whatever reads missing facts from a mark (a criterion's list, a linked result, a date) starts
   * its frame there, so its list is whole; a verdict, which reads whole categories, frames them.
   */
  public int frame(int mark) {
    int previous = frame;
    frame = mark;
    return previous;
  }

  /**
   * A linked result as first worked out: its truth, the missing facts it left (what kept it open;
   * for a category that may fit, its disqualifiers' open facts), whether it was a lead, and how
   * many of the facts come from a category's disqualifiers.
   */
  private record Memo(Truth truth, Gap[] gaps, boolean lead, int split) {}

  /** The truth of a linked result, noting what kept it open when unknown. */
  Truth linked(Link link) {
    if (linker == null) {
      throw new IllegalStateException(
          "rule '" + link.target() + "' is linked, but no linker was given");
    }
    Memo m = memo[link.slot];
    if (m == null) {
      if (working[link.slot]) {
        throw new IllegalStateException("the link to '" + link.target() + "' depends on itself");
      }
      working[link.slot] = true;
      int mark = gapCount;
      int outer = frame(mark);
      Truth t = linker.evaluate(link, this);
      frame(outer);
      working[link.slot] = false;
      m =
          new Memo(
              t,
              mark == gapCount ? NO_GAPS : Arrays.copyOfRange(gaps, mark, gapCount),
              linker.lead(),
              linker.split());
      truncate(mark);
      memo[link.slot] = m;
    }
    if (m.truth() == Truth.UNKNOWN) {
      replay(m.gaps());
    }
    return m.truth();
  }

  /** Whether the result at a link slot has been worked out for this person. */
  public boolean known(int slot) {
    return slot >= 0 && memo != null && memo[slot] != null;
  }

  /**
   * Puts back the result at a link slot as the walk that first worked it out left it: its missing
   * facts noted exactly as they were. Returns its truth.
   */
  public Truth restore(int slot) {
    Gap[] kept = memo[slot].gaps();
    if (gapCount + kept.length > gaps.length) {
      gaps = Arrays.copyOf(gaps, Math.max(gaps.length * 2, gapCount + kept.length));
    }
    System.arraycopy(kept, 0, gaps, gapCount, kept.length);
    gapCount += kept.length;
    return memo[slot].truth();
  }

  /** Whether the result at a link slot was a lead. */
  public boolean lead(int slot) {
    return memo[slot].lead();
  }

  /** How many of the result's missing facts at a link slot come from a category's disqualifiers. */
  public int split(int slot) {
    return memo[slot].split();
  }

  /**
   * Keeps a result the walk has just worked out (its missing facts noted from {@code from}), for
   * the links that read it; a result already kept stays.
   */
  public void keep(int slot, Truth t, int from, boolean lead, int split) {
    if (slot >= 0 && memo != null && memo[slot] == null) {
      memo[slot] =
          new Memo(
              t,
              from == gapCount ? NO_GAPS : Arrays.copyOfRange(gaps, from, gapCount),
              lead,
              split);
    }
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
      return list.isEmpty() || !(list.get(0) instanceof Rec)
          ? list.toString()
          : list.size() + " item(s)";
    }
    return value instanceof Rec ? "(a record)" : value.toString();
  }

  /** Notes a missing fact. */
  void note(Gap gap) {
    int place = lastNoted == null ? -1 : gap.place();
    if (place >= 0) {
      int at = lastNoted[place];
      if (at >= frame && at < gapCount && gaps[at].place() == place) {
        return; // the same place is noted already in this frame, and a later truncation drops both
      }
      lastNoted[place] = gapCount;
    }
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
      super(
          "the rules visited more than "
              + BUDGET
              + " list items for one person; the rule set is too costly");
    }
  }
}
