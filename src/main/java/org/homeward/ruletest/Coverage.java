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

/**
 * Which results (met, not met, unknown) the test cases drove each criterion and disqualifier to.
 */
public final class Coverage {
  private final Map<String, Set<Truth>> seen = new LinkedHashMap<>();
  private final Map<String, Set<Truth>> required = new java.util.HashMap<>();

  /** The categories, barriers and concepts whose tests.yaml could not be read: coverage unknown. */
  private final Set<String> unknown = new java.util.TreeSet<>();

  Coverage(RuleSet rules) {
    for (Category c : rules.categories()) {
      for (RulePath p : c.paths()) {
        for (Criterion k : p.criteria()) {
          track(key(c.id(), p.id(), k.id()), k);
        }
      }
      for (Criterion d : c.disqualifiers()) {
        track(key(c.id(), "disqualifiers", d.id()), d);
      }
    }
    for (org.homeward.rules.Concepts.Concept c : rules.concepts().all()) {
      if (!isValue(rules, c.name())) {
        seen.put(key("concepts", "concepts", c.name()), EnumSet.noneOf(Truth.class));
      }
    }
    for (Barrier b : rules.barriers()) {
      b.triggers().forEach(k -> track(key(b.id(), "triggers", k.id()), k));
      b.exceptions().forEach(k -> track(key(b.id(), "exceptions", k.id()), k));
    }
  }

  /**
   * Starts tracking a criterion, which must be driven to every result it can have: met unless it
   * only names a review point (or a period the rules do not encode), not met unless it only defers,
   * and always unknown.
   */
  private void track(String key, Criterion k) {
    seen.put(key, EnumSet.noneOf(Truth.class));
    Set<Truth> need = EnumSet.of(Truth.UNKNOWN);
    if (k.canBeMet()) {
      need.add(Truth.TRUE);
    }
    if (k.canFail()) {
      need.add(Truth.FALSE);
    }
    if (need.size() < 3) {
      required.put(key, need);
    }
  }

  /**
   * Whether a concept is a value (a date, a number), which coverage does not drive to met and not
   * met.
   */
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

  /** The results a criterion must be driven to: every result its condition can have. */
  public Set<Truth> required(String key) {
    return required.getOrDefault(key, EnumSet.allOf(Truth.class));
  }

  /** Marks a category's (barrier's, the concepts') coverage unknown: its tests could not run. */
  void unknown(String category) {
    unknown.add(category);
  }

  /** The categories, barriers and concepts whose coverage is unknown, their tests not read. */
  public Set<String> unknown() {
    return unknown;
  }

  /**
   * The criteria not yet driven to every required result, each with what it lacks; none of those
   * whose coverage is {@link #unknown()}.
   */
  public List<String> gaps() {
    return seen.entrySet().stream()
        .filter(e -> !unknown.contains(e.getKey().substring(0, e.getKey().indexOf('/'))))
        .filter(e -> !e.getValue().containsAll(required(e.getKey())))
        .map(
            e ->
                e.getKey()
                    + " lacks "
                    + String.join(
                        ", ",
                        required(e.getKey()).stream()
                            .filter(t -> !e.getValue().contains(t))
                            .map(Truth::word)
                            .toList()))
        .toList();
  }
}
