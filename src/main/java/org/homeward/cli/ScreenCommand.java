package org.homeward.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.person.JsonPersonStream;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.Row;
import org.homeward.report.JsonReport;
import org.homeward.report.TextReport;
import org.homeward.rules.RuleSet;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code homeward screen}: screens one person or a batch and writes the report. */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Screen people: for each return category, may fit, needs information (with the questions to ask) or does not fit (and why).",
      "FILE is a .json file (one person's object, or an array of them) or a .jsonl file (one person "
          + "per line); '-' reads standard input. A missing field or null is unknown; [] means \"known: none\"; "
          + "dates may be partial (2007, 2007-06, 2007-06-15). 'homeward schema' lists every field.",
      "",
      "Examples:",
      "  homeward screen samples/daca-may-fit.json",
      "  homeward screen people.jsonl --format jsonl --as-of 2026-01-31 -o results.jsonl",
      "  cat people.jsonl | homeward screen - --format jsonl | jq .categories.daca.outcome"
    })
final class ScreenCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Person files (.json, .jsonl), or - for standard input.")
  List<String> files;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Screen as of this date, YYYY-MM-DD (default: the person's screening_date, else today).")
  String asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (for people), json (one pretty document per person) or jsonl (one line per person). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (written whole, then renamed into place) instead of standard output.")
  Path output;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "json or jsonl, when the file name does not say (standard input: guessed from the first line).")
  String inputFormat;

  @Option(names = "--explain", description = "Show every criterion's result and the facts it read.")
  boolean explain;

  @Option(names = "--no-color", description = "No colour in text output (also: the NO_COLOR environment variable).")
  boolean noColor;

  @Mixin RuleOptions rules;

  ScreenCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    LocalDate given = parseAsOf();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "jsonl").contains(fmt)) {
      throw usage("--format must be text, json or jsonl (csv, xlsx and html are not built yet)");
    }
    RuleSet ruleSet = rules.load();
    Screener screener = new Screener(ruleSet);
    PersonBuilder builder = new PersonBuilder(ruleSet.facts());
    boolean color = fmt.equals("text") && output == null && !noColor && io.colorAllowed();
    TextReport text = new TextReport(color, explain);
    JsonReport json = new JsonReport(fmt.equals("json"), explain);
    Totals totals = new Totals();
    try (AtomicOutput sink = output == null ? AtomicOutput.of(io.out()) : AtomicOutput.file(output)) {
      Writer out = sink.writer();
      for (String file : files) {
        try (PersonStream stream = open(file, builder)) {
          while (stream.hasNext()) {
            Row row = stream.next();
            boolean single = stream.single();
            if (!row.ok()) {
              totals.errors++;
              totals.singleFailed |= single;
              for (Diagnostic d : row.problems()) {
                io.err().println(d.render());
              }
              if (!fmt.equals("text")) {
                json.writeError(single ? 0 : row.number(), row.label(), row.problems(), out);
              }
              continue;
            }
            totals.screened++;
            Screening s = screener.screen(row.person(), Screener.asOf(row.person(), given, io.today()), explain);
            if (fmt.equals("text")) {
              if (totals.screened > 1) {
                out.write("\n" + "-".repeat(72) + "\n\n");
              }
              text.write(s, out);
            } else {
              json.write(s, single ? 0 : row.number(), out);
            }
          }
        }
      }
      if (totals.singleFailed && totals.screened == 0 && files.size() == 1) {
        sink.abandon();
        io.err().println("homeward: the input could not be read; nothing was screened.");
        return ExitCode.INPUT.code();
      }
      sink.commit();
    }
    if (totals.errors > 0) {
      io.err().println("homeward: " + totals.screened + " screened, " + totals.errors
          + " could not be read (see above).");
      return totals.screened == 0 ? ExitCode.INPUT.code() : ExitCode.ROW_ERRORS.code();
    }
    return ExitCode.OK.code();
  }

  private static final class Totals {
    long screened;
    long errors;
    boolean singleFailed;
  }

  private LocalDate parseAsOf() {
    if (asOf == null) {
      return null;
    }
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw usage("--as-of must be a date YYYY-MM-DD, found \"" + asOf + "\"");
    }
  }

  private PersonStream open(String file, PersonBuilder builder) throws IOException {
    if (file.equals("-")) {
      BufferedReader in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
      String kind = inputFormat;
      if (kind == null) {
        in.mark(1 << 20);
        String first = in.readLine();
        in.reset();
        kind = first != null && first.strip().startsWith("{") && first.strip().endsWith("}") ? "jsonl" : "json";
      }
      return stream(in, "<stdin>", kind, builder);
    }
    Path path = Path.of(file);
    String kind = inputFormat;
    String name = file.toLowerCase(Locale.ROOT);
    if (kind == null) {
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        kind = "jsonl";
      } else if (name.endsWith(".json")) {
        kind = "json";
      } else if (name.endsWith(".csv") || name.endsWith(".xlsx")) {
        throw new ProblemException(ProblemException.Kind.INPUT, Diagnostic.error(Location.of(file),
            "spreadsheet input is not built yet; save the sheet as JSON Lines, or see the open issue on batch screening"));
      } else {
        throw usage(file + ": cannot tell the format from the name; use --input-format json or jsonl");
      }
    }
    try {
      return stream(Files.newBufferedReader(path, StandardCharsets.UTF_8), file, kind, builder);
    } catch (NoSuchFileException e) {
      throw new ProblemException(ProblemException.Kind.INPUT,
          Diagnostic.error(Location.of(file), "no such file; check the path"));
    }
  }

  private PersonStream stream(BufferedReader in, String label, String kind, PersonBuilder builder) {
    return switch (kind) {
      case "jsonl" -> JsonPersonStream.lines(in, label, builder);
      case "json" -> JsonPersonStream.document(in, label, builder);
      default -> throw usage("--input-format must be json or jsonl");
    };
  }

  private static ProblemException usage(String message) {
    return new ProblemException(ProblemException.Kind.USAGE, Diagnostic.error(Location.of("homeward screen"), message));
  }
}
