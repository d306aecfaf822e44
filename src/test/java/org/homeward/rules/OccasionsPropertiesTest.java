package org.homeward.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.homeward.Fixtures;

/**
 * The occasions a {@code distinct} count finds are the most items no two of which share a key (an
 * unknown scheme sharing none), and at least those among the items whose keys are all known;
 * checked against every subset of small lists, in any order.
 */
class OccasionsPropertiesTest {

  /** An item's first key (always known) and second key (null: unknown, shares nothing). */
  record Item(int first, Integer second) {}

  @Provide
  Arbitrary<List<Item>> items() {
    Arbitrary<Integer> first = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> second = Arbitraries.integers().between(0, 3).injectNull(0.25);
    return Combinators.combine(first, second).as(Item::new).list().ofMaxSize(9);
  }

  @Property(tries = 400)
  void theCountIsTheLargestSetOfItemsPairwiseApart(@ForAll("items") List<Item> items) {
    assertThat(apart(items, false)).as("at most").isEqualTo(largestApart(items));
    assertThat(apart(items, true))
        .as("at least: among the items whose scheme is known")
        .isEqualTo(largestApart(items.stream().filter(i -> i.second() != null).toList()));
  }

  @Property(tries = 200)
  void theOrderOfTheItemsChangesNothing(@ForAll("items") List<Item> items, @ForAll long seed) {
    List<Item> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new java.util.Random(seed));
    assertThat(apart(shuffled, false)).isEqualTo(apart(items, false));
    assertThat(apart(shuffled, true)).isEqualTo(apart(items, true));
  }

  private static int apart(List<Item> items, boolean onlyKnown) {
    Operands.Occasions occasions = new Operands.Occasions(true);
    for (Item i : items) {
      occasions.add("d" + i.first(), i.second() == null ? null : "s" + i.second());
    }
    return occasions.apart(
        new EvalContext(Fixtures.person("{}").facts(), LocalDate.of(2026, 11, 28)), onlyKnown);
  }

  /** By brute force: the largest subset in which no two items share a date or a known scheme. */
  private static int largestApart(List<Item> items) {
    int best = 0;
    for (int set = 0; set < 1 << items.size(); set++) {
      if (pairwiseApart(items, set)) {
        best = Math.max(best, Integer.bitCount(set));
      }
    }
    return best;
  }

  private static boolean pairwiseApart(List<Item> items, int set) {
    for (int a = 0; a < items.size(); a++) {
      for (int b = a + 1; b < items.size(); b++) {
        if ((set >> a & 1) == 1 && (set >> b & 1) == 1) {
          Item x = items.get(a);
          Item y = items.get(b);
          if (x.first() == y.first()
              || x.second() != null && Objects.equals(x.second(), y.second())) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
