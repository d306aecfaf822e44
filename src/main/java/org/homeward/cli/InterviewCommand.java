package org.homeward.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.facts.FactDef;
import org.homeward.interview.Interview;
import org.homeward.report.Words;
import org.homeward.rules.RuleSet;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code homeward interview}: asks only the questions whose answers can still change a result. */
@Command(
    name = "interview",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A guided interview: asks only the questions whose answers can still change a result, the most decisive "
          + "first, checks each answer as it is given, shows the results as they change, and saves a person file "
          + "that 'homeward screen' reads.",
      "Enter alone (or \"don't know\", \"no sé\") skips a question and keeps the fact unknown; \"back\" (\"atrás\") "
          + "changes the last answer; \"quit\" (\"salir\") stops and saves everything answered so far. Questions go to "
          + "standard error; without a terminal, answers are read one per line from standard input.",
      "",
      "Examples:",
      "  homeward interview -o person.json",
      "  homeward interview --from person.json -o person.json --lang es",
      "  printf '1\\n\\n\\nquit\\n' | homeward interview -o person.json",
      "      (a script: one removal, the next two questions skipped, then stop and save)"
    })
final class InterviewCommand implements Callable<Integer> {
  private static final Set<String> BACK = Set.of("back", "b", "atras", "atrás", "volver");
  private static final Set<String> QUIT = Set.of("quit", "q", "exit", "salir", "terminar");
  private static final Set<String> SKIP = Set.of("skip", "saltar", "pass", "paso");

  private final Io io;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Save the person file here (written whole, then renamed into place); default: standard output.")
  Path output;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "Start from this person file (a JSON object).")
  Path from;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "en or es (español). Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Screen as of this date, YYYY-MM-DD (default: today).")
  String asOf;

  @Mixin RuleOptions rules;

  InterviewCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    Args.lang(lang, "homeward interview");
    LocalDate given = Args.asOf(asOf, "homeward interview");
    LocalDate date = given != null ? given : io.today();
    if (output != null) {
      // Before the first question: an answer typed for nothing is worse than no interview at all.
      AtomicOutput.check(output, "homeward interview", java.util.List.of());
    }
    RuleSet ruleSet = rules.load();
    Words w = Words.of(lang, ruleSet.translations());
    ObjectNode start = JsonNodeFactory.instance.objectNode();
    if (from != null) {
      try {
        if (Files.size(from) > (1 << 20)) {
          throw new ProblemException(
              ProblemException.Kind.INPUT,
              Diagnostic.error(
                  Location.of(from.toString()),
                  "is larger than 1 MB, more than one person's file ever is; check the path given to --from"));
        }
        start = Interview.read(Files.readString(from), from.toString(), ruleSet);
      } catch (NoSuchFileException e) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(Location.of(from.toString()), "no such file; check the path"));
      }
    }
    Interview interview = new Interview(ruleSet, start, date);
    // Ctrl-C (or the terminal closing) still saves everything answered so far.
    java.util.concurrent.atomic.AtomicBoolean saved =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread onExit =
        new Thread(
            () -> {
              if (saved.compareAndSet(false, true)) {
                try {
                  save(interview, Words.of(lang, ruleSet.translations()));
                } catch (IOException | RuntimeException e) {
                  io.err().println("homeward: could not save the answers: " + e.getMessage());
                }
              }
            },
            "homeward-interview-save");
    Runtime.getRuntime().addShutdownHook(onExit);
    try {
      return run(interview, w, saved);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // already shutting down: the hook saves
      }
    }
  }

  private int run(Interview interview, Words w, java.util.concurrent.atomic.AtomicBoolean saved)
      throws IOException {
    PrintWriter say = io.err();
    BufferedReader in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
    say.println(w.ui("interview.intro"));
    String shown = outcomes(interview, w);
    say.println();
    say.println(shown);
    boolean stopped = false;
    Interview.Question q;
    long lineNo = 0;
    while ((q = interview.next()) != null) {
      ask(say, w, q, interview.answered() + 1);
      String line = in.readLine();
      lineNo++;
      if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
        stopped = true;
        break;
      }
      String word = line.strip().toLowerCase(Locale.ROOT);
      if (BACK.contains(word)) {
        say.println(w.ui(interview.back() ? "interview.back" : "interview.back.none"));
        continue;
      }
      if (SKIP.contains(word) || line.isBlank()) {
        interview.skip(q);
        say.println(w.ui("interview.skipped"));
        continue;
      }
      String problem = interview.answer(q, line);
      if (problem != null && !io.terminal()) {
        // A script's answers are in a fixed order: asking again would take every later answer for
        // the wrong question, so the interview stops here and saves nothing.
        saved.set(true);
        say.println();
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.at("<stdin>", (int) Math.min(lineNo, Integer.MAX_VALUE), 0)
                    .withField(q.at()),
                "the answer to question "
                    + (interview.answered() + 1)
                    + " is not taken: "
                    + w.ui(problem)
                    + " Without a terminal a rejected answer stops the interview, so that the answers after it are not "
                    + "taken for other questions; nothing was saved."));
      }
      if (problem != null) {
        say.println("  " + w.ui(problem));
        continue;
      }
      String now = outcomes(interview, w);
      if (!now.equals(shown)) {
        say.println();
        say.println(now);
        shown = now;
      }
    }
    say.println();
    say.println(w.ui(stopped ? "interview.stopped" : "interview.done"));
    if (!stopped) {
      say.println(shown);
    }
    if (saved.compareAndSet(false, true)) {
      save(interview, w);
    }
    return ExitCode.OK.code();
  }

  private void ask(PrintWriter say, Words w, Interview.Question q, int n) {
    FactDef def = q.fact();
    say.println();
    say.println(w.ui("interview.question", n) + "  [" + q.at() + "]");
    say.println("  " + (q.count() ? w.rule(def.question()) : w.question(q.missing())));
    say.println("  " + w.settles(q.waiting().size()));
    if (q.count()) {
      say.println("  " + w.ui("interview.hint.count"));
    } else if (!def.values().isEmpty()) {
      say.println(
          "  " + w.ui(def.isScalarList() ? "interview.hint.list" : "interview.hint.choice"));
      List<String> choices = Interview.choices(def);
      for (int i = 0; i < choices.size(); i++) {
        say.println(String.format("    %2d. %s", i + 1, choices.get(i).replace('_', ' ')));
      }
    } else {
      say.println("  " + w.ui("interview.hint." + def.scalarType().word()));
    }
    say.print("> ");
    say.flush();
  }

  /** One line per category: its title and outcome, for people. */
  private static String outcomes(Interview interview, Words w) {
    StringBuilder b = new StringBuilder(w.ui("interview.outcomes"));
    for (CategoryResult c : interview.screening().categories()) {
      b.append("\n  ")
          .append(mark(c.outcome()))
          .append(' ')
          .append(w.rule(c.title()))
          .append(": ")
          .append(w.outcome(c.outcome()));
      if (c.outcome() == Outcome.NEEDS_INFO) {
        b.append(" (").append(w.ui(c.lead() ? "open.lead" : "open.unexplored")).append(')');
      }
    }
    return b.toString();
  }

  private static String mark(Outcome o) {
    return switch (o) {
      case MAY_FIT -> "✓";
      case NEEDS_INFO -> "?";
      case DOES_NOT_FIT -> "✗";
    };
  }

  private void save(Interview interview, Words w) throws IOException {
    if (output == null) {
      io.out().print(interview.json());
      io.out().flush();
      return;
    }
    try (AtomicOutput out = AtomicOutput.file(output)) {
      out.writer().write(interview.json());
      out.commit();
    }
    io.err().println(w.ui("interview.saved", output));
  }

  private static ProblemException usage(String message) {
    return Args.usage("homeward interview", message);
  }
}
