import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.homeward.PopulationGenerator;
import org.homeward.document.NodeReader;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.homeward.screening.Screener;

/**
 * Evaluator throughput: screens a generated population (seeded) against the bundled rule set,
 * in memory, and prints the median persons per second over several timed passes.
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
      people.add(builder.build(NodeReader.readJson(new StringReader(text), "gen"), "p" + i).person());
    }
    Screener screener = new Screener(rules);
    LocalDate asOf = LocalDate.of(2026, 11, 28);
    long sink = 0;
    double[] rates = new double[passes];
    for (int pass = -2; pass < passes; pass++) {
      long t0 = System.nanoTime();
      for (Person p : people) {
        sink += screener.screen(p, asOf, false).categories().size();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      if (pass >= 0) {
        rates[pass] = n / secs;
      }
    }
    Arrays.sort(rates);
    System.out.printf("evaluator: %d persons x %d categories + %d barriers, %d timed passes (after 2 warm-up): median %.0f persons/s "
        + "(min %.0f, max %.0f) [check %d]%n", n, rules.categories().size(), rules.barriers().size(), passes, rates[passes / 2], rates[0],
        rates[passes - 1], sink);
  }
}
