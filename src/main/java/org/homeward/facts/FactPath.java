package org.homeward.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a fact, parsed in one place and written in each of the notations the program speaks:
 * the catalogue's ({@code entries[].date}), a concrete one naming an item ({@code
 * entries[0].date}), and a spreadsheet column's ({@code entries.1.date}, items counted from 1).
 */
public record FactPath(List<Step> steps) {

  /**
   * One step down: a field and, for an item of a list, its index (0-based), or {@link #ANY} for
   * every item.
   */
  public record Step(String field, int index) {
    /** The index of a step that names a list without naming its item ({@code entries[]}). */
    public static final int ANY = -1;

    /** The index of a step that is not into a list. */
    public static final int NONE = -2;

    public boolean isItem() {
      return index != NONE;
    }
  }

  public FactPath {
    steps = List.copyOf(steps);
  }

  /** Parses a catalogue or concrete path: {@code convictions[].post_conviction[0].type}. */
  public static FactPath parse(String path) {
    List<Step> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String inside =
          bracket < 0 || !part.endsWith("]")
              ? null
              : part.substring(bracket + 1, part.length() - 1);
      if (inside == null || !inside.chars().allMatch(Character::isDigit) || inside.length() > 9) {
        // not an item step (a field name as someone typed it, say): the part is the name
        steps.add(new Step(part, Step.NONE));
      } else {
        steps.add(
            new Step(
                part.substring(0, bracket),
                inside.isEmpty() ? Step.ANY : Integer.parseInt(inside)));
      }
    }
    return new FactPath(steps);
  }

  /** The catalogue path: every item step written {@code []}. */
  public String catalogue() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      b.append(b.length() == 0 ? "" : ".").append(s.field()).append(s.isItem() ? "[]" : "");
    }
    return b.toString();
  }

  /** The concrete path: {@code entries[0].date} ({@code []} where no item is named). */
  public String concrete() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      b.append(b.length() == 0 ? "" : ".").append(s.field());
      if (s.isItem()) {
        b.append('[').append(s.index() == Step.ANY ? "" : Integer.toString(s.index())).append(']');
      }
    }
    return b.toString();
  }

  /**
   * The spreadsheet column: {@code entries.1.date}, items counted from 1 (the first where none is
   * named).
   */
  public String column() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      b.append(b.length() == 0 ? "" : ".").append(s.field());
      if (s.isItem()) {
        b.append('.').append(s.index() == Step.ANY ? 1 : s.index() + 1);
      }
    }
    return b.toString();
  }
}
