package org.homeward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.homeward.Fixtures;
import org.homeward.document.Diagnostic;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;

/**
 * A rule set given with {@code --rules} is read like any other input: a rule or test file of the
 * wrong shape gets located errors (or failed cases), never an internal error. Lines of the bundled
 * files are mutated in a copy (see {@link RuleFileMutator}).
 */
class RuleFilesFuzzTest {
  private static Path copy;
  private static List<Path> ruleFiles;
  private static List<Path> testFiles;

  @BeforeContainer
  static void copyTheRules() throws IOException {
    copy = Files.createTempDirectory("homeward-rules-fuzz");
    Fixtures.copyTree(Fixtures.RULES_DIR, copy);
    try (Stream<Path> all = Files.walk(copy)) {
      List<Path> yaml = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      ruleFiles = yaml.stream().filter(p -> !p.endsWith("tests.yaml")).toList();
      testFiles = yaml.stream().filter(p -> p.endsWith("tests.yaml")).toList();
    }
  }

  @AfterContainer
  static void removeTheCopy() throws IOException {
    Fixtures.deleteTree(copy);
  }

  @Property(tries = 40)
  void aMutatedRuleFileGetsDiagnosticsNotAnInternalError(@ForAll long seed) {
    Random r = new Random(seed);
    Path file = ruleFiles.get(r.nextInt(ruleFiles.size()));
    mutated(
        file,
        r,
        () ->
            assertThatCode(() -> RuleLoader.check(RuleSource.directory(copy)))
                .as("%s mutated (seed %d)", copy.relativize(file), seed)
                .doesNotThrowAnyException());
  }

  @Property(tries = 40)
  void aMutatedTestFileFailsItsCasesNotTheRunner(@ForAll long seed) {
    RuleSet rules = Fixtures.rules();
    Random r = new Random(seed);
    Path file = testFiles.get(r.nextInt(testFiles.size()));
    String category = copy.relativize(file).getParent().getFileName().toString();
    mutated(
        file,
        r,
        () ->
            assertThatCode(
                    () -> {
                      RuleTestRunner runner = new RuleTestRunner(rules, RuleSource.directory(copy));
                      for (RuleTestRunner.TestCase t : runner.cases()) {
                        if (t.category().equals(category)) {
                          runner.run(t, null);
                        }
                      }
                    })
                .as("%s mutated (seed %d)", copy.relativize(file), seed)
                .doesNotThrowAnyException());
  }

  @Example
  void wrongShapesFoundByTheFuzzingAreLocatedErrors() throws IOException {
    String facts = Files.readString(copy.resolve("facts.yaml"));
    assertThat(errorsWith("facts.yaml", facts.replaceFirst("values: \\[", "values: [{a: 1}, ")))
        .anySatisfy(e -> assertThat(e).contains("facts.yaml:").contains("'values' holds words"));
    assertThat(errorsWith("facts.yaml", facts.replaceFirst("used_by: \\[", "used_by: [[1], ")))
        .anySatisfy(e -> assertThat(e).contains("'used_by' holds words"));
    String bar = "barriers/bar-9A-prior-removal/rule.yaml";
    assertThat(
            errorsWith(
                bar,
                Files.readString(copy.resolve(bar))
                    .replaceFirst("affects: \\[", "affects: [{a: 1}, ")))
        .anySatisfy(e -> assertThat(e).contains("expected the id of a category, found"));
    String daca = Files.readString(copy.resolve("daca/rule.yaml"));
    assertThat(
            errorsWith(
                "daca/rule.yaml",
                daca.replaceFirst(
                    "(?s)(  - id: daca_announced.*?)    values:\n.*?\n  - id: ",
                    "$1    values: []\n  - id: ")))
        .as("a parameter without values, read by many conditions")
        .anySatisfy(e -> assertThat(e).contains("parameter 'daca_announced' needs 'values'"));
    String concepts = Files.readString(copy.resolve("concepts/concepts.yaml"));
    assertThat(
            errorsWith(
                "concepts/concepts.yaml", concepts.replaceFirst("(?m)^    when:", "    whenn:")))
        .as(
            "a definition with neither 'when' nor 'value': said once, at its own line, without"
                + " the conditions that read it or the translations inside them following")
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).contains("concepts.yaml:").contains("unknown key 'whenn'"))
        .anySatisfy(
            e -> assertThat(e).contains("concepts.yaml:").contains("needs exactly one of 'when'"));
    assertThat(
            errorsWith(
                "concepts/concepts.yaml",
                concepts.replaceFirst(
                    "exists: convictions\\[\\]\\.post_conviction\n",
                    "exists: convictions[].post_convictionz\n")))
        .as(
            "a mistake in the body of a definition over a list, which is compiled at each of its"
                + " many uses: said once")
        .singleElement()
        .asString()
        .contains("concepts.yaml:")
        .contains("unknown fact 'convictions[].post_convictionz'");
    String citizen = Files.readString(copy.resolve("us-citizen-claim/rule.yaml"));
    assertThat(
            errorsWith(
                "us-citizen-claim/rule.yaml",
                citizen.replaceFirst("(?s)(\\npaths:\\n(?:\\s*#[^\\n]*\\n)*  - )id: ", "$1ids: ")))
        .as("a path without an id, while other categories' links look its paths up by id")
        .anySatisfy(e -> assertThat(e).contains("us-citizen-claim/rule.yaml:"));
  }

  /**
   * One mistake, one message: what a mistake makes unreadable (a file, a definition, a category, a
   * list entry) is not reported again at every place that reads it. Each case was dozens of
   * messages, most of them far from the mistake.
   */
  @Example
  void oneMistakeIsReportedOnceNotAtEveryPlaceItReaches() throws IOException {
    saidOnce(
        "concepts/concepts.yaml",
        t -> t.replaceFirst("\ndefinitions:\n", "\ndefinitions: [\n"),
        "the shared concepts are not YAML: no 'unknown definition' in the files that use them",
        "concepts/concepts.yaml:");
    saidOnce(
        "concepts/concepts.yaml",
        t -> t.replaceFirst("\ndefinitions:\n", "\ndefinitionz:\n"),
        "the concepts' definitions misspelt: no orphaned translations or unknown definitions",
        "unknown key 'definitionz'");
    saidOnce(
        "concepts/concepts.yaml",
        t -> t.replaceFirst("\n    over: convictions\n", "\n    over: x\n"),
        "a shared definition over a list that is not a fact: not at each of its uses",
        "unknown fact 'x'");
    saidOnce(
        "daca/rule.es.yaml",
        t -> t.replaceFirst("\ncriteria:\n", "\n"),
        "a Spanish twin's section line deleted, its texts joining the section above: said once",
        "Spanish twins under 'paths', from here on, are texts of 'criteria'");
    saidOnce(
        "barriers/bar-criminal-212a2/rule.yaml",
        t -> t.replaceFirst("\ndefinitions:\n", "\n"),
        "the line 'definitions:' deleted, the definitions joining the parameters: said once",
        "entries under 'parameters', from here on, are definitions",
        "is the line 'definitions:' missing above this one?");
    saidOnce(
        "humanitarian-parole/rule.yaml",
        t -> t.replaceFirst("\nparameters:\n", "\n"),
        "the line 'parameters:' deleted, the parameters joining the citations: said once",
        "entries under 'citations', from here on, are parameters",
        "is the line 'parameters:' missing above this one?");
    saidOnce(
        "criminal-record-relief/rule.yaml",
        t -> t.replaceFirst("\npaths:\n", "\npaths: [\n"),
        "a category's file is not YAML: no 'no path' in the categories that link to it",
        "criminal-record-relief/rule.yaml:");
    saidOnce(
        "ruleset.yaml",
        t -> t.replace("  - humanitarian-parole\n", "  - [humanitarian-parole]\n"),
        "an entry of ruleset.yaml unreadable: no 'is not a category' in the barriers",
        "expected the id of a category");
    saidOnce(
        "ruleset.yaml",
        t -> t.replace("  - criminal-record-relief\n", ""),
        "a category left out of ruleset.yaml but read by links: said once, with the count",
        "no category 'criminal-record-relief' in this rule set (",
        " links read its results; this is the first)");
    saidOnce(
        "facts.yaml",
        t ->
            t.replace(
                "  - path: convictions\n    type: list\n",
                "  - path: convictions\n    type: lisst\n"),
        "a list fact of unknown type: its fields and their translations are not reported",
        "a fact needs a 'path' and a known 'type' (found lisst)");
    assertThat(
            errorsAfter(
                "veteran/rule.yaml",
                t ->
                    t.replaceFirst(
                        "\ncitations:\n  - id: ina-329\n", "\ncitations:\n  - ids: ina-329\n")))
        .as("a citation without its id: the criteria that cite it are not reported")
        .hasSize(2)
        .noneSatisfy(e -> assertThat(e).contains("is not among the file's citations"));
    assertThat(
            errorsAfter(
                "barriers/bar-false-claim-6Cii/rule.yaml",
                t -> t.replaceFirst("\ncitations:\n", "\ncitationz:\n")))
        .as("a file's citations misspelt: the key, and the list missing; not each criterion's cite")
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).contains("unknown key 'citationz'"))
        .anySatisfy(e -> assertThat(e).contains("needs 'citations'"));
  }

  /** Asserts that the copy with one file changed gets exactly one error, and what it says. */
  private static void saidOnce(
      String relative, UnaryOperator<String> change, String why, String... says)
      throws IOException {
    assertThat(errorsAfter(relative, change)).as(why).singleElement().asString().contains(says);
  }

  /** The errors of the copy with one file changed, the file put back afterwards. */
  private static List<String> errorsAfter(String relative, UnaryOperator<String> change)
      throws IOException {
    return errorsWith(relative, change.apply(Files.readString(copy.resolve(relative))));
  }

  @Example
  void anExpectationOfTheWrongShapeFailsItsCase() throws IOException {
    Path file = copy.resolve("daca/tests.yaml");
    String original = Files.readString(file);
    String text =
        original.replaceFirst(
            "missing: \\['convictions\\[\\]\\.same_scheme_group'\\]", "missing: [{a: 1}]");
    assertThat(text).isNotEqualTo(original);
    Files.writeString(file, text);
    try {
      RuleTestRunner runner = new RuleTestRunner(Fixtures.rules(), RuleSource.directory(copy));
      List<String> failures = new ArrayList<>();
      for (RuleTestRunner.TestCase t : runner.cases()) {
        if (t.category().equals("daca")) {
          failures.addAll(runner.run(t, null).failures());
        }
      }
      assertThat(failures).contains("missing facts: expected words, found an object");
    } finally {
      Files.writeString(file, original);
    }
  }

  /** The errors of the copy with one file's text replaced, the file put back afterwards. */
  private static List<String> errorsWith(String relative, String text) throws IOException {
    Path file = copy.resolve(relative);
    String original = Files.readString(file);
    assertThat(text).as("the replacement changes %s", relative).isNotEqualTo(original);
    Files.writeString(file, text);
    try {
      return RuleLoader.check(RuleSource.directory(copy)).stream()
          .filter(Diagnostic::isError)
          .map(Diagnostic::render)
          .toList();
    } finally {
      Files.writeString(file, original);
    }
  }

  /** Runs {@code check} with {@code file} mutated by {@link RuleFileMutator}, then undoes it. */
  private static void mutated(Path file, Random r, Runnable check) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String> out = RuleFileMutator.mutate(lines, r);
      Files.write(file, out);
      try {
        check.run();
      } finally {
        Files.write(file, lines);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
