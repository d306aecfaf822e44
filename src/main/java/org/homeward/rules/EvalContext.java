package org.homeward.rules;

import java.time.LocalDate;
import java.util.ArrayList;
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
  final ArrayList<Missing> missing = new ArrayList<>();
  /** The concrete path of the current item per slot, built once per item (see {@link Scope#concrete}). */
  final String[] concrete = new String[32];
  final Scope[] concreteScope = new Scope[32];
  final Rec[] concreteItem = new Rec[32];
  private List<Read> reads;
  private long spent;
  Val birthCache;

  /** A fact read while tracing: its concrete path and the value found (null if unknown). */
  public record Read(String path, String value) {}

  public EvalContext(Rec root, LocalDate asOf) {
    this.root = root;
    this.asOf = asOf.toEpochDay();
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

  int mark() {
    return missing.size();
  }

  void truncate(int mark) {
    for (int i = missing.size() - 1; i >= mark; i--) {
      missing.remove(i);
    }
  }

  /** The missing facts collected since {@code mark}, without duplicates, in order. */
  List<Missing> missingSince(int mark) {
    if (mark == missing.size()) {
      return List.of();
    }
    List<Missing> out = new ArrayList<>();
    for (int i = mark; i < missing.size(); i++) {
      Missing m = missing.get(i);
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
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
