package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.homeward.Fixtures;
import org.homeward.PopulationGenerator;

/**
 * The order a person's lists are written in (entries, removals, convictions, and the lists inside
 * them) is not a fact: the rules speak of earliest, latest, counts and ids, never of positions. So
 * shuffling every list leaves every result as it was, and asks for the same facts.
 */
class OrderPropertiesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  @Property(tries = 200)
  void shufflingEveryListChangesNoResult(@ForAll long seed) {
    Random random = new Random(seed);
    Map<String, Object> person =
        widen(
            random.nextBoolean()
                ? PopulationGenerator.person(random)
                : PopulationGenerator.sparse(random, 0),
            random);
    Map<String, Object> shuffled = shuffle(person, new Random(seed ^ 0x5DEECE66DL));
    Screener screener = new Screener(Fixtures.rules());
    Screening a = screener.screen(Fixtures.person(person), AS_OF, false);
    Screening b = screener.screen(Fixtures.person(shuffled), AS_OF, false);
    for (int i = 0; i < a.categories().size(); i++) {
      CategoryResult ca = a.categories().get(i);
      CategoryResult cb = b.categories().get(i);
      assertThat(cb.outcome()).as("%s (seed %d)", ca.id(), seed).isEqualTo(ca.outcome());
      for (int p = 0; p < ca.paths().size(); p++) {
        for (int k = 0; k < ca.paths().get(p).criteria().size(); k++) {
          CriterionResult x = ca.paths().get(p).criteria().get(k);
          CriterionResult y = cb.paths().get(p).criteria().get(k);
          assertThat(y.truth()).as("%s/%s (seed %d)", ca.id(), x.id(), seed).isEqualTo(x.truth());
          assertThat(facts(y.missing()))
              .as("%s/%s asks for (seed %d)", ca.id(), x.id(), seed)
              .isEqualTo(facts(x.missing()));
        }
      }
    }
    for (int i = 0; i < a.barriers().size(); i++) {
      BarrierResult x = a.barriers().get(i);
      BarrierResult y = b.barriers().get(i);
      assertThat(y.status()).as("%s (seed %d)", x.id(), seed).isEqualTo(x.status());
      assertThat(y.endsOn()).as("%s ends (seed %d)", x.id(), seed).isEqualTo(x.endsOn());
      assertThat(facts(y.missing()))
          .as("%s asks for (seed %d)", x.id(), seed)
          .isEqualTo(facts(x.missing()));
    }
  }

  /** The facts asked for, by their path in the catalogue (item numbers change with the order). */
  private static TreeSet<String> facts(List<MissingFact> missing) {
    TreeSet<String> out = new TreeSet<>();
    for (MissingFact m : missing) {
      out.add(m.kind() + " " + m.path());
    }
    return out;
  }

  /**
   * A copy in which each list of records gets up to two more items: copies of one of its items with
   * every date moved by up to eight years and new ids, so that order has something to change.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> widen(Map<String, Object> person, Random r) {
    Map<String, Object> out = new LinkedHashMap<>(person);
    for (Map.Entry<String, Object> e : person.entrySet()) {
      if (e.getValue() instanceof List<?> list
          && !list.isEmpty()
          && list.get(0) instanceof Map<?, ?>) {
        List<Object> items = new ArrayList<>(list);
        for (int n = r.nextInt(3); n > 0; n--) {
          Map<String, Object> copy =
              moved((Map<String, Object>) list.get(r.nextInt(list.size())), r.nextInt(6000) - 3000);
          if (copy.containsKey("id")) {
            copy.put("id", copy.get("id") + "-" + items.size());
          }
          items.add(copy);
        }
        out.put(e.getKey(), items);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> moved(Map<String, Object> item, int days) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : item.entrySet()) {
      Object v = e.getValue();
      if (v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        v = LocalDate.parse(s).plusDays(days).toString();
      } else if (v instanceof Map<?, ?> m) {
        v = moved((Map<String, Object>) m, days);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** A copy with every list, at any depth, in a random order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> shuffle(Map<String, Object> person, Random r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : person.entrySet()) {
      out.put(e.getKey(), shuffleValue(e.getValue(), r));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object shuffleValue(Object v, Random r) {
    if (v instanceof Map<?, ?> m) {
      return shuffle((Map<String, Object>) m, r);
    }
    if (v instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        items.add(shuffleValue(item, r));
      }
      Collections.shuffle(items, r);
      return items;
    }
    return v;
  }
}
