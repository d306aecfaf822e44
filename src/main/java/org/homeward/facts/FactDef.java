package org.homeward.facts;

import java.util.List;
import java.util.Set;

/**
 * One fact of the catalogue. {@code itemType} is set for lists of scalars; {@code shape} is set for
 * records and lists of records and describes their fields.
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
    Shape shape) {

  public FactDef {
    values = values == null ? Set.of() : Set.copyOf(values);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    usedBy = usedBy == null ? List.of() : List.copyOf(usedBy);
  }

  /** The type of the scalar values this fact holds: its own type, or its items' for scalar lists. */
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
