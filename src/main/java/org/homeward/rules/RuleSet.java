package org.homeward.rules;

import java.util.List;
import org.homeward.document.Translations;
import org.homeward.facts.FactCatalogue;

/**
 * A loaded, checked rule set: its version (the manifest's version and a hash of every file), the
 * fact catalogue, the categories in report order, the barrier flags, and the Spanish twins of their
 * human-facing texts. Immutable once loaded and thread-safe.
 */
public record RuleSet(String version, FactCatalogue facts, List<Category> categories, List<Barrier> barriers,
    Translations translations) {
  public RuleSet {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
  }

  /** The category with the given id, or null. */
  public Category category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
