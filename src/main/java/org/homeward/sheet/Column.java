package org.homeward.sheet;

import java.util.List;
import org.homeward.facts.FactDef;

/**
 * One spreadsheet column resolved against the fact catalogue: its canonical name ({@code
 * convictions.2.statute}), the steps from the person to the fact, and the fact.
 *
 * <p>A {@link Kind#VALUE} column holds the fact's value (a scalar list holds its items separated by
 * {@code ;}). A {@link Kind#NONE} column is named after a list of records ({@code convictions}) and
 * says how many there are: {@code none} is "known: none" — distinct from leaving the list's columns
 * blank, which is unknown.
 */
public record Column(String name, List<Step> steps, FactDef fact, Kind kind) {

  public Column {
    steps = List.copyOf(steps);
  }

  /** What a column's cells say. */
  public enum Kind {
    VALUE,
    NONE
  }

  /** One step down from the person: a field, and for a list of records the 1-based item number. */
  public record Step(String field, int item) {
    boolean isItem() {
      return item > 0;
    }
  }

  /** The catalogue path of the fact ({@code convictions[].statute}). */
  public String factPath() {
    return fact.path();
  }
}
