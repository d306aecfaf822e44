package org.homeward.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.homeward.document.Diagnostic;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader builds from several files together: links, shared concepts, coverage, twins,
 * opens_on.
 */
class RuleSetLoadingTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);

  @TempDir Path dir;

  /**
   * A rule set of the given categories (id -> rule.yaml body after the header), with the real fact
   * catalogue.
   */
  private Path ruleSet(Map<String, String> categories, String concepts) throws IOException {
    Files.copy(Path.of("rules/facts.yaml"), dir.resolve("facts.yaml"));
    Files.writeString(
        dir.resolve("ruleset.yaml"),
        "version: t\ncategories: [" + String.join(", ", categories.keySet()) + "]\n");
    for (Map.Entry<String, String> c : categories.entrySet()) {
      Files.createDirectories(dir.resolve(c.getKey()));
      Files.writeString(
          dir.resolve(c.getKey() + "/rule.yaml"),
          "id: "
              + c.getKey()
              + "\ntitle: "
              + c.getKey()
              + "\ncitations: [{id: c, title: A source}]\n"
              + c.getValue());
    }
    if (concepts != null) {
      Files.createDirectories(dir.resolve("concepts"));
      Files.writeString(dir.resolve("concepts/concepts.yaml"), concepts);
    }
    return dir;
  }

  private static List<String> errors(Path rules) {
    return RuleLoader.check(RuleSource.directory(rules)).stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::render)
        .toList();
  }

  private static Person person(RuleSet rules, String json) {
    return new PersonBuilder(rules.facts())
        .build(NodeReader.readJson(new StringReader(json.replace('\'', '"')), "t"), "t")
        .person();
  }

  private static final String CITIZEN =
      """
      paths:
        - id: born-here
          criteria:
            - {id: born-in-a-state, text: Born here., citation: c, question: Where, when: "birth_place_type == us_state_or_dc"}
      """;

  private static final String LINKED =
      """
      paths:
        - id: via-citizen
          criteria:
            - {id: may-be-citizen, text: May be a citizen., citation: c, question: Which, when: {category: citizen}}
        - id: via-path
          criteria:
            - {id: born-path, text: Born here path., citation: c, question: Which, when: {path: citizen/born-here}}
      """;

  @Test
  void aConditionReadsAnotherCategorysOutcomeWithItsMissingFacts() throws IOException {
    RuleSet rules =
        RuleLoader.load(
            RuleSource.directory(ruleSet(Map.of("citizen", CITIZEN, "linked", LINKED), null)));
    Screener screener = new Screener(rules);
    Screening open = screener.screen(person(rules, "{}"), AS_OF, false);
    CategoryResult linked = open.category("linked");
    assertThat(linked.outcome()).isEqualTo(Outcome.NEEDS_INFO);
    assertThat(linked.missing()).extracting(MissingFact::path).containsExactly("birth_place_type");
    assertThat(
            screener
                .screen(person(rules, "{'birth_place_type':'us_state_or_dc'}"), AS_OF, false)
                .category("linked")
                .outcome())
        .isEqualTo(Outcome.MAY_FIT);
    assertThat(
            screener
                .screen(person(rules, "{'birth_place_type':'abroad'}"), AS_OF, false)
                .category("linked")
                .outcome())
        .isEqualTo(Outcome.DOES_NOT_FIT);
    // the batch verdict reads the same links
    Person p = person(rules, "{}");
    assertThat(screener.verdict(p, AS_OF)).isEqualTo(Verdict.of(screener.screen(p, AS_OF, false)));
  }

  @Test
  void aCycleOfLinksIsRejectedWhereItCloses() throws IOException {
    String a =
        """
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {category: b}}
        """;
    String b =
        """
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {path: a/p}}
        """;
    assertThat(errors(ruleSet(Map.of("a", a, "b", b), null)))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("a cycle of linked results")
                    .contains("a/p")
                    .contains("b/p")
                    .contains("cannot depend on itself"));
  }

  @Test
  void aManifestOfTheWrongShapeGetsLocatedErrorsNotACrash() throws IOException {
    Path rules = ruleSet(Map.of("citizen", CITIZEN), null);
    Files.writeString(
        rules.resolve("ruleset.yaml"),
        "version: t\ncategories:\n  - citizen\n  - {id: other}\nbarriers: bar-x\nbariers: []\n");
    List<String> errors = errors(rules);
    assertThat(errors)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("ruleset.yaml:4:")
                    .contains("expected the id of a category (the name of its folder)"));
    assertThat(errors)
        .as("a word where the list of barriers goes is not silently no barriers")
        .anySatisfy(e -> assertThat(e).contains("ruleset.yaml:5:").contains("expected a list"));
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("unknown key 'bariers' in ruleset.yaml"));
  }

  @Test
  void aBooleanParameterIsTrueOrFalseNotAnyOtherWord() throws IOException {
    String body =
        """
        parameters:
          - id: flag
            type: boolean
            text: A flag.
            values: [{value: yes please, citation: c}]
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {left: {fact: currently_in_us}, op: "==", right: $flag}}
        """;
    assertThat(errors(ruleSet(Map.of("a", body), null)))
        .as("'yes please' was read as false without a word")
        .anySatisfy(e -> assertThat(e).contains("a/rule.yaml:").contains("expected true or false"));
  }

  @Test
  void aLinkToNothingIsALocatedError() throws IOException {
    String a =
        """
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {path: citizen/nowhere}}
              - {id: m, text: M., citation: c, question: Which, when: {barrier: nobar}}
        """;
    List<String> errors = errors(ruleSet(Map.of("citizen", CITIZEN, "a", a), null));
    assertThat(errors)
        .anySatisfy(
            e -> assertThat(e).contains("a/rule.yaml:").contains("no path 'citizen/nowhere'"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("no barrier 'nobar'"));
  }

  @Test
  void aRuleFileLargerThanAnyRuleNeedsIsRefusedNotLoaded() throws IOException {
    Path rules = ruleSet(Map.of("citizen", CITIZEN), null);
    try (var out = Files.newOutputStream(rules.resolve("citizen/rule.yaml"))) {
      byte[] line =
          "# padding padding padding padding padding padding padding padding padding\n".getBytes();
      for (long n = 0; n <= RuleSource.MAX_FILE_BYTES / line.length; n++) {
        out.write(line);
      }
    }
    assertThat(errors(rules))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("citizen/rule.yaml")
                    .contains("cannot read the file")
                    .contains("larger than 8 MB"));
  }

  private static final String CONCEPTS =
      """
      title: Concepts
      citations: [{id: k, title: A source}]
      parameters:
        - {id: adult_age, type: number, text: Adulthood., values: [{value: 18, citation: k}]}
      definitions:
        - id: adult_now
          text: An adult now.
          citation: k
          when: {left: {birthday: $adult_age}, op: on_or_before, right: as_of}
      """;

  @Test
  void aSharedConceptAndItsParameterServeEveryFileAndCannotBeRedefined() throws IOException {
    String uses =
        """
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {ref: adult_now}}
        """;
    RuleSet rules = RuleLoader.load(RuleSource.directory(ruleSet(Map.of("uses", uses), CONCEPTS)));
    Screener screener = new Screener(rules);
    assertThat(
            screener
                .screen(person(rules, "{'birth_date':'2000-01-01'}"), AS_OF, false)
                .category("uses")
                .outcome())
        .isEqualTo(Outcome.MAY_FIT);
    assertThat(
            rules
                .concepts()
                .evaluate("adult_now", person(rules, "{'birth_date':'2020-01-01'}").facts(), AS_OF))
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void aFileThatRedefinesASharedConceptOrParameterIsRejected() throws IOException {
    String redefines =
        """
        parameters:
          - {id: adult_age, type: number, text: Again., values: [{value: 21, citation: c}]}
        definitions:
          - {id: adult_now, when: "birth_date before 2000-01-01"}
        paths:
          - id: p
            criteria:
              - {id: k, text: K., citation: c, question: Which, when: {ref: adult_now}}
        """;
    List<String> errors = errors(ruleSet(Map.of("redefines", redefines), CONCEPTS));
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("'adult_now' is a shared legal concept"));
    assertThat(errors)
        .anySatisfy(
            e -> assertThat(e).contains("'adult_age' is a parameter of the shared legal concepts"));
  }

  @Test
  void aSharedConceptCannotReadACategorysResult() throws IOException {
    String concepts =
        CONCEPTS
            + """
          - {id: bad, text: Bad., citation: k, when: {category: citizen}}
        """;
    assertThat(errors(ruleSet(Map.of("citizen", CITIZEN), concepts)))
        .anySatisfy(e -> assertThat(e).contains("a shared legal concept speaks only of facts"));
  }

  @Test
  void anUnverifiedCriterionThatCouldFailIsRejected() throws IOException {
    String rule =
        """
        paths:
          - id: p
            criteria:
              - id: can-fail
                text: T.
                citation: c
                question: Which
                unverified: true
                when: {any: ["security_concern == none", {review: judge, id: judge, if: "security_concern == alleged"}]}
              - id: cannot-fail
                text: T.
                citation: c
                question: Which
                unverified: true
                when: {any: ["security_concern == none", {review: judge it, id: judge-2}]}
        """;
    List<String> errors = errors(ruleSet(Map.of("u", rule), null));
    assertThat(errors)
        .singleElement()
        .asString()
        .contains("criterion 'can-fail' is marked unverified")
        .contains("never not met");
  }

  private static final String COVERED =
      """
      parameters:
        - {id: old_law_ends, type: date, text: The old law ends., values: [{value: 1986-11-13, citation: c}]}
      paths:
        - id: current-law
          criteria:
            - {id: born-late, text: Born on or after 1986-11-14., citation: c, question: When,
               when: "birth_date after $old_law_ends"}
            - {id: abroad, text: Born abroad., citation: c, question: Where, when: "birth_place_type == abroad"}
      coverage:
        - id: acquisition
          text: acquisition through the father
          date: {fact: birth_date}
          date_text: birth date
          when: "birth_place_type == abroad"
          encoded:
            - {from: 1986-11-14, paths: [current-law]}
          citation: c
      """;

  @Test
  void aDateWhereNoPathEncodesTheLawNeedsAnAttorneyNeverDoesNotFit() throws IOException {
    RuleSet rules = RuleLoader.load(RuleSource.directory(ruleSet(Map.of("cov", COVERED), null)));
    Screener screener = new Screener(rules);
    CategoryResult before =
        screener
            .screen(
                person(rules, "{'birth_date':'1970-05-05','birth_place_type':'abroad'}"),
                AS_OF,
                false)
            .category("cov");
    assertThat(before.outcome()).isEqualTo(Outcome.NEEDS_INFO);
    assertThat(before.missing())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.path()).isEqualTo("acquisition");
              assertThat(m.at())
                  .contains("before 1986-11-14")
                  .contains("acquisition through the father");
            });
    assertThat(
            screener
                .screen(
                    person(rules, "{'birth_date':'1990-05-05','birth_place_type':'abroad'}"),
                    AS_OF,
                    false)
                .category("cov")
                .outcome())
        .isEqualTo(Outcome.MAY_FIT);
    assertThat(
            screener
                .screen(
                    person(
                        rules, "{'birth_date':'1970-05-05','birth_place_type':'us_state_or_dc'}"),
                    AS_OF,
                    false)
                .category("cov")
                .outcome())
        .as("outside the branch, nothing is left open")
        .isEqualTo(Outcome.DOES_NOT_FIT);
    assertThat(rules.category("cov").coverage())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.gaps())
                    .extracting(Encoding.Span::describe)
                    .containsExactly("before 1986-11-14"));
  }

  @Test
  void gapsAreTheComplementOfTheEncodedPeriods() {
    List<Encoding.Span> gaps =
        RuleLoader.gaps(
            List.of(
                new Encoding.Span(
                    LocalDate.of(1952, 12, 24), LocalDate.of(1986, 11, 13), List.of("a")),
                new Encoding.Span(LocalDate.of(1990, 1, 1), null, List.of("b"))));
    assertThat(gaps)
        .extracting(Encoding.Span::describe)
        .containsExactly("before 1952-12-24", "from 1986-11-14 to 1989-12-31");
    assertThat(RuleLoader.gaps(List.of(new Encoding.Span(null, null, List.of("a"))))).isEmpty();
  }

  @Test
  void aPathMaySayWhenTimeAloneOpensIt() throws IOException {
    String rule =
        """
        parameters:
          - {id: adult_age, type: number, text: Adulthood., values: [{value: 21, citation: c}]}
        paths:
          - id: parent-of-adult
            opens_on: {add_years: [{earliest: "relatives[].birth_date", where: "relatives[].relationship == child"}, $adult_age]}
            criteria:
              - id: adult-child
                text: A child is 21.
                citation: c
                question: Which
                when:
                  exists: relatives
                  where:
                    all:
                      - "relatives[].relationship == child"
                      - {left: {add_years: ["relatives[].birth_date", $adult_age]}, op: on_or_before, right: as_of}
        """;
    RuleSet rules = RuleLoader.load(RuleSource.directory(ruleSet(Map.of("fam", rule), null)));
    Screener screener = new Screener(rules);
    Person young =
        person(rules, "{'relatives':[{'relationship':'child','birth_date':'2010-03-04'}]}");
    CategoryResult r = screener.screen(young, AS_OF, false).category("fam");
    assertThat(r.outcome()).isEqualTo(Outcome.DOES_NOT_FIT);
    assertThat(r.opensOn()).isEqualTo(LocalDate.of(2031, 3, 4));
    assertThat(r.paths().get(0).opensOn()).isEqualTo(LocalDate.of(2031, 3, 4));
    assertThat(screener.verdict(young, AS_OF).categories().get(0).opensOn())
        .isEqualTo(LocalDate.of(2031, 3, 4));
    Person grown =
        person(rules, "{'relatives':[{'relationship':'child','birth_date':'2000-03-04'}]}");
    assertThat(screener.screen(grown, AS_OF, false).category("fam").opensOn())
        .as("already open")
        .isNull();
  }

  @Test
  void aDateOrNumberWrittenIntoAConditionFailsTheCheckWhereItStands() throws IOException {
    String rule =
        """
        paths:
          - id: p
            criteria:
              - id: born-late
                text: Born late.
                citation: c
                question: When
                when: "birth_date >= 1981-06-16"
              - id: came-young
                text: Came young.
                citation: c
                question: When
                when: {exists: entries, where: {left: {fact: "entries[].date"}, op: before, right: {birthday: 16}}}
        """;
    List<String> errors = errors(ruleSet(Map.of("lit", rule), null));
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0))
        .contains("lit/rule.yaml:11:15:")
        .contains("the date 1981-06-16 is written into the condition");
    assertThat(errors.get(1))
        .contains("lit/rule.yaml:16:")
        .contains("the number 16 is written into the condition");
  }

  /** The one-category rule set with the given Spanish twin beside its rule file. */
  private Path citizenWithTwin(String twin) throws IOException {
    Path rules = ruleSet(Map.of("citizen", CITIZEN), null);
    Files.writeString(rules.resolve("citizen/rule.es.yaml"), twin);
    return rules;
  }

  @Test
  void aSpanishTwinWhoseIdIsGoneIsReported() throws IOException {
    Path rules =
        citizenWithTwin(
            """
        criteria:
          born-in-a-state:
            text: Nació aquí.
            question: ¿Dónde?
          born-there:
            text: Nació allá.
        """);
    List<String> errors = errors(rules);
    assertThat(errors)
        .singleElement()
        .asString()
        .contains("citizen/rule.es.yaml:6:")
        .contains("'criteria/born-there/text' has no English text with that id");
    Files.writeString(
        rules.resolve("citizen/rule.es.yaml"),
        "criteria:\n  born-in-a-state:\n    text: Nació aquí.\n");
    RuleSet set = RuleLoader.load(RuleSource.directory(rules));
    assertThat(set.translations().get("Born here.", "es")).isEqualTo("Nació aquí.");
    assertThat(set.translations().untranslated()).contains("citizen");
  }

  @Test
  void aSpanishTwinSectionOfTheWrongNameIsReportedOnceNotForEachId() throws IOException {
    Path rules =
        citizenWithTwin(
            """
        criterias:
          born-in-a-state:
            text: Nació aquí.
            question: ¿Dónde?
        """);
    assertThat(errors(rules))
        .as("its ids are texts of another section: that one is named")
        .singleElement()
        .asString()
        .contains("citizen/rule.es.yaml:3:")
        .contains("2 Spanish twins under 'criterias', from here on, are texts of 'criteria'")
        .contains("is the line 'criteria:' missing above this one, or 'criterias' misspelt?");
    Files.writeString(
        rules.resolve("citizen/rule.es.yaml"),
        "criteria:\n  born-in-a-state:\n    text: Nació aquí.\n"
            + "extras:\n  nothing:\n    text: Nada.\n  none:\n    text: Nada.\n");
    assertThat(errors(rules))
        .as("its ids are texts of no section")
        .singleElement()
        .asString()
        .contains("citizen/rule.es.yaml:4:")
        .contains("no English text is in a section 'extras'");
  }

  @Test
  void aReviewTwinIsAnOrphanOnlyWhenItsConditionCompiled() throws IOException {
    String rule =
        """
        paths:
          - id: p
            criteria:
              - id: safe
                text: Safe.
                citation: c
                question: Which
                when: {any: ["security_concern == none", {review: Judge it., id: judge, if: "security_concern == alleged"}]}
        """;
    String twin = "reviews:\n  judge: Júzguelo.\n  judged: Juzgado.\n";
    Path rules = ruleSet(Map.of("safe", rule), null);
    Files.writeString(rules.resolve("safe/rule.es.yaml"), twin);
    assertThat(errors(rules))
        .as("every condition compiled: a review twin no review claims is an orphan")
        .singleElement()
        .asString()
        .contains("safe/rule.es.yaml:3:")
        .contains("'reviews/judged' has no English text with that id");
    // The condition holding the review now names an unknown fact: that is the one problem. The
    // review inside it was never met, so neither twin is reported: a fix makes them met again.
    Path file = rules.resolve("safe/rule.yaml");
    Files.writeString(
        file, Files.readString(file).replace("security_concern == alleged", "no_such == x"));
    assertThat(errors(rules))
        .singleElement()
        .asString()
        .contains("safe/rule.yaml:")
        .contains("no_such");
  }

  @Test
  void theBundledRuleSetLoadsWithItsLinksResolved() {
    assertThatThrownBy(() -> RuleLoader.load(RuleSource.directory(dir.resolve("none"))))
        .isInstanceOf(ProblemException.class);
    RuleSet bundled = org.homeward.Fixtures.rules();
    assertThat(bundled.concepts().all())
        .extracting(Concepts.Concept::name)
        .contains(
            "standing_conviction",
            "aggravated_felony_conviction",
            "executed_removal",
            "outside_us_now");
  }
}
