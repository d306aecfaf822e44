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
    return new ConditionCompiler(Fixtures.rules().facts(), Map.of(), Map.of(), problems, texts, null, false)
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
    Result r = eval("left: {earliest: 'entries[].date'}\nop: on_or_before\nright: 2007-06-15", "{'entries':[{'date':'2005'}]}");
    // then 2005 is decided to be before 2007-06-15, and nothing is asked
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void aYearThatSpansTheCutOffIsUnknownAndAsksForTheExactDate() {
    Result r = eval("left: {earliest: 'entries[].date'}\nop: on_or_before\nright: 2007-06-15", "{'entries':[{'date':'2007'}]}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing()).extracting(Missing::kind, Missing::path, Missing::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Missing.Kind.INEXACT, "entries[].date", "entries[0].date"));
  }

  @Test
  void aMissingFactIsUnknownNeverFalse() {
    Result r = eval("\"birth_date >= 1981-06-16\"", "{}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing()).extracting(Missing::path).containsExactly("birth_date");
  }

  @Test
  void falseDecidesAnAllAndDropsTheFactsThatNoLongerMatter() {
    Result r = eval("all: ['birth_date >= 1981-06-16', 'security_concern == none']", "{'security_concern':'established'}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
    assertThat(r.missing()).as("a decided result asks nothing").isEmpty();
  }

  @Test
  void trueDecidesAnAnyEvenAgainstUnknown() {
    Result r = eval("any: ['birth_date >= 1981-06-16', 'security_concern == none']", "{'security_concern':'none'}");
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void anUnknownListIsUnknownAndAnEmptyListIsKnownNone() {
    String exists = "exists: convictions\nwhere: 'convictions[].max_penalty_days > 365'";
    assertThat(eval(exists, "{}").truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(eval(exists, "{}").missing()).extracting(Missing::path).containsExactly("convictions");
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
    assertThat(open.missing()).extracting(Missing::at).containsExactly("convictions[0].max_penalty_days");
  }

  @Test
  void anAgeAtEntryStandsInForTheEntryDate() {
    // "came at 9": whatever the exact dates, that is before the 16th birthday
    Result r = eval("left: {earliest: 'entries[].date'}\nop: before\nright: {birthday: 16}",
        "{'birth_date':'1990-05-05','entries':[{'age_at_entry':9}]}");
    assertThat(r.truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void anAgeAtDepartureBoundsAnUnknownBirthDate() {
    // 39 when deported on 2018-01-15: born 1978-01-16 .. 1979-01-15, so not on or after 1981-06-16
    Result r = eval("'birth_date on_or_after 1981-06-16'",
        "{'removals':[{'departure_date':'2018-01-15','age_at_departure':39}]}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
    Result close = eval("'birth_date on_or_after 1978-06-01'",
        "{'removals':[{'departure_date':'2018-01-15','age_at_departure':39}]}");
    assertThat(close.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(close.missing()).extracting(Missing::kind, Missing::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Missing.Kind.INEXACT, "birth_date"));
  }

  @Test
  void aTwentyNinthOfFebruaryBirthdayFallsOnTheFirstOfMarchInCommonYears() {
    // 2017 is a common year: the 17th birthday of a 2000-02-29 birth is 2017-03-01
    String wrap = "exists: entries\nwhere:\n  left: {fact: 'entries[].date'}\n  op: before\n  right: {birthday: 17}";
    assertThat(eval(wrap, "{'birth_date':'2000-02-29','entries':[{'date':'2017-02-28'}]}").truth()).isEqualTo(Truth.TRUE);
    assertThat(eval(wrap, "{'birth_date':'2000-02-29','entries':[{'date':'2017-03-01'}]}").truth()).isEqualTo(Truth.FALSE);
  }

  @Test
  void countMergesItemsThatShareADateAndIsAnIntervalWhenItemsAreUnknown() {
    String cond = "left: {count: convictions, distinct: ['convictions[].offense_date']}\nop: '<'\nright: 3";
    assertThat(eval(cond, "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-01-01'},{'offense_date':'2011-01-01'}]}").truth())
        .as("two convictions from one date count once").isEqualTo(Truth.TRUE);
    assertThat(eval(cond, "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-02-01'},{'offense_date':'2011-01-01'}]}").truth())
        .isEqualTo(Truth.FALSE);
    Result open = eval(cond, "{'convictions':[{'offense_date':'2010-01-01'},{'offense_date':'2010-02-01'},{}]}");
    assertThat(open.truth()).as("an undated third conviction may share a date").isEqualTo(Truth.UNKNOWN);
    assertThat(open.missing()).extracting(Missing::at).containsExactly("convictions[2].offense_date");
  }

  @Test
  void anOuterItemStaysReachableInsideANestedQuantifier() {
    String cond = """
        exists: removals
        where:
          exists: daca_history
          where:
            left: {fact: "daca_history[].expiration_date"}
            op: on_or_after
            right: {fact: "removals[].departure_date"}
        """;
    assertThat(eval(cond, "{'removals':[{'departure_date':'2015-01-01'}],'daca_history':[{'expiration_date':'2016-01-01'}]}").truth())
        .isEqualTo(Truth.TRUE);
    assertThat(eval(cond, "{'removals':[{'departure_date':'2017-01-01'}],'daca_history':[{'expiration_date':'2016-01-01'}]}").truth())
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void theEarliestOfNoItemsComparesFalse() {
    Result r = eval("left: {earliest: 'entries[].date'}\nop: before\nright: 2007-06-15", "{'entries':[]}");
    assertThat(r.truth()).isEqualTo(Truth.FALSE);
  }

  @Test
  void aReviewIsUnknownAndNamesThePoint() {
    Result r = eval("review: circuit law differs\nid: circuit-law", "{}");
    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missing()).extracting(Missing::kind, Missing::path, Missing::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Missing.Kind.REVIEW, "circuit-law", "circuit law differs"));
  }

  @Test
  void aMisspeltFactIsALocatedErrorWithASuggestion() {
    List<String> errors = compileErrors("exists: entries\nwhere: 'entries[].dat < 2007-06-15'");
    assertThat(errors).singleElement().asString()
        .startsWith("test.yaml:2:8: unknown fact 'entries[].dat' — did you mean 'entries[].date'?");
  }

  @Test
  void aValueOutsideTheEnumerationIsAnError() {
    assertThat(compileErrors("'convictions_level == x'")).singleElement().asString().contains("unknown fact");
    assertThat(compileErrors("exists: convictions\nwhere: 'convictions[].level == felon'")).singleElement().asString()
        .contains("'felon' is not a value of convictions[].level; expected one of: felony, infraction, misdemeanor, unknown");
  }

  @Test
  void anItemFieldOutsideItsListIsAnError() {
    assertThat(compileErrors("'entries[].date < 2007-06-15'")).singleElement().asString()
        .contains("is a field of each item of 'entries'");
  }

  @Test
  void comparingADateWithANumberIsATypeError() {
    assertThat(compileErrors("'birth_date < 12'")).singleElement().asString().contains("is not a date");
  }
}
