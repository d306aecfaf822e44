package org.homeward.rules;

import org.homeward.document.Location;

/**
 * A result one rule reads from another: a category's outcome ({@code {category: ID}}), one path's
 * result ({@code {path: CATEGORY/PATH}}) or a barrier's status ({@code {barrier: ID}}). Resolved
 * once every file has loaded; the loader rejects a cycle of links.
 */
public final class Link {
  /** What a link reads. */
  public enum Kind {
    /**
     * Met when the category may fit, not met when it does not fit, unknown while it needs
     * information.
     */
    CATEGORY,
    /** A path's own result: its criteria, before the category's disqualifiers. */
    PATH,
    /**
     * Met when the barrier is active, not met when it is not triggered or has expired, unknown
     * while possible.
     */
    BARRIER
  }

  private final Kind kind;
  private final String target;
  private final Location location;
  private Category category;
  private RulePath path;
  private Barrier barrier;

  /** Which result of a screening this link reads: links to the same result share a slot. */
  int slot = -1;

  Link(Kind kind, String target, Location location) {
    this.kind = kind;
    this.target = target;
    this.location = location;
  }

  public Kind kind() {
    return kind;
  }

  /** The target as written: a category or barrier id, or {@code category/path}. */
  public String target() {
    return target;
  }

  public Location location() {
    return location;
  }

  /** The category read (for a path link, the path's category); null for a barrier link. */
  public Category category() {
    return category;
  }

  /** The path read by a path link; else null. */
  public RulePath path() {
    return path;
  }

  /** The barrier read by a barrier link; else null. */
  public Barrier barrier() {
    return barrier;
  }

  /** The id of the category or barrier whose result is read. */
  String unit() {
    int slash = target.indexOf('/');
    return kind == Kind.PATH && slash > 0 ? target.substring(0, slash) : target;
  }

  void resolve(Category category, RulePath path, Barrier barrier) {
    this.category = category;
    this.path = path;
    this.barrier = barrier;
  }
}
