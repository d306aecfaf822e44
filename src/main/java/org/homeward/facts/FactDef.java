package org.homeward.facts;

import java.util.List;
import java.util.Set;

/**
 * One fact of the catalogue. {@code itemType} is set for lists of scalars; {@code shape} is set for
 * records and lists of records and describes their fields; {@code implied} (or null) is the value
 * the dictionary gives the fact when it is left out of a record.
 */
public record FactDef(
    String path,
    String name,
    FactType type,
    FactType itemType,
    Set<String> values,
    String meaning,
    String question,
    List<String> aliases,
    List<String> usedBy,
    Shape shape,
    Implied implied) {

  /**
   * A value the dictionary gives a fact left out of a record whose {@code when} field is given ("a
   * dated event with no status means granted"): applied as the record is read.
   */
  public record Implied(String value, String when) {}

  public FactDef {
    values = values == null ? Set.of() : Set.copyOf(values);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    usedBy = usedBy == null ? List.of() : List.copyOf(usedBy);
  }

  /**
   * The type of the scalar values this fact holds: its own type, or its items' for scalar lists.
   */
  public FactType scalarType() {
    return type == FactType.LIST && itemType != null ? itemType : type;
  }

  public boolean isListOfRecords() {
    return type == FactType.LIST && itemType == null;
  }

  public boolean isScalarList() {
    return type == FactType.LIST && itemType != null;
  }

  /** The enum values in catalogue order, for messages and schemas. */
  public List<String> sortedValues() {
    return values.stream().sorted().toList();
  }
}
