package org.homeward.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML value with the location it was read from. Maps keep their key order and the
 * location of every key, so a problem with a key or a value can be pointed at exactly.
 */
public sealed interface Node {

  Location location();

  /** A human word for the kind of value, for "expected a date, found a list" messages. */
  String describe();

  /**
   * The kind of value without the value itself ("text", "a number"), for messages about a person's
   * facts, which must not repeat what a field holds (it may be a name, an A-number or a birth
   * date).
   */
  default String what() {
    return describe();
  }

  /** A scalar: string, number, boolean or null, with the text it was written as. */
  record Scalar(Location location, Kind kind, String text) implements Node {
    /** The four kinds of scalar. */
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    public boolean isNull() {
      return kind == Kind.NULL;
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the text \"" + shorten(text) + "\"";
        case NUMBER -> "the number " + shorten(text);
        case BOOLEAN -> text;
        case NULL -> "null";
      };
    }

    @Override
    public String what() {
      return switch (kind) {
        case STRING -> "text";
        case NUMBER -> "a number";
        case BOOLEAN -> text;
        case NULL -> "null";
      };
    }

    private static String shorten(String s) {
      return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
  }

  /** A list of values. */
  record Seq(Location location, List<Node> items) implements Node {
    public Seq {
      items = Collections.unmodifiableList(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A map of keys to values; {@code keys} holds where each key was written. */
  record Mapping(Location location, Map<String, Node> entries, Map<String, Location> keys)
      implements Node {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public Node get(String key) {
      return entries.get(key);
    }

    public Location keyLocation(String key) {
      return keys.getOrDefault(key, location);
    }

    @Override
    public String describe() {
      return "an object";
    }
  }
}
