import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.homeward.Fixtures;
import org.homeward.Spread;
import org.homeward.cli.CliRun;
import org.homeward.ruletest.RuleFileMutator;

/**
 * Mutation fuzzing of a rule set through the command line, in process: a rule set given with {@code
 * --rules} is input like any other. Copies rules/, then, N times, gives one to three lines of one
 * file another value (a map, a list, a number, null, a word), another key of the rule language, or
 * deletes or doubles them; runs {@code homeward rules check DIR} for a rule file and {@code
 * homeward rules test DIR} for a tests.yaml; puts the line back. Counts the exit codes and the
 * internal errors (exit 70 or a throwable), keeping each failing file, and how many errors each
 * mutated rule file gets (one mistake should be one message). Usage: java RuleFuzz N [seed]
 * [check|test...]
 */
public final class RuleFuzz {
  /** The lower bounds of the buckets the error counts are told in. */
  /** The closing line of {@code rules check}: "N error(s), M warning(s)." */
  private static final Pattern ERRORS = Pattern.compile("(?m)^(\\d+) error\\(s\\), \\d+ warning");

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    List<String> kinds =
        args.length > 2 ? List.of(args).subList(2, args.length) : List.of("check", "test");
    Path rules = Path.of("rules");
    Path work = Files.createTempDirectory("homeward-rule-fuzz");
    Path copy = work.resolve("rules");
    Fixtures.copyTree(rules, copy);
    Path kept = Files.createDirectories(work.resolve("failing"));
    boolean failed = false;
    for (String kind : kinds) {
      List<Path> files = yaml(copy, kind.equals("test"));
      Random r = new Random(seed ^ kind.hashCode());
      Map<String, Integer> codes = new TreeMap<>();
      int internal = 0;
      // how many errors a mutated rule file gets: one mistake should be one message, not every
      // place its consequences reach
      Spread spread = new Spread();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Path file = files.get(r.nextInt(files.size()));
        List<String> lines = Files.readAllLines(file);
        List<String> mutated = RuleFileMutator.mutate(lines, r);
        Files.write(file, mutated);
        String problem = null;
        try {
          CliRun run =
              kind.equals("test")
                  ? CliRun.of("rules", "test", copy.toString(), "--quiet")
                  : CliRun.of("rules", "check", copy.toString());
          if (run.code() == 2) {
            throw new IllegalStateException(
                "usage error: " + run.err().lines().findFirst().orElse(""));
          }
          codes.merge(Integer.toString(run.code()), 1, Integer::sum);
          Matcher m = ERRORS.matcher(run.err());
          boolean counted = m.find();
          if (kind.equals("check") && (counted || run.code() == 0)) {
            spread.add(counted ? Integer.parseInt(m.group(1)) : 0);
          }
          if (run.code() == 70 || run.err().contains("internal error")) {
            problem =
                run.err().lines().filter(l -> l.contains("internal")).findFirst().orElse("exit 70");
          }
        } catch (Throwable t) {
          problem = t.toString();
        }
        if (problem != null) {
          internal++;
          Path to =
              kept.resolve(
                  kind + "-" + i + "-" + copy.relativize(file).toString().replace('/', '_'));
          Files.write(to, mutated);
          System.err.println(kind + " #" + i + " " + copy.relativize(file) + ": " + problem);
        }
        Files.write(file, lines);
      }
      failed |= internal > 0;
      System.out.printf(
          "rules %-5s %5d mutated files  exit codes %s  internal errors %d  (%d s)%n",
          kind, n, codes, internal, (System.nanoTime() - start) / 1_000_000_000L);
      if (kind.equals("check")) {
        System.out.println("  errors per mutated file: " + spread);
      }
    }
    System.out.println("kept failing files (if any) under " + kept);
    if (!failed) {
      Fixtures.deleteTree(copy);
    }
    System.exit(failed ? 1 : 0);
  }

  private static List<Path> yaml(Path dir, boolean tests) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> p.endsWith("tests.yaml") == tests)
          .sorted()
          .toList();
    }
  }
}
