package org.homeward.rules;

import java.util.List;
import org.homeward.document.Translations;
import org.homeward.facts.FactCatalogue;

/**
 * A loaded, checked rule set: its version (the manifest's version and a hash of every file), the
 * fact catalogue, the shared legal concepts, the categories in report order, the barrier flags, the
 * Spanish twins of their human-facing texts, how many distinct results its links read, and how many
 * places and missing facts it names ahead (see {@link Missing#id()} and {@link Missing#serial()}).
 * Immutable once loaded and thread-safe.
 */
public record RuleSet(
    String version,
    FactCatalogue facts,
    Concepts concepts,
    List<Category> categories,
    List<Barrier> barriers,
    Translations translations,
    java.util.Map<String, Integer> links,
    int namedPlaces,
    int namedMissing,
    int memoSize) {
  public RuleSet {
    categories = List.copyOf(categories);
    barriers = List.copyOf(barriers);
    links = java.util.Map.copyOf(links);
  }

  /** How many distinct results the rules' links read. */
  public int linkSlots() {
    return links.size();
  }

  /**
   * The slot a link to this result reads ({@code CATEGORY:id}, {@code PATH:category/path}, {@code
   * BARRIER:id}), or -1 when no rule links to it.
   */
  public int linkSlot(Link.Kind kind, String target) {
    return links.getOrDefault(kind + ":" + target, -1);
  }

  /** The category with the given id, or null. */
  public Category category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  /** The barrier with the given id, or null. */
  public Barrier barrier(String id) {
    return barriers.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
  }
}
