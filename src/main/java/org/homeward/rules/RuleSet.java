package org.homeward.rules;

import java.util.List;
import org.homeward.facts.FactCatalogue;

/**
 * A loaded, checked rule set: its version (the manifest's version and a hash of every file), the
 * fact catalogue, the categories in report order and the barrier flags. Immutable and thread-safe.
 */
public record RuleSet(String version, FactCatalogue facts, List<Category> categories, List<Barrier> barriers) {
  public RuleSet {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
  }

  /** The category with the given id, or null. */
  public Category category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
