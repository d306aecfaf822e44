package org.homeward.person;

import java.util.Arrays;
import org.homeward.facts.Shape;

/**
 * One record of a person's history (the person, an entry, a conviction...): a value per field of
 * its {@link Shape}, null where unknown. Values are String (words and text), {@link PartialDate},
 * Double, Boolean, an unmodifiable List (of scalars or of Rec) or a nested Rec. Immutable.
 */
public final class Rec {
  private final Shape shape;
  private final Object[] values;

  Rec(Shape shape, Object[] values) {
    this.shape = shape;
    this.values = values;
  }

  public Shape shape() {
    return shape;
  }

  /** The value at a field index, or null when unknown. */
  public Object get(int index) {
    return values[index];
  }

  /** The value of a named field, or null when unknown or not a field. */
  public Object get(String name) {
    int i = shape.indexOf(name);
    return i < 0 ? null : values[i];
  }

  /** A copy with one field changed, for tests and derived persons. */
  public Rec with(int index, Object value) {
    Object[] copy = values.clone();
    copy[index] = value;
    return new Rec(shape, copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rec r && r.shape == shape && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
