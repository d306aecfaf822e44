package org.homeward;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates random, self-consistent person histories (ages agree with dates) for properties and
 * benchmarks.
 */
public final class PopulationGenerator {
  private PopulationGenerator() {}

  private static String date(Random r, int fromYear, int toYear) {
    LocalDate d = LocalDate.of(fromYear, 1, 1).plusDays(r.nextInt((toYear - fromYear) * 365));
    return d.toString();
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** A random but self-consistent history (ages agree with dates). */
  public static Map<String, Object> person(Random r) {
    Map<String, Object> p = new LinkedHashMap<>();
    LocalDate birth = LocalDate.parse(date(r, 1975, 2000));
    p.put("birth_date", birth.toString());
    p.put("security_concern", pick(r, List.of("none", "alleged", "established")));
    p.put("currently_in_us", r.nextBoolean());
    List<Object> entries = new ArrayList<>();
    LocalDate entry = birth.plusDays(r.nextInt(25 * 365));
    entries.add(
        map(
            "date",
            entry.toString(),
            "age_at_entry",
            (int) java.time.temporal.ChronoUnit.YEARS.between(birth, entry),
            "manner",
            pick(r, List.of("admitted", "paroled", "without_inspection"))));
    p.put("entries", entries);
    List<Object> removals = new ArrayList<>();
    LocalDate departure = entry.plusDays(r.nextInt(20 * 365));
    removals.add(
        map(
            "departure_date",
            departure.toString(),
            "order_date",
            departure.minusDays(r.nextInt(60)).toString(),
            "age_at_departure",
            (int) java.time.temporal.ChronoUnit.YEARS.between(birth, departure),
            "type",
            pick(
                r,
                List.of(
                    "ij_order_after_hearing", "in_absentia", "expedited_removal", "stipulated")),
            "charges",
            List.of(
                pick(
                    r,
                    List.of(
                        "aggravated_felony",
                        "cimt",
                        "controlled_substance",
                        "entry_without_inspection")))));
    p.put("removals", removals);
    List<Object> absences = new ArrayList<>();
    if (r.nextBoolean()) {
      LocalDate out = entry.plusDays(r.nextInt(6000));
      absences.add(
          map(
              "departure_date",
              out.toString(),
              "return_date",
              out.plusDays(r.nextInt(200)).toString(),
              "reason",
              pick(r, List.of("brief_visit", "advance_parole", "other", "voluntary_departure"))));
    }
    p.put("absences", absences);
    p.put(
        "status_history",
        List.of(
            map(
                "start",
                entry.toString(),
                "status",
                pick(r, List.of("no_status", "tps", "nonimmigrant")),
                "end",
                entry.plusDays(r.nextInt(9000)).toString())));
    p.put(
        "education",
        List.of(
            map(
                "type",
                pick(r, List.of("hs_diploma", "ged", "none")),
                "date",
                date(r, 1995, 2020))));
    List<Object> convictions = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      LocalDate offense = LocalDate.parse(date(r, 1995, 2022));
      convictions.add(
          map(
              "offense_date",
              offense.toString(),
              "conviction_date",
              offense.plusDays(r.nextInt(300)).toString(),
              "max_penalty_days",
              pick(r, List.of(5, 30, 180, 365, 366, 3650)),
              "custody_days_ordered",
              r.nextInt(200),
              "court_type",
              pick(r, List.of("adult_criminal", "juvenile_delinquency")),
              "adjudication",
              "convicted",
              "jurisdiction",
              "state",
              "categories",
              List.of(pick(r, List.of("dui", "theft_or_stolen_property", "drug_possession"))),
              "post_conviction",
              List.of()));
    }
    p.put("convictions", convictions);
    List<Object> daca = new ArrayList<>();
    if (r.nextInt(4) == 0) {
      LocalDate approved = LocalDate.parse(date(r, 2012, 2018));
      daca.add(
          map(
              "approved_date",
              approved.toString(),
              "expiration_date",
              approved.plusYears(2).toString(),
              "terminated",
              r.nextBoolean()));
    }
    p.put("daca_history", daca);
    p.put("military_service", List.of());
    return p;
  }

  /**
   * A person as a campaign's intake sheet holds them: a handful of the canonical facts (an id, the
   * birth date, one entry, one removal, one service period, one conviction, one education record,
   * one DACA approval), each often blank, about one date in ten known only to the year. Everything
   * else is unknown, so nearly every result is open: the unknown-heavy case.
   */
  public static Map<String, Object> sparse(Random r, int id) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", "row-" + id);
    LocalDate birth = LocalDate.parse(date(r, 1975, 2002));
    if (r.nextInt(10) < 9) {
      p.put("birth_date", fuzzy(r, birth));
    }
    if (r.nextInt(10) < 8) {
      LocalDate entry = birth.plusDays(r.nextInt(20 * 365));
      Map<String, Object> e = map("date", fuzzy(r, entry));
      if (r.nextBoolean()) {
        e.put("manner", pick(r, List.of("admitted", "paroled", "without_inspection")));
      }
      p.put("entries", List.of(e));
    }
    if (r.nextInt(10) < 9) {
      LocalDate departure = birth.plusDays(r.nextInt(40 * 365));
      Map<String, Object> m = map("departure_date", fuzzy(r, departure));
      if (r.nextBoolean()) {
        m.put(
            "type",
            pick(
                r,
                List.of(
                    "ij_order_after_hearing",
                    "in_absentia",
                    "expedited_removal",
                    "voluntary_departure")));
      }
      p.put("removals", List.of(m));
    }
    if (r.nextInt(10) == 0) {
      LocalDate start = birth.plusYears(18).plusDays(r.nextInt(2000));
      p.put(
          "military_service",
          List.of(
              map(
                  "start_date",
                  start.toString(),
                  "end_date",
                  start.plusDays(r.nextInt(3000)).toString(),
                  "discharge",
                  pick(
                      r,
                      List.of("honorable", "general_under_honorable", "other_than_honorable")))));
    }
    if (r.nextInt(3) == 0) {
      p.put(
          "convictions",
          List.of(
              map(
                  "conviction_date",
                  fuzzy(r, LocalDate.parse(date(r, 1995, 2022))),
                  "categories",
                  List.of(
                      pick(
                          r,
                          List.of(
                              "dui", "theft_or_stolen_property", "drug_possession", "cimt"))))));
    }
    if (r.nextInt(3) == 0) {
      p.put(
          "education",
          List.of(
              map(
                  "type",
                  pick(r, List.of("hs_diploma", "ged", "enrolled_school")),
                  "date",
                  fuzzy(r, LocalDate.parse(date(r, 1995, 2020))))));
    }
    if (r.nextInt(5) == 0) {
      LocalDate approved = LocalDate.parse(date(r, 2012, 2018));
      p.put(
          "daca_history",
          List.of(
              map(
                  "approved_date",
                  approved.toString(),
                  "expiration_date",
                  approved.plusYears(2).toString())));
    }
    return p;
  }

  /** A date, or one time in ten only its year. */
  private static String fuzzy(Random r, LocalDate d) {
    return r.nextInt(10) == 0 ? Integer.toString(d.getYear()) : d.toString();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
