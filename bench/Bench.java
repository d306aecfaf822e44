import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.homeward.PopulationGenerator;
import org.homeward.document.NodeReader;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.homeward.screening.Screener;

/**
 * Evaluator throughput: screens a generated population (seeded) against the bundled rule set, in
 * memory, both fully ({@code screen}) and for the lean batch verdict ({@code verdict}), and prints
 * the median persons per second of each over several timed passes; {@code sparse} is the verdict of
 * unknown-heavy people, as a campaign's intake sheet holds them.
 */
public final class Bench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    RuleSet rules = RuleLoader.load(RuleSource.bundled());
    PersonBuilder builder = new PersonBuilder(rules.facts());
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(42);
    List<Person> people = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = json.writeValueAsString(PopulationGenerator.person(random));
      people.add(
          builder.build(NodeReader.readJson(new StringReader(text), "gen"), "p" + i).person());
    }
    List<Person> sparse = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = json.writeValueAsString(PopulationGenerator.sparse(random, i));
      sparse.add(
          builder.build(NodeReader.readJson(new StringReader(text), "gen"), "s" + i).person());
    }
    Screener screener = new Screener(rules);
    LocalDate asOf = LocalDate.of(2026, 11, 28);
    // Each pass times both, one after the other, so machine noise hits them alike.
    ToIntFunction<Person> screen = p -> screener.screen(p, asOf, false).categories().size();
    ToIntFunction<Person> verdict = p -> screener.verdict(p, asOf).asOf().getDayOfMonth();
    double[] screenRates = new double[passes];
    double[] verdictRates = new double[passes];
    double[] sparseRates = new double[passes];
    long sink = 0;
    for (int pass = -2; pass < passes; pass++) {
      long t0 = System.nanoTime();
      sink += run(people, screen);
      long t1 = System.nanoTime();
      sink += run(people, verdict);
      long t2 = System.nanoTime();
      sink += run(sparse, verdict);
      long t3 = System.nanoTime();
      if (pass >= 0) {
        screenRates[pass] = n / ((t1 - t0) / 1e9);
        verdictRates[pass] = n / ((t2 - t1) / 1e9);
        sparseRates[pass] = n / ((t3 - t2) / 1e9);
      }
    }
    System.out.printf(
        "evaluator: %d persons x %d categories + %d barriers, %d timed passes (after 2 warm-up) [check %d]%n",
        n, rules.categories().size(), rules.barriers().size(), passes, sink);
    report("screen", screenRates);
    report("verdict", verdictRates);
    report("sparse", sparseRates);
  }

  private static long run(List<Person> people, ToIntFunction<Person> work) {
    long sink = 0;
    for (Person p : people) {
      sink += work.applyAsInt(p);
    }
    return sink;
  }

  private static void report(String name, double[] rates) {
    Arrays.sort(rates);
    System.out.printf(
        "  %-8s median %.0f persons/s (min %.0f, max %.0f)%n",
        name, rates[rates.length / 2], rates[0], rates[rates.length - 1]);
  }
}
