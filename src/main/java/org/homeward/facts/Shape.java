package org.homeward.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one kind of record (the person, an entry, a conviction...) with a fixed index for
 * each, so that values are stored in arrays and rule paths resolve to indexes when rules load.
 */
public final class Shape {
  private final String path;
  private final List<FactDef> fields = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  Shape(String path) {
    this.path = path;
  }

  void add(FactDef def) {
    index.put(def.name(), fields.size());
    fields.add(def);
  }

  /**
   * The catalogue path of the record kind ({@code ""} for the person, {@code convictions[]}...).
   */
  public String path() {
    return path;
  }

  public List<FactDef> fields() {
    return Collections.unmodifiableList(fields);
  }

  public int size() {
    return fields.size();
  }

  /** The index of a field, or -1. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  public FactDef field(int i) {
    return fields.get(i);
  }
}
