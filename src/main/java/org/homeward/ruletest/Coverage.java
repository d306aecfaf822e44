package org.homeward.ruletest;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.rules.Barrier;
import org.homeward.rules.Category;
import org.homeward.rules.Criterion;
import org.homeward.rules.RulePath;
import org.homeward.rules.RuleSet;
import org.homeward.rules.Truth;

/** Which results (met, not met, unknown) the test cases drove each criterion and disqualifier to. */
public final class Coverage {
  private final Map<String, Set<Truth>> seen = new LinkedHashMap<>();
  private final Map<String, Set<Truth>> required = new java.util.HashMap<>();

  Coverage(RuleSet rules) {
    for (Category c : rules.categories()) {
      for (RulePath p : c.paths()) {
        for (Criterion k : p.criteria()) {
          seen.put(key(c.id(), p.id(), k.id()), EnumSet.noneOf(Truth.class));
          if (p.gap()) {
            // A period the rules do not encode: not met outside it, an attorney's point inside it.
            required.put(key(c.id(), p.id(), k.id()), EnumSet.of(Truth.FALSE, Truth.UNKNOWN));
          } else if (k.defers()) {
            required.put(key(c.id(), p.id(), k.id()), EnumSet.of(Truth.TRUE, Truth.UNKNOWN));
          }
        }
      }
      for (Criterion d : c.disqualifiers()) {
        seen.put(key(c.id(), "disqualifiers", d.id()), EnumSet.noneOf(Truth.class));
      }
    }
    for (org.homeward.rules.Concepts.Concept c : rules.concepts().all()) {
      if (!isValue(rules, c.name())) {
        seen.put(key("concepts", "concepts", c.name()), EnumSet.noneOf(Truth.class));
      }
    }
    for (Barrier b : rules.barriers()) {
      b.triggers().forEach(k -> seen.put(key(b.id(), "triggers", k.id()), EnumSet.noneOf(Truth.class)));
      b.exceptions().forEach(k -> seen.put(key(b.id(), "exceptions", k.id()), EnumSet.noneOf(Truth.class)));
    }
  }

  /** Whether a concept is a value (a date, a number), which coverage does not drive to met and not met. */
  private static boolean isValue(RuleSet rules, String name) {
    return rules.concepts().isValue(name);
  }

  static String key(String category, String path, String criterion) {
    return category + "/" + path + "/" + criterion;
  }

  void record(String key, Truth t) {
    Set<Truth> s = seen.get(key);
    if (s != null) {
      s.add(t);
    }
  }

  /** Every criterion's key ({@code category/path/criterion}) and the results seen for it. */
  public Map<String, Set<Truth>> results() {
    return seen;
  }

  /**
   * The results a criterion must be driven to: all three; met and unknown for one that only defers;
   * not met and unknown for the criterion of a period the rules do not encode.
   */
  public Set<Truth> required(String key) {
    return required.getOrDefault(key, EnumSet.allOf(Truth.class));
  }

  /** The criteria not yet driven to every required result, each with what it lacks. */
  public List<String> gaps() {
    return seen.entrySet().stream()
        .filter(e -> !e.getValue().containsAll(required(e.getKey())))
        .map(e -> e.getKey() + " lacks " + String.join(", ", required(e.getKey()).stream()
            .filter(t -> !e.getValue().contains(t)).map(Truth::word).toList()))
        .toList();
  }
}
