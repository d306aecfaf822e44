package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.homeward.Fixtures;
import org.homeward.rules.Truth;

/**
 * Information monotonicity: taking facts away (or blurring a date to its year) may turn a known
 * result into unknown, never into the opposite result.
 */
class MonotonicityPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  @Property(tries = 300)
  void removingFactsNeverFlipsAKnownResult(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    Map<String, Object> full = person(random);
    Map<String, Object> less = blur(full, random);
    Screener screener = new Screener(Fixtures.rules());
    Screening a = screener.screen(Fixtures.person(JSON.writeValueAsString(full)), AS_OF, false);
    Screening b = screener.screen(Fixtures.person(JSON.writeValueAsString(less)), AS_OF, false);
    for (int i = 0; i < a.categories().size(); i++) {
      CategoryResult ca = a.categories().get(i);
      CategoryResult cb = b.categories().get(i);
      if (cb.outcome() != Outcome.NEEDS_INFO) {
        assertThat(cb.outcome()).as("%s outcome with fewer facts (seed %d)", ca.id(), seed).isEqualTo(ca.outcome());
      }
      for (int p = 0; p < ca.paths().size(); p++) {
        for (int k = 0; k < ca.paths().get(p).criteria().size(); k++) {
          Truth known = ca.paths().get(p).criteria().get(k).truth();
          Truth blurred = cb.paths().get(p).criteria().get(k).truth();
          if (blurred != Truth.UNKNOWN) {
            assertThat(blurred).as("%s/%s with fewer facts (seed %d)", ca.id(),
                ca.paths().get(p).criteria().get(k).id(), seed).isEqualTo(known);
          }
        }
      }
    }
  }

  private static String date(Random r, int fromYear, int toYear) {
    LocalDate d = LocalDate.of(fromYear, 1, 1).plusDays(r.nextInt((toYear - fromYear) * 365));
    return d.toString();
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** A random but self-consistent history (ages agree with dates). */
  static Map<String, Object> person(Random r) {
    Map<String, Object> p = new LinkedHashMap<>();
    LocalDate birth = LocalDate.parse(date(r, 1975, 2000));
    p.put("birth_date", birth.toString());
    p.put("security_concern", pick(r, List.of("none", "alleged", "established")));
    p.put("currently_in_us", r.nextBoolean());
    List<Object> entries = new ArrayList<>();
    LocalDate entry = birth.plusDays(r.nextInt(25 * 365));
    entries.add(map("date", entry.toString(), "age_at_entry", (int) java.time.temporal.ChronoUnit.YEARS.between(birth, entry),
        "manner", pick(r, List.of("admitted", "paroled", "without_inspection"))));
    p.put("entries", entries);
    List<Object> removals = new ArrayList<>();
    LocalDate departure = entry.plusDays(r.nextInt(20 * 365));
    removals.add(map("departure_date", departure.toString(), "order_date", departure.minusDays(r.nextInt(60)).toString(),
        "age_at_departure", (int) java.time.temporal.ChronoUnit.YEARS.between(birth, departure),
        "type", pick(r, List.of("ij_order_after_hearing", "in_absentia", "expedited_removal", "stipulated")),
        "charges", List.of(pick(r, List.of("aggravated_felony", "cimt", "controlled_substance", "entry_without_inspection")))));
    p.put("removals", removals);
    List<Object> absences = new ArrayList<>();
    if (r.nextBoolean()) {
      LocalDate out = entry.plusDays(r.nextInt(6000));
      absences.add(map("departure_date", out.toString(), "return_date", out.plusDays(r.nextInt(200)).toString(),
          "reason", pick(r, List.of("brief_visit", "advance_parole", "other", "voluntary_departure"))));
    }
    p.put("absences", absences);
    p.put("status_history", List.of(map("start", entry.toString(), "status", pick(r, List.of("no_status", "tps", "nonimmigrant")),
        "end", entry.plusDays(r.nextInt(9000)).toString())));
    p.put("education", List.of(map("type", pick(r, List.of("hs_diploma", "ged", "none")), "date", date(r, 1995, 2020))));
    List<Object> convictions = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      LocalDate offense = LocalDate.parse(date(r, 1995, 2022));
      convictions.add(map("offense_date", offense.toString(), "conviction_date", offense.plusDays(r.nextInt(300)).toString(),
          "max_penalty_days", pick(r, List.of(5, 30, 180, 365, 366, 3650)), "custody_days_ordered", r.nextInt(200),
          "court_type", pick(r, List.of("adult_criminal", "juvenile_delinquency")), "adjudication", "convicted",
          "jurisdiction", "state", "categories", List.of(pick(r, List.of("dui", "theft_or_stolen_property", "drug_possession"))),
          "post_conviction", List.of()));
    }
    p.put("convictions", convictions);
    List<Object> daca = new ArrayList<>();
    if (r.nextInt(4) == 0) {
      LocalDate approved = LocalDate.parse(date(r, 2012, 2018));
      daca.add(map("approved_date", approved.toString(), "expiration_date", approved.plusYears(2).toString(),
          "terminated", r.nextBoolean()));
    }
    p.put("daca_history", daca);
    p.put("military_service", List.of());
    return p;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
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
