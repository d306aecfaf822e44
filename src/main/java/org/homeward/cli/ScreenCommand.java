package org.homeward.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.homeward.batch.CsvSink;
import org.homeward.batch.HtmlSummarySink;
import org.homeward.batch.Pipeline;
import org.homeward.batch.ReportSink;
import org.homeward.batch.Sink;
import org.homeward.batch.Summary;
import org.homeward.batch.Table;
import org.homeward.batch.XlsxSink;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.person.JsonPersonStream;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.Row;
import org.homeward.person.TextDecoding;
import org.homeward.report.HtmlReport;
import org.homeward.report.TextReport;
import org.homeward.report.Words;
import org.homeward.rules.RuleSet;
import org.homeward.screening.Screener;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetPersonStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code homeward screen}: screens one person or a batch and writes the report or the result sheet. */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Screen people: for each return category, may fit, needs information (with the questions to ask) or does not fit (and why).",
      "FILE is a .json file (one person's object, or an array of them), a .jsonl file (one person per line), "
          + "or a spreadsheet (.csv or .xlsx, one person per row); '-' reads standard input. Unknown is never false: "
          + "a missing field, null or blank cell is unknown; [] (or 'none' in a list's column) means \"known: none\"; "
          + "dates may be partial (2007, 2007-06). 'homeward schema' lists every field; 'homeward template' writes a "
          + "blank intake sheet.",
      "Every input row gives exactly one output row, in order; a row that cannot be read becomes an error row "
          + "(row number, column, reason), the run goes on, and the exit code is 1.",
      "",
      "Examples:",
      "  homeward screen samples/daca-may-fit.json",
      "  homeward screen people.xlsx -o results.xlsx",
      "  homeward screen samples/daca-may-fit.json --lang es -o report.html",
      "  homeward screen intake.csv --map map.yaml --excel -o results.csv",
      "  homeward screen people.jsonl --as-of 2026-01-31 -o results.jsonl",
      "  cat people.jsonl | homeward screen - --format jsonl | jq -c .categories"
    })
final class ScreenCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("text", "html", "json", "jsonl", "csv", "xlsx");
  private static final List<String> INPUTS = List.of("json", "jsonl", "csv", "xlsx");
  /** Row errors printed on standard error before the rest are left to the output's error column. */
  private static final int ERRORS_SHOWN = 20;

  private final Io io;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "People: .json, .jsonl, .csv or .xlsx files, or - for standard input.")
  List<String> files;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Screen as of this date, YYYY-MM-DD (default: each person's screening_date, else today).")
  String asOf;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (reports for people), html (one person's printable page, or a batch's summary page), "
          + "json (one document per person), jsonl (one per line), csv or xlsx (one result row per input row). "
          + "Default: from the -o file's extension, else text.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (written whole, then renamed into place) instead of standard output.")
  Path output;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "json, jsonl, csv or xlsx, when the file name does not say (standard input: json or jsonl is guessed).")
  String inputFormat;

  @Option(names = "--map", paramLabel = "FILE",
      description = "Spreadsheet headers mapped to columns (YAML: 'columns: {Your header: birth_date}', 'ignore: [...]').")
  Path map;

  @Option(names = "--excel", description = "CSV output starts with a UTF-8 byte-order mark, so Excel shows accents right.")
  boolean excel;

  @Option(names = "--explain", description = "Show every criterion's result and the facts it read (text and json).")
  boolean explain;

  @Option(names = "--threads", paramLabel = "N",
      description = "Screen on N threads (default: one per processor). Output order never changes.")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on standard error.")
  boolean quiet;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
      description = "Language of the reports for people (text and html): en or es (español). JSON and sheets keep machine words. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--no-color", description = "No colour in text output (also: the NO_COLOR environment variable).")
  boolean noColor;

  @Mixin RuleOptions rules;

  ScreenCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    LocalDate given = Args.asOf(asOf, "homeward screen");
    String fmt = outputFormat();
    Args.lang(lang, "homeward screen");
    if (excel && !fmt.equals("csv")) {
      throw usage("--excel applies to CSV output only (--format csv)");
    }
    if (threads != null && threads < 1) {
      throw usage("--threads must be 1 or more");
    }
    if (inputFormat != null && !INPUTS.contains(inputFormat.toLowerCase(Locale.ROOT))) {
      throw usage("--input-format must be json, jsonl, csv or xlsx");
    }
    if (output != null) {
      AtomicOutput.check(output, "homeward screen", files.stream().filter(f -> !f.equals("-")).map(Path::of).toList());
    }
    RuleSet ruleSet = rules.load();
    Screener screener = new Screener(ruleSet);
    PersonBuilder builder = new PersonBuilder(ruleSet.facts());
    List<Source> sources = new ArrayList<>();
    for (String file : files) {
      sources.add(source(file));
    }
    boolean sheets = sources.stream().anyMatch(s -> "csv".equals(s.kind()) || "xlsx".equals(s.kind()));
    Columns columns = sheets || map != null ? new Columns(ruleSet.facts()) : null;
    ColumnMap mapping = map == null ? ColumnMap.NONE : ColumnMap.load(map, columns);
    Summary summary = new Summary(ruleSet);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Progress progress = new Progress(io.err(), io.terminal() && !quiet);
    boolean batch = true;
    try (AtomicOutput out = output == null ? AtomicOutput.of(io.out(), io.outBytes()) : AtomicOutput.file(output)) {
      Sink sink = null;
      for (Source src : sources) {
        try (PersonStream stream = open(src, builder, columns, mapping, progress)) {
          boolean single = stream.single();
          batch = !(single && sources.size() == 1);
          if (sink == null) {
            sink = sink(fmt, out, ruleSet, !batch, given);
          }
          Pipeline pipeline = new Pipeline(screener, given, io.today(), single ? 1 : workers, explain);
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
      if (summary.errors() > ERRORS_SHOWN && !fmt.equals("text")) {
        io.err().printf("homeward: %,d more rows could not be screened; %s.%n", summary.errors() - ERRORS_SHOWN,
            fmt.equals("html") && summary.errors() > HtmlSummarySink.ERRORS_LISTED
                ? "the page lists the first " + HtmlSummarySink.ERRORS_LISTED + " (--format csv lists every one)"
                : "each is in the output with its reason");
      }
      for (String line : summary.lines()) {
        io.err().println("homeward: " + line);
      }
    }
    if (summary.errors() > 0) {
      if (!batch || quiet) {
        io.err().printf("homeward: %,d screened, %,d could not be read (%s).%n", summary.screened(), summary.errors(),
            fmt.equals("text") || summary.errors() <= ERRORS_SHOWN ? "see above" : "each is in the output, with its reason");
      }
      return summary.screened() == 0 ? ExitCode.INPUT.code() : ExitCode.ROW_ERRORS.code();
    }
    return ExitCode.OK.code();
  }

  /** The rows of a stream, printing each bad row's problems on standard error as it passes (the first few, for data outputs). */
  private Iterator<Row> reporting(PersonStream stream, String fmt) {
    boolean capped = !fmt.equals("text");
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

  private Sink sink(String fmt, AtomicOutput out, RuleSet ruleSet, boolean single, LocalDate given) throws IOException {
    Writer w = fmt.equals("xlsx") ? null : out.writer();
    return switch (fmt) {
      case "csv" -> new CsvSink(new Table(ruleSet), w, excel);
      case "xlsx" -> new XlsxSink(new Table(ruleSet), out.stream(), "As of " + (given != null ? given
          : "each person's screening_date, else " + io.today()) + "; rule set " + ruleSet.version());
      case "json", "jsonl" -> ReportSink.json(w, fmt.equals("json"), explain, single);
      case "html" -> html(w, ruleSet, single, given);
      default -> ReportSink.text(w, new TextReport(output == null && !noColor && io.colorAllowed(), explain,
          Words.of(lang, ruleSet.translations())), single);
    };
  }

  /** One person's page, or for a batch the summary page. */
  private Sink html(Writer w, RuleSet ruleSet, boolean single, LocalDate given) {
    Words words = Words.of(lang, ruleSet.translations());
    if (single) {
      return ReportSink.html(w, new HtmlReport(explain, words));
    }
    String asOfWords = given != null ? given.toString() : words.ui("summary.asof.each", io.today());
    return new HtmlSummarySink(w, words, asOfWords);
  }

  /** The format an output file's extension names, or null when it names none. */
  static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return switch (dot < 0 ? "" : name.substring(dot + 1)) {
      case "csv", "tsv" -> "csv";
      case "xlsx" -> "xlsx";
      case "jsonl", "ndjson" -> "jsonl";
      case "json" -> "json";
      case "html", "htm" -> "html";
      case "txt", "text" -> "text";
      default -> null;
    };
  }

  private String outputFormat() {
    String fmt = format;
    String named = output == null ? null : formatOf(output);
    if (fmt == null && output != null) {
      fmt = named != null ? named : "text";
    }
    fmt = fmt == null ? "text" : fmt.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(fmt)) {
      throw usage("--format must be text, html, json, jsonl, csv or xlsx");
    }
    if (named != null && !named.equals(fmt)) {
      throw usage("--format " + fmt + " does not match the -o file's extension (" + output.getFileName() + " is "
          + named + "); change one of them, or leave --format out to follow the extension");
    }
    if (fmt.equals("xlsx") && output == null && io.terminal()) {
      throw usage("xlsx output is a binary file; write it with -o FILE.xlsx");
    }
    return fmt;
  }


  /** An input and its format, checked before anything is written. */
  private record Source(String name, Path path, String kind) {}

  private Source source(String file) {
    String kind = inputFormat == null ? null : inputFormat.toLowerCase(Locale.ROOT);
    if (file.equals("-")) {
      return new Source("<stdin>", null, kind);
    }
    if (kind == null) {
      String name = file.toLowerCase(Locale.ROOT);
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        kind = "jsonl";
      } else if (name.endsWith(".json")) {
        kind = "json";
      } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
        kind = "csv";
      } else if (name.endsWith(".xlsx")) {
        kind = "xlsx";
      } else if (name.endsWith(".xls")) {
        throw new ProblemException(ProblemException.Kind.INPUT, Diagnostic.error(Location.of(file),
            "old-style .xls workbooks cannot be read; save the sheet from Excel as .xlsx or as CSV UTF-8"));
      } else {
        throw usage(file + ": cannot tell the format from the name; use --input-format json, jsonl, csv or xlsx");
      }
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new ProblemException(ProblemException.Kind.INPUT, Diagnostic.error(Location.of(file),
          Files.isDirectory(path) ? "is a directory; give a file" : "no such file; check the path"));
    }
    return new Source(file, path, kind);
  }

  private PersonStream open(Source src, PersonBuilder builder, Columns columns, ColumnMap mapping, Progress progress)
      throws IOException {
    InputStream bytes;
    try {
      bytes = src.path() == null ? io.in() : progress.track(Files.newInputStream(src.path()), Files.size(src.path()));
    } catch (NoSuchFileException e) {
      throw new ProblemException(ProblemException.Kind.INPUT,
          Diagnostic.error(Location.of(src.name()), "no such file; check the path"));
    }
    String kind = src.kind();
    java.util.function.Consumer<Diagnostic> warn = d -> {
      if (!quiet) {
        io.err().println(d.render());
      }
    };
    if ("xlsx".equals(kind)) {
      if (src.path() != null) {
        bytes.close();
      }
      return SheetPersonStream.xlsx(src.path() == null ? null : src.path().toFile(), io.in(), src.name(), columns,
          mapping, builder, warn);
    }
    if ("csv".equals(kind)) {
      return SheetPersonStream.csv(bytes, src.name(), columns, mapping, builder, warn);
    }
    BufferedReader in = new BufferedReader(TextDecoding.open(bytes, src.name(), "JSON", false, warn).reader(), 1 << 16);
    if (kind == null) {
      in.mark(1 << 16);
      char[] head = new char[1 << 16];
      int n = 0;
      for (int k; n < head.length && (k = in.read(head, n, head.length - n)) > 0; ) {
        n += k;
      }
      in.reset();
      String first = new String(head, 0, n).lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
      kind = first.startsWith("{") && first.endsWith("}") ? "jsonl" : "json";
    }
    return kind.equals("jsonl") ? JsonPersonStream.lines(in, src.name(), builder)
        : JsonPersonStream.document(in, src.name(), builder);
  }

  private static ProblemException usage(String message) {
    return Args.usage("homeward screen", message);
  }
}
