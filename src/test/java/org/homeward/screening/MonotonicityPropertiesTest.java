package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.homeward.Fixtures;
import org.homeward.PopulationGenerator;
import org.homeward.rules.Truth;

/**
 * Information monotonicity: taking facts away (or blurring a date to its year) may turn a known
 * result into unknown, never into the opposite result.
 */
class MonotonicityPropertiesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  @Property(tries = 300)
  void removingFactsNeverFlipsAKnownResult(@ForAll long seed) {
    Random random = new Random(seed);
    Map<String, Object> full = PopulationGenerator.person(random);
    Map<String, Object> less = blur(full, random);
    Screener screener = new Screener(Fixtures.rules());
    Screening a = screener.screen(Fixtures.person(full), AS_OF, false);
    Screening b = screener.screen(Fixtures.person(less), AS_OF, false);
    for (int i = 0; i < a.categories().size(); i++) {
      CategoryResult ca = a.categories().get(i);
      CategoryResult cb = b.categories().get(i);
      if (cb.outcome() != Outcome.NEEDS_INFO) {
        assertThat(cb.outcome())
            .as("%s outcome with fewer facts (seed %d)", ca.id(), seed)
            .isEqualTo(ca.outcome());
      }
      for (int p = 0; p < ca.paths().size(); p++) {
        for (int k = 0; k < ca.paths().get(p).criteria().size(); k++) {
          Truth known = ca.paths().get(p).criteria().get(k).truth();
          Truth blurred = cb.paths().get(p).criteria().get(k).truth();
          if (blurred != Truth.UNKNOWN) {
            assertThat(blurred)
                .as(
                    "%s/%s with fewer facts (seed %d)",
                    ca.id(), ca.paths().get(p).criteria().get(k).id(), seed)
                .isEqualTo(known);
          }
        }
      }
    }
  }

  /** A copy with some facts removed and some dates cut to their year. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> blur(Map<String, Object> full, Random r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : full.entrySet()) {
      Object v = e.getValue();
      if (r.nextInt(5) == 0) {
        continue;
      }
      if (v instanceof List<?> list) {
        List<Object> items = new ArrayList<>();
        for (Object item : list) {
          items.add(item instanceof Map<?, ?> m ? blur((Map<String, Object>) m, r) : item);
        }
        out.put(e.getKey(), items);
      } else if (v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}") && r.nextInt(3) == 0) {
        out.put(e.getKey(), r.nextBoolean() ? s.substring(0, 4) : s.substring(0, 7));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }
}
