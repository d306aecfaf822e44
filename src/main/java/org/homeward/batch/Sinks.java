package org.homeward.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.LocalDate;
import org.homeward.report.HtmlReport;
import org.homeward.report.JsonReport;
import org.homeward.report.TextReport;
import org.homeward.report.Words;
import org.homeward.rules.RuleSet;

/** Builds the sink an output format and a run's settings call for. */
public final class Sinks {
  private Sinks() {}

  /**
   * Where a sink writes: text through {@link #writer()}, or a workbook's bytes through {@link
   * #stream()}, not both.
   */
  public interface Target {
    Writer writer() throws IOException;

    OutputStream stream() throws IOException;
  }

  /**
   * A run's output settings: the format; {@code explain} (every criterion and the facts it read);
   * {@code excel} (a byte-order mark before CSV); {@code color} (text for a terminal); the language
   * of the words for people; the as-of date given (null: each person's screening date, else {@code
   * today}); how many next questions; every missing fact in sheets ({@code allMissing}); and the
   * comparison with earlier results, or null.
   */
  public record Settings(
      Format format,
      boolean explain,
      boolean excel,
      boolean color,
      String lang,
      LocalDate asOf,
      LocalDate today,
      int questions,
      boolean allMissing,
      Comparison comparison) {}

  /**
   * The sink for {@code s.format()}: one person's report or page when {@code single}, else a
   * batch's output.
   */
  public static Sink open(Settings s, Target out, RuleSet rules, boolean single)
      throws IOException {
    Words words = Words.of(s.lang(), rules.translations());
    boolean changed = s.comparison() != null;
    return switch (s.format()) {
      case CSV ->
          new CsvSink(
              new Table(rules, new Table.Options(s.questions(), s.allMissing(), null, changed)),
              out.writer(),
              s.excel());
      case XLSX ->
          new XlsxSink(
              new Table(rules, new Table.Options(s.questions(), s.allMissing(), words, changed)),
              out.stream(),
              "As of "
                  + (s.asOf() != null
                      ? s.asOf()
                      : "each person's screening_date, else " + s.today())
                  + "; rule set "
                  + rules.version(),
              words);
      case JSON, JSONL ->
          ReportSink.json(
              out.writer(),
              new JsonReport(s.format() == Format.JSON, s.explain(), s.questions()),
              single);
      case HTML ->
          single
              ? ReportSink.html(out.writer(), new HtmlReport(s.explain(), words, s.questions()))
              : new HtmlSummarySink(
                  out.writer(),
                  words,
                  s.asOf() != null
                      ? s.asOf().toString()
                      : words.ui("summary.asof.each", s.today()));
      case TEXT ->
          ReportSink.text(
              out.writer(), new TextReport(s.color(), s.explain(), words, s.questions()), single);
    };
  }
}
