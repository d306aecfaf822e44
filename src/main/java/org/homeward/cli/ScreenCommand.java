package org.homeward.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.homeward.batch.Comparison;
import org.homeward.batch.Format;
import org.homeward.batch.HtmlSummarySink;
import org.homeward.batch.Inputs;
import org.homeward.batch.Pipeline;
import org.homeward.batch.Sink;
import org.homeward.batch.Sinks;
import org.homeward.batch.Summary;
import org.homeward.batch.Table;
import org.homeward.document.Diagnostic;
import org.homeward.document.ProblemException;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.Row;
import org.homeward.rules.RuleSet;
import org.homeward.screening.Screener;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetPersonStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code homeward screen}: screens one person or a batch and writes the report or the result sheet.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Screen people: for each return category, may fit, needs information (with the questions to ask) or does not fit (and why).",
      "FILE is a .json file (one person's object, or an array of them), a .jsonl file (one person per line), "
          + "or a spreadsheet (.csv or .xlsx, one person per row); '-' reads standard input. Unknown is never false: "
          + "a missing field, null or blank cell is unknown; [] (or 'none' in a list's column) means \"known: none\"; "
          + "dates may be partial (2007, 2007-06). 'homeward schema' lists every field; 'homeward template' writes a "
          + "blank intake sheet.",
      "Every input row gives exactly one output row, in order; a row that cannot be read becomes an error row "
          + "(row number, column, reason), the run goes on, and the exit code is 1.",
      "Campaigns: each result row names its next questions (next_questions: the columns to fill in, the answer that "
          + "settles the most open results first); the xlsx results and the html summary add a call list, whom to "
          + "call first; after new facts are filled in or the rules change, --compare with the earlier results adds "
          + "a 'changed' column (see docs/spreadsheets.md).",
      "",
      "Examples:",
      "  homeward screen samples/daca-may-fit.json",
      "  homeward screen people.xlsx -o results.xlsx",
      "  homeward screen samples/daca-may-fit.json --lang es -o report.html",
      "  homeward screen intake.csv --map map.yaml --excel -o results.csv",
      "  homeward screen campaign.csv --compare march.csv -o june.csv",
      "  homeward screen people.jsonl --as-of 2026-01-31 -o results.jsonl",
      "  cat people.jsonl | homeward screen - --format jsonl | jq -c .categories"
    })
final class ScreenCommand implements Callable<Integer> {
  /** Row errors printed on standard error before the rest are left to the output's error column. */
  private static final int ERRORS_SHOWN = 20;

  private final Io io;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "People: .json, .jsonl, .csv or .xlsx files, or - for standard input.")
  List<String> files;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Screen as of this date, YYYY-MM-DD (default: each person's screening_date, else today).")
  String asOf;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (reports for people), html (one person's printable page, or a batch's summary page), "
              + "json (one document per person), jsonl (one per line), csv or xlsx (one result row per input row). "
              + "Default: from the -o file's extension, else text.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE (written whole, then renamed into place) instead of standard output.")
  Path output;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "json, jsonl, csv or xlsx, when the file name does not say (standard input: json or jsonl is guessed).")
  String inputFormat;

  @Option(
      names = "--map",
      paramLabel = "FILE",
      description =
          "Spreadsheet headers mapped to columns (YAML: 'columns: {Your header: birth_date}', 'ignore: [...]').")
  Path map;

  @Option(
      names = "--questions",
      paramLabel = "N",
      defaultValue = "" + Table.QUESTIONS,
      description =
          "How many next questions each person gets: the facts whose answers would settle the most open "
              + "results, the most decisive first (sheets: next_questions; json: next_questions; text and html: Ask next). "
              + "Default: ${DEFAULT-VALUE}.")
  int questions;

  @Option(
      names = "--all-missing",
      description =
          "Result sheets also list every fact still missing (missing_facts), not just the next questions.")
  boolean allMissing;

  @Option(
      names = "--compare",
      paramLabel = "FILE",
      description =
          "Re-screening: the result sheet (.csv or .xlsx) of an earlier run. A 'changed' column says which "
              + "categories changed outcome since (daca: needs_info -> may_fit) and which barriers changed status "
              + "(bar-9C-permanent: active -> expired), matching rows by id; rows not there, or "
              + "there twice, say so. Sheets and the html summary.")
  Path compare;

  @Option(
      names = "--excel",
      description = "CSV output starts with a UTF-8 byte-order mark, so Excel shows accents right.")
  boolean excel;

  @Option(
      names = "--explain",
      description = "Show every criterion's result and the facts it read (text and json).")
  boolean explain;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Screen on N threads (default: one per processor). Output order never changes.")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line and no summary on standard error.")
  boolean quiet;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description =
          "Language of the words for people: text and html reports, and the question texts of xlsx "
              + "results: en or es (español). JSON and sheets keep machine words. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(
      names = "--no-color",
      description = "No colour in text output (also: the NO_COLOR environment variable).")
  boolean noColor;

  @Mixin RuleOptions rules;

  ScreenCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    LocalDate given = Args.asOf(asOf, "homeward screen");
    Format fmt = outputFormat();
    Args.lang(lang, "homeward screen");
    Format inputKind = inputFormat();
    checkOptions(fmt);
    if (output != null) {
      AtomicOutput.check(
          output,
          "homeward screen",
          files.stream().filter(f -> !f.equals("-")).map(Path::of).toList());
    }
    RuleSet ruleSet = rules.load();
    List<Inputs.Input> sources = new ArrayList<>();
    for (String file : files) {
      sources.add(Inputs.resolve(file, inputKind));
    }
    Comparison earlier = compare == null ? null : Comparison.load(compare, this::warn);
    boolean sheets = sources.stream().anyMatch(Inputs.Input::sheet);
    Columns columns = sheets || map != null ? new Columns(ruleSet.facts()) : null;
    Inputs inputs =
        new Inputs(
            new PersonBuilder(ruleSet.facts()),
            columns,
            map == null ? ColumnMap.NONE : ColumnMap.load(map, columns),
            this::warn);
    Summary summary = new Summary(ruleSet);
    if (earlier != null) {
      summary.comparing(earlier);
    }
    Screener screener = new Screener(ruleSet);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Progress progress = new Progress(io.err(), io.terminal() && !quiet);
    Sinks.Settings settings =
        new Sinks.Settings(
            fmt,
            explain,
            excel,
            output == null && !noColor && io.colorAllowed(),
            lang,
            given,
            io.today(),
            questions,
            allMissing,
            earlier);
    boolean batch = true;
    try (AtomicOutput out =
        output == null ? AtomicOutput.of(io.out(), io.outBytes()) : AtomicOutput.file(output)) {
      Sink sink = null;
      for (Inputs.Input src : sources) {
        try (PersonStream stream = inputs.open(src, io.in(), progress::track)) {
          boolean single = stream.single();
          batch = !(single && sources.size() == 1);
          if (sink == null) {
            sink = Sinks.open(settings, out, ruleSet, !batch);
          }
          Pipeline pipeline =
              new Pipeline(screener, given, io.today(), single ? 1 : workers, explain);
          pipeline = earlier == null ? pipeline : pipeline.comparing(earlier);
          pipeline = src.stdin() && src.format() != Format.XLSX ? pipeline.streaming() : pipeline;
          pipeline.run(reporting(stream, fmt), sink, summary, progress);
          if (stream instanceof SheetPersonStream sheet) {
            summary.blankRows(summary.blank() + sheet.blankRows());
          }
        }
      }
      progress.done();
      if (!batch && summary.screened() == 0) {
        out.abandon();
        io.err().println("homeward: the input could not be read; nothing was screened.");
        return ExitCode.INPUT.code();
      }
      sink.finish(summary);
      out.commit();
    }
    if (batch && !quiet) {
      if (summary.errors() > ERRORS_SHOWN && fmt != Format.TEXT) {
        io.err()
            .printf(
                "homeward: %,d more rows could not be screened; %s.%n",
                summary.errors() - ERRORS_SHOWN,
                fmt == Format.HTML && summary.errors() > HtmlSummarySink.ERRORS_LISTED
                    ? "the page lists the first "
                        + HtmlSummarySink.ERRORS_LISTED
                        + " (--format csv lists every one)"
                    : "each is in the output with its reason");
      }
      for (String line : summary.lines()) {
        io.err().println("homeward: " + line);
      }
    }
    if (summary.errors() > 0) {
      if (!batch || quiet) {
        io.err()
            .printf(
                "homeward: %,d screened, %,d could not be read (%s).%n",
                summary.screened(),
                summary.errors(),
                fmt == Format.TEXT || summary.errors() <= ERRORS_SHOWN
                    ? "see above"
                    : "each is in the output, with its reason");
      }
      return summary.screened() == 0 ? ExitCode.INPUT.code() : ExitCode.ROW_ERRORS.code();
    }
    return ExitCode.OK.code();
  }

  private void warn(Diagnostic d) {
    if (!quiet) {
      io.err().println(d.render());
    }
  }

  /** The options that apply to some outputs only, checked before anything is read. */
  private void checkOptions(Format fmt) {
    if (excel && fmt != Format.CSV) {
      throw usage("--excel applies to CSV output only (--format csv)");
    }
    if (allMissing && !fmt.sheet()) {
      throw usage(
          "--all-missing applies to result sheets only (--format csv or xlsx); JSON lists every missing fact "
              + "anyway");
    }
    if (compare != null && !fmt.sheet() && fmt != Format.HTML) {
      throw usage(
          "--compare applies to result sheets (--format csv or xlsx) and the html summary page");
    }
    if (questions < 0) {
      throw usage("--questions must be 0 or more");
    }
    if (threads != null && threads < 1) {
      throw usage("--threads must be 1 or more");
    }
  }

  /**
   * The rows of a stream, printing each bad row's problems on standard error as it passes (the
   * first few, for data outputs).
   */
  private Iterator<Row> reporting(PersonStream stream, Format fmt) {
    boolean capped = fmt != Format.TEXT;
    return new Iterator<>() {
      private long shown;

      @Override
      public boolean hasNext() {
        return stream.hasNext();
      }

      @Override
      public Row next() {
        Row row = stream.next();
        if (!row.ok() && (!capped || shown++ < ERRORS_SHOWN || row.stopped())) {
          for (Diagnostic d : row.problems()) {
            io.err().println(d.render());
          }
        }
        return row;
      }
    };
  }

  private Format inputFormat() {
    if (inputFormat == null) {
      return null;
    }
    Format f = Format.named(inputFormat);
    if (f == null || !f.readable()) {
      throw usage("--input-format must be " + Format.inputWords());
    }
    return f;
  }

  private Format outputFormat() {
    Format named = output == null ? null : Format.ofOutput(output.getFileName().toString());
    Format fmt;
    if (format != null) {
      fmt = Format.named(format);
      if (fmt == null) {
        throw usage("--format must be " + Format.outputWords());
      }
    } else {
      fmt = named != null ? named : Format.TEXT;
    }
    if (named != null && named != fmt) {
      throw usage(
          "--format "
              + fmt.word()
              + " does not match the -o file's extension ("
              + output.getFileName()
              + " is "
              + named.word()
              + "); change one of them, or leave --format out to follow the extension");
    }
    if (fmt == Format.XLSX && output == null && io.terminal()) {
      throw usage("xlsx output is a binary file; write it with -o FILE.xlsx");
    }
    return fmt;
  }

  private static ProblemException usage(String message) {
    return Args.usage("homeward screen", message);
  }
}
