package org.homeward.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.homeward.batch.Format;
import org.homeward.document.ProblemException;
import org.homeward.rules.RuleSet;
import org.homeward.sheet.Columns;
import org.homeward.sheet.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code homeward template}: a blank intake sheet with the canonical columns and a data dictionary.
 */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a blank intake sheet (the header row as CSV, or an XLSX workbook): one row per person, one column per fact, with numbered column groups for "
          + "lists (convictions.1.statute, convictions.2.statute, ...; add more numbers as needed) and a column "
          + "per list where 'none' says the person has none. Blank cells are unknown, never 'no'.",
      "The XLSX template adds a Data dictionary sheet: every column's type, allowed values, meaning and the "
          + "question to ask. Fill the People sheet and screen it with 'homeward screen FILE'.",
      "",
      "Examples:",
      "  homeward template -o intake.xlsx",
      "  homeward template --format csv --excel -o intake.csv",
      "  homeward template --items 4 > intake.csv"
    })
final class TemplateCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv or xlsx (default: from the -o file's extension, else csv).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE, .csv or .xlsx (written whole, then renamed into place). Default: standard output "
              + "(an xlsx template only when it is not a terminal).")
  Path output;

  @Option(
      names = "--items",
      paramLabel = "N",
      defaultValue = "2",
      description = "Numbered groups per list (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(
      names = "--excel",
      description = "CSV starts with a UTF-8 byte-order mark, so Excel shows accents right.")
  boolean excel;

  @Mixin RuleOptions rules;

  TemplateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    String fmt = format;
    if (fmt == null) {
      fmt =
          output != null && Format.ofOutput(output.getFileName().toString()) == Format.XLSX
              ? "xlsx"
              : "csv";
    }
    fmt = fmt.toLowerCase(Locale.ROOT);
    if (!fmt.equals("csv") && !fmt.equals("xlsx")) {
      throw usage("--format must be csv or xlsx");
    }
    if (fmt.equals("xlsx") && output == null && io.terminal()) {
      throw usage("an xlsx template is a binary file; write it with -o FILE.xlsx");
    }
    if (excel && !fmt.equals("csv")) {
      throw usage("--excel applies to CSV only");
    }
    if (items < 1 || items > 50) {
      throw usage("--items must be between 1 and 50");
    }
    if (output != null) {
      Format named = Format.ofOutput(output.getFileName().toString());
      if (named != null && !named.word().equals(fmt)) {
        throw usage(
            "--format "
                + fmt
                + " does not match the -o file's extension ("
                + output.getFileName()
                + "); "
                + "change one of them");
      }
      AtomicOutput.check(output, "homeward template", java.util.List.of());
    }
    RuleSet ruleSet = rules.load();
    Template template = new Template(new Columns(ruleSet.facts()), items);
    try (AtomicOutput out =
        output == null ? AtomicOutput.of(io.out(), io.outBytes()) : AtomicOutput.file(output)) {
      if (fmt.equals("xlsx")) {
        template.writeXlsx(out.stream());
      } else {
        template.writeCsv(out.writer(), excel);
      }
      out.commit();
    }
    if (output != null) {
      io.err()
          .println(
              "homeward: wrote "
                  + output
                  + " ("
                  + template.columns().size()
                  + " columns"
                  + (fmt.equals("xlsx") ? ", with a Data dictionary sheet" : "")
                  + ")");
    }
    return ExitCode.OK.code();
  }

  private static ProblemException usage(String message) {
    return Args.usage("homeward template", message);
  }
}
