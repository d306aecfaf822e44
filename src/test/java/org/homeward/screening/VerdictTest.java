package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.homeward.Fixtures;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.person.PartialDate;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSource;
import org.homeward.ruletest.RuleTestRunner;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private final Screener screener = new Screener(Fixtures.rules());

  @Test
  void aPersonWithNoFactsIsOpenEverywhereAndAskedEachFactOnce() {
    Person nobody = Fixtures.person("{}");
    Verdict v = screener.verdict(nobody, TODAY);
    assertThat(v.asOf()).isEqualTo(TODAY);
    assertThat(v.categories())
        .extracting(Verdict.CategoryOutcome::id)
        .containsExactlyElementsOf(
            Fixtures.rules().categories().stream().map(c -> c.id()).toList());
    assertThat(v.categories())
        .extracting(Verdict.CategoryOutcome::outcome)
        .containsOnly(Outcome.NEEDS_INFO);
    assertThat(v.outcome("daca")).isEqualTo(Outcome.NEEDS_INFO);
    assertThat(v.barriers())
        .hasSize(Fixtures.rules().barriers().size())
        .extracting(Verdict.BarrierFlag::status)
        .containsOnly(BarrierStatus.POSSIBLE);
    assertThat(v.status("aggravated-felony")).isEqualTo(BarrierStatus.POSSIBLE);
    assertThat(v.missing()).isNotEmpty();
    assertThat(v.missing().stream().map(MissingFact::at).distinct().count())
        .isEqualTo(v.missing().size());
    assertThat(v).isEqualTo(Verdict.of(screener.screen(nobody, TODAY, false)));
  }

  @Test
  void everySampleGetsTheVerdictItsFullScreeningImplies() throws IOException {
    PersonBuilder builder = new PersonBuilder(Fixtures.rules().facts());
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        Node node = NodeReader.readJson(Files.newBufferedReader(file), file.toString());
        Person person = builder.build(node, file.toString()).person();
        assertThat(screener.verdict(person, TODAY))
            .as("%s", file)
            .isEqualTo(Verdict.of(screener.screen(person, TODAY, false)));
      }
    }
  }

  /**
   * The rule test cases are written to reach every criterion met, not met and unknown: the edge
   * cases.
   */
  @Test
  void everyRuleTestCaseGetsTheVerdictItsFullScreeningImplies() {
    RuleTestRunner runner =
        new RuleTestRunner(Fixtures.rules(), RuleSource.directory(Fixtures.RULES_DIR));
    PersonBuilder builder = new PersonBuilder(Fixtures.rules().facts());
    Set<Outcome> seen = new HashSet<>();
    int checked = 0;
    for (RuleTestRunner.TestCase c : runner.cases()) {
      if (!(c.body() instanceof Node.Mapping m)
          || !(m.get("as_of") instanceof Node.Scalar asOfText)) {
        continue;
      }
      LocalDate asOf = PartialDate.parse(asOfText.text()).first();
      Node facts =
          m.get("facts") == null
              ? new Node.Mapping(m.location(), Map.of(), Map.of())
              : m.get("facts");
      Person person = builder.build(facts, c.name()).person();
      Verdict v = screener.verdict(person, asOf);
      assertThat(v)
          .as("%s: %s", c.category(), c.name())
          .isEqualTo(Verdict.of(screener.screen(person, asOf, false)));
      v.categories().forEach(o -> seen.add(o.outcome()));
      checked++;
    }
    assertThat(checked).isGreaterThan(600);
    assertThat(seen).containsExactlyInAnyOrder(Outcome.values());
  }

  /**
   * The batch row's next questions are the interview's: the facts the most open results wait on.
   */
  @Test
  void theNextQuestionsAreTheInterviewsRanking() {
    RuleTestRunner runner =
        new RuleTestRunner(Fixtures.rules(), RuleSource.directory(Fixtures.RULES_DIR));
    PersonBuilder builder = new PersonBuilder(Fixtures.rules().facts());
    int asked = 0;
    for (RuleTestRunner.TestCase c : runner.cases()) {
      if (!(c.body() instanceof Node.Mapping m)
          || !(m.get("as_of") instanceof Node.Scalar asOfText)) {
        continue;
      }
      LocalDate asOf = PartialDate.parse(asOfText.text()).first();
      Node facts =
          m.get("facts") == null
              ? new Node.Mapping(m.location(), Map.of(), Map.of())
              : m.get("facts");
      Person person = builder.build(facts, c.name()).person();
      Screening s = screener.screen(person, asOf, false);
      org.homeward.interview.Interview.Question q =
          org.homeward.interview.Interview.choose(s, Fixtures.rules(), Set.of());
      List<MissingFact> next = screener.verdict(person, asOf).questions(3, Set.of());
      if (q == null) {
        assertThat(next).as(c.name()).isEmpty();
      } else {
        assertThat(next).as(c.name()).isNotEmpty();
        assertThat(next.get(0).at()).as(c.name()).isEqualTo(q.at());
        assertThat(screener.verdict(person, asOf).waitsOn(next.get(0))).isEqualTo(q.weight());
        asked++;
      }
    }
    assertThat(asked).isGreaterThan(500);
  }

  @Test
  void missingFactsKeepTheirKindPathAndQuestion() {
    Person person = Fixtures.person("{'birth_date':'1990'}");
    Verdict v = screener.verdict(person, TODAY);
    assertThat(v.missing())
        .anySatisfy(
            m -> {
              assertThat(m.kind()).isEqualTo(Missing.Kind.INEXACT);
              assertThat(m.path()).isEqualTo("birth_date");
              assertThat(m.at()).isEqualTo("birth_date");
              assertThat(m.question()).startsWith("Exact date needed. ");
            });
    assertThat(v.missing()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(Missing.Kind.REVIEW));
  }

  @Test
  void verdictsWithTheSameContentsAreEqual() {
    Verdict a = screener.verdict(Fixtures.person("{}"), TODAY);
    Verdict b = screener.verdict(Fixtures.person("{}"), TODAY);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("NEEDS_INFO");
    assertThat(screener.verdict(Fixtures.person("{}"), TODAY.plusDays(1))).isNotEqualTo(a);
  }
}
