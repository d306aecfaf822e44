package org.homeward.ruletest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.homeward.document.Location;
import org.homeward.document.Node;

/**
 * The named base persons of a tests.yaml ({@code bases:}), so that a case shows only what it
 * changes: {@code base: NAME} lays the case's {@code facts} over the base's. Maps merge key by key,
 * anything else (a list, a date) is replaced whole; a base may itself have a base.
 */
final class Bases {
  /** Stands for a base name that no base declares, so the case fails with a clear message. */
  static final String UNKNOWN = "\\0unknown-base";

  private final Map<String, Node.Mapping> declared = new HashMap<>();

  private final Map<String, Location> where = new HashMap<>();

  Bases(Node bases) {
    if (bases instanceof Node.Mapping m) {
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        if (e.getValue() instanceof Node.Mapping b) {
          declared.put(e.getKey(), b);
          where.put(e.getKey(), m.keyLocation(e.getKey()));
        }
      }
    }
  }

  /**
   * A case ready to run, and the base person it is built on (null when it names none, or one that
   * is not declared).
   */
  record Applied(Node body, RuleTestRunner.Base base) {}

  /**
   * A case with its base's facts under its own; the case itself when it names no base. A base that
   * is not declared is marked ({@link #UNKNOWN}), so that the case fails saying so.
   */
  Applied apply(Node c) {
    if (!(c instanceof Node.Mapping m) || !(m.get("base") instanceof Node.Scalar name)) {
      return new Applied(c, null);
    }
    Map<String, Node> entries = new LinkedHashMap<>(m.entries());
    Node facts = facts(name.text(), 0);
    if (facts == null) {
      entries.put("base", new Node.Scalar(name.location(), Node.Scalar.Kind.STRING, UNKNOWN));
      return new Applied(new Node.Mapping(m.location(), entries, m.keys()), null);
    }
    entries.put("facts", m.get("facts") == null ? facts : merge(facts, m.get("facts")));
    Map<String, Location> keys = new LinkedHashMap<>(m.keys());
    keys.putIfAbsent("facts", name.location());
    return new Applied(
        new Node.Mapping(m.location(), entries, keys),
        new RuleTestRunner.Base(name.text(), where.get(name.text()), facts));
  }

  /** A base's facts, its own base's under them; null when no such base (or a loop of bases). */
  private Node facts(String name, int depth) {
    Node.Mapping base = declared.get(name);
    if (base == null || depth > 16) {
      return null;
    }
    Node own =
        base.get("facts") == null
            ? new Node.Mapping(base.location(), Map.of(), Map.of())
            : base.get("facts");
    if (base.get("base") instanceof Node.Scalar parent) {
      Node under = facts(parent.text(), depth + 1);
      return under == null ? null : merge(under, own);
    }
    return own;
  }

  /** {@code over} laid on {@code under}: maps key by key, anything else replaced. */
  static Node merge(Node under, Node over) {
    if (!(under instanceof Node.Mapping u) || !(over instanceof Node.Mapping o)) {
      return over;
    }
    Map<String, Node> entries = new LinkedHashMap<>(u.entries());
    Map<String, Location> keys = new LinkedHashMap<>(u.keys());
    for (Map.Entry<String, Node> e : o.entries().entrySet()) {
      Node below = entries.get(e.getKey());
      entries.put(e.getKey(), below == null ? e.getValue() : merge(below, e.getValue()));
      keys.put(e.getKey(), o.keyLocation(e.getKey()));
    }
    return new Node.Mapping(o.location(), entries, keys);
  }
}
