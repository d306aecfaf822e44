package org.homeward.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Derives the JSON Schema (draft 2020-12) of the person file from the fact catalogue. */
public final class JsonSchema {
  static final String PARTIAL_DATE = "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonSchema() {}

  /** The schema as pretty-printed JSON. */
  public static String of(FactCatalogue catalogue) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://homeward.invalid/schema/person/" + catalogue.version());
    root.put("title", "Homeward person file");
    root.put(
        "description",
        "One person's history. A missing field or null is unknown; [] is \"known: none\"; "
            + "dates may be partial (YYYY, YYYY-MM, YYYY-MM-DD).");
    object(root, catalogue.root());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void object(ObjectNode node, Shape shape) {
    node.put("type", "object");
    ObjectNode props = node.putObject("properties");
    for (FactDef f : shape.fields()) {
      ObjectNode p = props.putObject(f.name());
      if (f.meaning() != null) {
        p.put("description", f.meaning());
      }
      switch (f.type()) {
        case LIST -> {
          types(p, "array");
          ObjectNode items = p.putObject("items");
          if (f.isListOfRecords()) {
            object(items, f.shape());
          } else {
            scalar(items, f, f.itemType(), false);
          }
        }
        case RECORD -> {
          ObjectNode inner = MAPPER.createObjectNode();
          object(inner, f.shape());
          p.setAll(inner);
          p.putArray("type").add("object").add("null");
        }
        default -> scalar(p, f, f.type(), true);
      }
    }
    node.put("additionalProperties", false);
  }

  private static void scalar(ObjectNode p, FactDef f, FactType type, boolean nullable) {
    switch (type) {
      case DATE -> {
        types(p, nullable ? "string,null" : "string");
        p.put("pattern", PARTIAL_DATE);
      }
      case NUMBER -> {
        types(p, nullable ? "number,null" : "number");
        p.put("minimum", 0);
      }
      case BOOLEAN -> types(p, nullable ? "boolean,null" : "boolean");
      case ENUM -> {
        ArrayNode values = p.putArray("enum");
        f.sortedValues().forEach(values::add);
        if (nullable) {
          values.addNull();
        }
      }
      case COUNTRY, STATE -> {
        types(p, nullable ? "string,null" : "string");
        p.put("pattern", "^[A-Z]{2}$");
      }
      default -> types(p, nullable ? "string,null" : "string");
    }
  }

  private static void types(ObjectNode p, String csv) {
    String[] parts = csv.split(",");
    if (parts.length == 1) {
      p.put("type", parts[0]);
    } else {
      ArrayNode a = p.putArray("type");
      for (String t : parts) {
        a.add(t);
      }
    }
  }
}
