package org.homeward.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.homeward.Fixtures;
import org.homeward.document.Diagnostic;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.SpanishTwin;
import org.homeward.document.Translations;
import org.homeward.person.Person;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  private record Result(Truth truth, List<Missing> missing) {}

  private static Condition compile(String yaml, List<Diagnostic> problems) {
    Node node = NodeReader.readYaml(new StringReader(yaml), "test.yaml");
    Texts texts = new Texts(new SpanishTwin(null, new Translations(), problems), problems);
    return new ConditionCompiler(
            Fixtures.rules().facts(),
            Map.of(),
            Map.of(),
            problems,
            texts,
            null,
            false,
            new Canon(),
            "test")
        .condition(node);
  }

  private static Result eval(String yaml, String personJson) {
    List<Diagnostic> problems = new ArrayList<>();
    Condition c = compile(yaml, problems);
    assertThat(problems.stream().filter(Diagnostic::isError)).as("compile problems").isEmpty();
    Person p = Fixtures.person(personJson);
    EvalContext ctx = new EvalContext(p.facts(), AS_OF);
    Truth t = c.eval(ctx);
    return new Result(t, ctx.missingSince(0));
  }

  private static List<String> compileErrors(String yaml) {
    List<Diagnostic> problems = new ArrayList<>();
    compile(yaml, problems);
    return problems.stream().filter(Diagnostic::isError).map(Diagnostic::render).toList();
  }

  @Test
  void aYearOfEntryDecidesAComparisonItsIntervalDecides() {
    // given a first entry known only as 2005
    Result r =
        eval(
            "left: {earliest: 'entries[].date'}\nop: on_or_before\nright: 2007-06-15",
            "{'entries':[{'date':'2005'}]}");
    // then 2005 is decided to be before 2007-06-15, and nothing is asked
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void aYearThatSpansTheCutOffIsUnknownAndAsksForTheExactDate() {
    Result r =
        eval(
            "left: {earliest: 'entries[].date'}\nop: on_or_before\nright: 2007-06-15",
            "{'entries':[{'date':'2007'}]}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing())
        .extracting(Missing::kind, Missing::path, Missing::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Missing.Kind.INEXACT, "entries[].date", "entries[0].date"));
  }

  @Test
  void aMissingFactIsUnknownNeverFalse() {
    Result r = eval("\"birth_date >= 1981-06-16\"", "{}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing()).extracting(Missing::path).containsExactly("birth_date");
  }

  @Test
  void falseDecidesAnAllAndDropsTheFactsThatNoLongerMatter() {
    Result r =
        eval(
            "all: ['birth_date >= 1981-06-16', 'security_concern == none']",
            "{'security_concern':'established'}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
    assertThat(r.missing()).as("a decided result asks nothing").isEmpty();
  }

  @Test
  void trueDecidesAnAnyEvenAgainstUnknown() {
    Result r =
        eval(
            "any: ['birth_date >= 1981-06-16', 'security_concern == none']",
            "{'security_concern':'none'}");
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void anUnknownListIsUnknownAndAnEmptyListIsKnownNone() {
    String exists = "exists: convictions\nwhere: 'convictions[].max_penalty_days > 365'";
    assertThat(eval(exists, "{}").truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(eval(exists, "{}").missing())
        .extracting(Missing::path)
        .containsExactly("convictions");
    assertThat(eval(exists, "{'convictions':[]}").truth()).isEqualTo(Truth.FALSE);
  }

  @Test
  void existsIsTrueWhenOneItemIsTrueWhateverTheOthers() {
    String exists = "exists: convictions\nwhere: 'convictions[].max_penalty_days > 365'";
    Result r = eval(exists, "{'convictions':[{}, {'max_penalty_days': 730}]}");
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
    assertThat(r.missing()).isEmpty();
    Result open = eval(exists, "{'convictions':[{}, {'max_penalty_days': 30}]}");
    assertThat(open.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(open.missing())
        .extracting(Missing::at)
        .containsExactly("convictions[0].max_penalty_days");
  }

  @Test
  void anAgeAtEntryStandsInForTheEntryDate() {
    // "came at 9": whatever the exact dates, that is before the 16th birthday
    Result r =
        eval(
            "left: {earliest: 'entries[].date'}\nop: before\nright: {birthday: 16}",
            "{'birth_date':'1990-05-05','entries':[{'age_at_entry':9}]}");
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void anAgeAtDepartureBoundsAnUnknownBirthDate() {
    // 39 when deported on 2018-01-15: born 1978-01-16 .. 1979-01-15, so not on or after 1981-06-16
    Result r =
        eval(
            "'birth_date on_or_after 1981-06-16'",
            "{'removals':[{'departure_date':'2018-01-15','age_at_departure':39}]}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
    Result close =
        eval(
            "'birth_date on_or_after 1978-06-01'",
            "{'removals':[{'departure_date':'2018-01-15','age_at_departure':39}]}");
    assertThat(close.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(close.missing())
        .extracting(Missing::kind, Missing::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Missing.Kind.INEXACT, "birth_date"));
  }

  @Test
  void aTwentyNinthOfFebruaryBirthdayFallsOnTheFirstOfMarchInCommonYears() {
    // 2017 is a common year: the 17th birthday of a 2000-02-29 birth is 2017-03-01
    String wrap =
        "exists: entries\nwhere:\n  left: {fact: 'entries[].date'}\n  op: before\n  right: {birthday: 17}";
    assertThat(eval(wrap, "{'birth_date':'2000-02-29','entries':[{'date':'2017-02-28'}]}").truth())
        .isEqualTo(Truth.TRUE);
    assertThat(eval(wrap, "{'birth_date':'2000-02-29','entries':[{'date':'2017-03-01'}]}").truth())
        .isEqualTo(Truth.FALSE);
  }

  /** Counts the occasions among convictions given as (offense date, scheme) pairs, in order. */
  private static Truth fewerThanThreeOccasions(List<String[]> convictions) {
    String cond =
        "left: {count: convictions, distinct: ['convictions[].offense_date',"
            + " 'convictions[].same_scheme_group']}\nop: '<'\nright: 3";
    StringBuilder json = new StringBuilder("{'convictions':[");
    for (int i = 0; i < convictions.size(); i++) {
      String[] c = convictions.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{'offense_date':'")
          .append(c[0])
          .append("'")
          .append(c[1] == null ? "" : ",'same_scheme_group':'" + c[1] + "'")
          .append("}");
    }
    return eval(cond, json.append("]}").toString()).truth();
  }

  private static List<List<String[]>> orders(List<String[]> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<String[]>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<String[]> rest = new ArrayList<>(items);
      String[] first = rest.remove(i);
      for (List<String[]> tail : orders(rest)) {
        List<String[]> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        out.add(order);
      }
    }
    return out;
  }

  @Test
  void occasionsAreTheMostItemsNoTwoOfWhichShareADateOrASchemeInAnyOrder() {
    // A and B share a date, A and C a scheme; but B, C and D share nothing pairwise: three
    // convictions "not on the same date and not from the same scheme" (brief, DACA guideline 7).
    List<String[]> three =
        List.of(
            new String[] {"2010-01-01", "s1"},
            new String[] {"2010-01-01", "s2"},
            new String[] {"2011-01-01", "s1"},
            new String[] {"2012-01-01", "s3"});
    for (List<String[]> order : orders(three)) {
      assertThat(fewerThanThreeOccasions(order))
          .as("three apart, whatever the order the sheet lists them in")
          .isEqualTo(Truth.FALSE);
    }
    // B shares a date with A and a scheme with C; A and C share nothing: two occasions at most.
    List<String[]> two =
        List.of(
            new String[] {"2010-01-01", "s1"},
            new String[] {"2010-01-01", "s2"},
            new String[] {"2011-01-01", "s2"});
    for (List<String[]> order : orders(two)) {
      assertThat(fewerThanThreeOccasions(order)).isEqualTo(Truth.TRUE);
    }
    // an unknown scheme may be shared or not: one to three occasions, so unknown
    assertThat(
            fewerThanThreeOccasions(
                List.of(
                    new String[] {"2010-01-01", "s1"},
                    new String[] {"2011-01-01", null},
                    new String[] {"2012-01-01", "s1"},
                    new String[] {"2013-01-01", null})))
        .isEqualTo(Truth.UNKNOWN);
    // two known apart and one unknown: at least two, so fewer than three is still open
    assertThat(
            fewerThanThreeOccasions(
                List.of(
                    new String[] {"2010-01-01", "s1"},
                    new String[] {"2011-01-01", "s2"},
                    new String[] {"2012-01-01", null})))
        .isEqualTo(Truth.UNKNOWN);
    Result open =
        eval(
            "left: {count: convictions, distinct: ['convictions[].offense_date',"
                + " 'convictions[].same_scheme_group']}\nop: '<'\nright: 3",
            "{'convictions':[{'offense_date':'2010-01-01','same_scheme_group':'s1'},"
                + "{'offense_date':'2011-01-01','same_scheme_group':'s2'},"
                + "{'offense_date':'2012-01-01'}]}");
    assertThat(open.missing())
        .as("the unknown scheme is what would settle it")
        .extracting(Missing::at)
        .containsExactly("convictions[2].same_scheme_group");
    // three known apart: an unknown fourth cannot bring them below three
    assertThat(
            fewerThanThreeOccasions(
                List.of(
                    new String[] {"2010-01-01", "s1"},
                    new String[] {"2011-01-01", "s2"},
                    new String[] {"2012-01-01", "s3"},
                    new String[] {"2012-01-01", null})))
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void distinctTakesOneOrTwoKeys() {
    assertThat(
            compileErrors(
                "left: {count: convictions, distinct: ['convictions[].offense_date',"
                    + " 'convictions[].same_scheme_group', 'convictions[].conviction_date']}\n"
                    + "op: '<'\nright: 3"))
        .singleElement()
        .asString()
        .contains("'distinct' takes one or two keys");
    assertThat(
            compileErrors(
                "left: {count: convictions, distinct: 'convictions[].offense_date'}\n"
                    + "op: '<'\nright: 3"))
        .as("a key not in a list would be dropped, counting every item")
        .singleElement()
        .asString()
        .contains("'distinct' needs a list");
  }

  @Test
  void theLongestListAPersonMayHoldIsMatchedToo() {
    // 1,000 convictions (the most a list may hold) on 1,000 dates, all of one scheme but the last
    StringBuilder json = new StringBuilder("{'convictions':[");
    LocalDate d = LocalDate.of(2000, 1, 1);
    for (int i = 0; i < 1000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{'offense_date':'")
          .append(d.plusDays(i))
          .append("','same_scheme_group':'")
          .append(i < 999 ? "s" : "t")
          .append("'}");
    }
    Result r =
        eval(
            "left: {count: convictions, distinct: ['convictions[].offense_date',"
                + " 'convictions[].same_scheme_group']}\nop: '<'\nright: 3",
            json.append("]}").toString());
    assertThat(r.truth()).as("two occasions: the scheme s and the scheme t").isEqualTo(Truth.TRUE);
  }

  @Test
  void countMergesItemsThatShareADateAndIsAnIntervalWhenItemsAreUnknown() {
    String cond =
        "left: {count: convictions, distinct: ['convictions[].offense_date']}\nop: '<'\nright: 3";
    assertThat(
            eval(
                    cond,
                    "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-01-01'},{'offense_date':'2011-01-01'}]}")
                .truth())
        .as("two convictions from one date count once")
        .isEqualTo(Truth.TRUE);
    assertThat(
            eval(
                    cond,
                    "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-02-01'},{'offense_date':'2011-01-01'}]}")
                .truth())
        .isEqualTo(Truth.FALSE);
    Result open =
        eval(
            cond,
            "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-02-01'},{}]}");
    assertThat(open.truth())
        .as("an undated third conviction may share a date")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(open.missing())
        .extracting(Missing::at)
        .containsExactly("convictions[2].offense_date");
  }

  @Test
  void anOuterItemStaysReachableInsideANestedQuantifier() {
    String cond =
        """
        exists: removals
        where:
          exists: daca_history
          where:
            left: {fact: "daca_history[].expiration_date"}
            op: on_or_after
            right: {fact: "removals[].departure_date"}
        """;
    assertThat(
            eval(
                    cond,
                    "{'removals':[{'departure_date':'2015-01-01'}],'daca_history':[{'expiration_date':'2016-01-01'}]}")
                .truth())
        .isEqualTo(Truth.TRUE);
    assertThat(
            eval(
                    cond,
                    "{'removals':[{'departure_date':'2017-01-01'}],'daca_history':[{'expiration_date':'2016-01-01'}]}")
                .truth())
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void theEarliestOfNoItemsComparesFalse() {
    Result r =
        eval("left: {earliest: 'entries[].date'}\nop: before\nright: 2007-06-15", "{'entries':[]}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
  }

  @Test
  void aReviewIsUnknownAndNamesThePoint() {
    Result r = eval("review: circuit law differs\nid: circuit-law", "{}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing())
        .extracting(Missing::kind, Missing::path, Missing::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Missing.Kind.REVIEW, "circuit-law", "circuit law differs"));
  }

  @Test
  void aMisspeltFactIsALocatedErrorWithASuggestion() {
    List<String> errors = compileErrors("exists: entries\nwhere: 'entries[].dat < 2007-06-15'");
    assertThat(errors)
        .singleElement()
        .asString()
        .startsWith("test.yaml:2:8: unknown fact 'entries[].dat' — did you mean 'entries[].date'?");
  }

  @Test
  void aValueOutsideTheEnumerationIsAnError() {
    assertThat(compileErrors("'convictions_level == x'"))
        .singleElement()
        .asString()
        .contains("unknown fact");
    assertThat(compileErrors("exists: convictions\nwhere: 'convictions[].level == felon'"))
        .singleElement()
        .asString()
        .contains(
            "'felon' is not a value of convictions[].level; expected one of: felony, infraction, misdemeanor, unknown");
  }

  @Test
  void anItemFieldOutsideItsListIsAnError() {
    assertThat(compileErrors("'entries[].date < 2007-06-15'"))
        .singleElement()
        .asString()
        .contains("is a field of each item of 'entries'");
  }

  @Test
  void comparingADateWithANumberIsATypeError() {
    assertThat(compileErrors("'birth_date < 12'"))
        .singleElement()
        .asString()
        .contains("is not a date");
  }

  // ---- joins, totals, picks, facts on both sides, parameters
  // -------------------------------------

  private static final String REMOVAL_RESTED_ON_A_VACATED_CONVICTION =
      "exists: removals\nwhere:\n"
          + "  exists: convictions\n  named_by: 'removals[].basis_conviction_ids'\n"
          + "  where: {exists: 'convictions[].post_conviction', where: 'convictions[].post_conviction[].type == vacatur_legal_defect'}";

  @Test
  void aJoinReadsOnlyTheItemsTheIdsName() {
    // a vacated DUI does not cure a removal that rested on an untouched trafficking conviction
    String person =
        "{'removals':[{'basis_conviction_ids':['c2']}],'convictions':["
            + "{'id':'c1','post_conviction':[{'type':'vacatur_legal_defect'}]},{'id':'c2','post_conviction':[]}]}";
    assertThat(eval(REMOVAL_RESTED_ON_A_VACATED_CONVICTION, person).truth()).isEqualTo(Truth.FALSE);
    String named = person.replace("['c2']", "['c1']");
    assertThat(eval(REMOVAL_RESTED_ON_A_VACATED_CONVICTION, named).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void anEveryOverAJoinRequiresOnlyTheNamedItems() {
    String every =
        "exists: removals\nwhere:\n  every: convictions\n  named_by: 'removals[].basis_conviction_ids'\n"
            + "  where: {exists: 'convictions[].post_conviction', where: 'convictions[].post_conviction[].type == vacatur_legal_defect'}";
    String person =
        "{'removals':[{'basis_conviction_ids':['c1']}],'convictions':["
            + "{'id':'c1','post_conviction':[{'type':'vacatur_legal_defect'}]},{'id':'c2','post_conviction':[]}]}";
    assertThat(eval(every, person).truth())
        .as("c2 is not named, so it need not be vacated")
        .isEqualTo(Truth.TRUE);
    assertThat(eval(every, person.replace("['c1']", "['c1','c2']")).truth()).isEqualTo(Truth.FALSE);
    Result unknownIds =
        eval(
            every,
            person
                .replace("'basis_conviction_ids':['c1']", "'x':1")
                .replace(",'x':1", "")
                .replace("{'x':1}", "{}"));
    assertThat(unknownIds.truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void unknownIdsLeaveAJoinUnknownUnlessNoItemCouldQualify() {
    String some =
        "{'removals':[{}],'convictions':[{'id':'c1','post_conviction':[{'type':'vacatur_legal_defect'}]}]}";
    Result r = eval(REMOVAL_RESTED_ON_A_VACATED_CONVICTION, some);
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing())
        .extracting(Missing::at)
        .containsExactly("removals[0].basis_conviction_ids");
    String none = "{'removals':[{}],'convictions':[{'id':'c1','post_conviction':[]}]}";
    assertThat(eval(REMOVAL_RESTED_ON_A_VACATED_CONVICTION, none).truth())
        .as("whatever the ids, no conviction was vacated")
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void anIdNoItemCarriesIsAnItemOfWhichNothingIsKnown() {
    String person =
        "{'removals':[{'basis_conviction_ids':['c9']}],'convictions':[{'id':'c1','post_conviction':[]}]}";
    Result r = eval(REMOVAL_RESTED_ON_A_VACATED_CONVICTION, person);
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing()).extracting(Missing::path).contains("removals[].basis_conviction_ids");
    String count =
        "exists: removals\nwhere:\n  left: {count: convictions, named_by: 'removals[].basis_conviction_ids'}\n"
            + "  op: '=='\n  right: 1";
    assertThat(eval(count, person).truth()).as("0 or 1 named convictions").isEqualTo(Truth.UNKNOWN);
    assertThat(eval(count, person.replace("c9", "c1")).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void totalDaysCountsTheUnionOfPeriodsInsideTheWindow() {
    // overlapping periods count once: 2000-01-01..2000-01-10 and 2000-01-06..2000-01-20 are 20 days
    String overlap =
        "left: {total_days: status_history, start: 'status_history[].start', end: 'status_history[].end'}"
            + "\nop: '=='\nright: $n";
    String person =
        "{'status_history':[{'start':'2000-01-01','end':'2000-01-10','status':'no_status'},"
            + "{'start':'2000-01-06','end':'2000-01-20','status':'no_status'}]}";
    assertThat(evalWith(overlap.replace("$n", "20"), person).truth()).isEqualTo(Truth.TRUE);
    assertThat(evalWith(overlap.replace("$n", "25"), person).truth()).isEqualTo(Truth.FALSE);
    // a window cuts the periods: from the departure on 2000-01-11 only 10 days remain
    String windowed =
        "exists: removals\nwhere:\n  left: {total_days: status_history, start: 'status_history[].start',"
            + " end: 'status_history[].end', from: 'removals[].departure_date'}\n  op: '=='\n  right: 10";
    assertThat(
            evalWith(
                    windowed,
                    person.replace(
                        "{'status_history'",
                        "{'removals':[{'departure_date':'2000-01-11'}],'status_history'"))
                .truth())
        .isEqualTo(Truth.TRUE);
    // only the periods the condition keeps count
    String kept =
        "left: {total_days: status_history, start: 'status_history[].start', end: 'status_history[].end',"
            + " where: 'status_history[].status == lpr'}\nop: '=='\nright: 0";
    assertThat(evalWith(kept, person).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void anUnknownEndLeavesTheTotalOpenOnlyWhereItMatters() {
    String atLeast =
        "left: {total_days: status_history, start: 'status_history[].start', end: 'status_history[].end'}"
            + "\nop: '>='\nright: 10";
    Result open = eval(atLeast, "{'status_history':[{'start':'2000-01-01'}]}");
    assertThat(open.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(open.missing()).extracting(Missing::at).containsExactly("status_history[0].end");
    assertThat(
            eval(atLeast, "{'status_history':[{'start':'2000-01-01','end':'2000-03-01'}]}").truth())
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void laterAndEarlierPickADateAndADateThatDoesNotExistGivesWay() {
    String later =
        "left: {later: [birth_date, {earliest: 'entries[].date'}]}\nop: '=='\nright: {date: 2001-01-01}";
    assertThat(
            evalWith(later, "{'birth_date':'1990-01-01','entries':[{'date':'2001-01-01'}]}")
                .truth())
        .isEqualTo(Truth.TRUE);
    assertThat(evalWith(later, "{'birth_date':'2001-01-01','entries':[]}").truth())
        .as("no entry: the birth date stands")
        .isEqualTo(Truth.TRUE);
    String earlier = later.replace("later", "earlier").replace("2001-01-01}", "1990-01-01}");
    assertThat(
            evalWith(earlier, "{'birth_date':'1990-01-01','entries':[{'date':'2001-01-01'}]}")
                .truth())
        .isEqualTo(Truth.TRUE);
    assertThat(
            evalWith(
                    earlier,
                    "{'birth_date':'1990-01-01','entries':[{'date':'2001-01-01', 'manner':'paroled'}]}")
                .truth())
        .isEqualTo(Truth.TRUE);
    // a date sure to exist stays sure, even beside one that may not exist
    String sure =
        "left: {earlier: [birth_date, {earliest: 'entries[].date', where: 'entries[].manner == admitted'}]}"
            + "\nop: '=='\nright: {date: 1990-01-01}";
    assertThat(
            evalWith(sure, "{'birth_date':'1990-01-01','entries':[{'date':'2001-01-01'}]}").truth())
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void aCompactComparisonMayPutAFactOnTheRight() {
    String cond = "exists: entries\nwhere: 'entries[].date after birth_date'";
    assertThat(eval(cond, "{'birth_date':'1990-01-01','entries':[{'date':'2001-01-01'}]}").truth())
        .isEqualTo(Truth.TRUE);
    assertThat(eval(cond, "{'birth_date':'2002-01-01','entries':[{'date':'2001-01-01'}]}").truth())
        .isEqualTo(Truth.FALSE);
    Result open = eval(cond, "{'entries':[{'date':'2001-01-01'}]}");
    assertThat(open.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(open.missing()).extracting(Missing::path).containsExactly("birth_date");
  }

  @Test
  void aWordThatIsAlsoAFactNameStaysAWordWhereTheFactAllowsIt() {
    // 'none' is a value of security_concern, not a fact: the right side is the word
    assertThat(eval("'security_concern == none'", "{'security_concern':'none'}").truth())
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void aDateOrNumberWrittenIntoAConditionIsReportedWithWhatToDo() {
    List<Diagnostic> problems = new ArrayList<>();
    compile("'birth_date >= 1981-06-16'", problems);
    assertThat(problems)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.render())
                  .startsWith("test.yaml:1:1:")
                  .contains("the date 1981-06-16 is written into the condition")
                  .contains("parameters:")
                  .contains("$name");
            });
    List<Diagnostic> plain = new ArrayList<>();
    compile("left: {count: convictions}\nop: '>'\nright: 0", plain);
    assertThat(plain).as("0 and 1 are plain numbers").isEmpty();
    List<Diagnostic> age = new ArrayList<>();
    compile("left: {earliest: 'entries[].date'}\nop: before\nright: {birthday: 16}", age);
    assertThat(age)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("the number 16"));
  }

  @Test
  void anUnknownParameterIsALocatedError() {
    assertThat(compileErrors("'birth_date >= $nowhere'"))
        .singleElement()
        .asString()
        .startsWith("test.yaml:1:1: unknown parameter 'nowhere'");
  }

  @Test
  void aReviewPointNeedsAnId() {
    assertThat(compileErrors("review: judge it"))
        .singleElement()
        .asString()
        .contains("needs an 'id'");
  }

  @Test
  void theFactValueComparisonFormIsGone() {
    assertThat(compileErrors("fact: birth_date\nop: '>='\nvalue: 1981-06-16"))
        .singleElement()
        .asString()
        .contains("unknown key 'fact'");
  }

  @Test
  void aConditionKnowsWhetherItCanBeFalse() {
    List<Diagnostic> problems = new ArrayList<>();
    assertThat(
            compile("any: ['security_concern == none', {review: judge, id: j}]", problems)
                .canBeFalse())
        .isFalse();
    assertThat(
            compile(
                    "any: ['security_concern == none', {review: judge, id: j, if: 'security_concern == alleged'}]",
                    problems)
                .canBeFalse())
        .isTrue();
    assertThat(
            compile("not: {exists: convictions, where: {review: judge, id: j}}", problems)
                .canBeFalse())
        .as("an exists over review points is never true")
        .isFalse();
    assertThat(compile("every: convictions\nwhere: {review: judge, id: j}", problems).canBeTrue())
        .isTrue();
  }

  /** Compiles with a parameter n (a number) and the literal check off, for arithmetic cases. */
  private static Result evalWith(String yaml, String personJson) {
    List<Diagnostic> problems = new ArrayList<>();
    Node node = NodeReader.readYaml(new StringReader(yaml), "test.yaml");
    Texts texts = new Texts(new SpanishTwin(null, new Translations(), problems), problems);
    Condition c =
        new ConditionCompiler(
                Fixtures.rules().facts(),
                Map.of(),
                Map.of(),
                problems,
                texts,
                null,
                false,
                new Canon(),
                "test")
            .condition(node);
    assertThat(problems.stream().filter(Diagnostic::isError)).as("compile problems").isEmpty();
    EvalContext ctx = new EvalContext(Fixtures.person(personJson).facts(), AS_OF);
    Truth t = c.eval(ctx);
    return new Result(t, ctx.missingSince(0));
  }
}
