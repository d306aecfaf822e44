package org.homeward;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.homeward.batch.Pipeline;
import org.homeward.batch.ReportSink;
import org.homeward.batch.Result;
import org.homeward.batch.Summary;
import org.homeward.batch.Table;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.person.JsonPersonStream;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.person.PersonStream;
import org.homeward.person.Row;
import org.homeward.person.TextDecoding;
import org.homeward.report.JsonReport;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * Homeward as a library, for embedding the screener in another program (a web service, a Spark or
 * Beam job, an intake pipeline): load a rule set once, then screen people, one at a time or as a
 * stream of JSON Lines, from any number of threads. No command line, no files written, no network;
 * see {@code docs/embedding.md}.
 *
 * <pre>{@code
 * Homeward homeward = Homeward.bundled().asOf(LocalDate.of(2026, 11, 28));
 * Screening s = homeward.screen("{\"id\": \"a-1\", \"birth_date\": \"1995-06-15\"}");
 * String json = homeward.json(s);          // the documented homeward.screening/2 document
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. A person that cannot be read throws a {@link
 * ProblemException} whose diagnostics say where and why (never quoting the value); a rule set that
 * cannot be loaded throws one of kind {@code RULES}.
 */
public final class Homeward {
  private final RuleSet rules;
  private final Screener screener;
  private final PersonBuilder builder;
  private final LocalDate asOf;
  private final int questions;

  private Homeward(RuleSet rules, Screener screener, LocalDate asOf, int questions) {
    this.rules = rules;
    this.screener = screener;
    this.builder = new PersonBuilder(rules.facts());
    this.asOf = asOf;
    this.questions = questions;
  }

  /** The rule set bundled in the program (built from {@code rules/}). */
  public static Homeward bundled() {
    return of(RuleLoader.load(RuleSource.bundled()));
  }

  /**
   * The rule set in a directory (the folder that holds {@code ruleset.yaml}), checked as it loads.
   */
  public static Homeward load(Path rulesDirectory) {
    return of(RuleLoader.load(RuleSource.directory(rulesDirectory)));
  }

  /** A rule set already loaded. */
  public static Homeward of(RuleSet rules) {
    return new Homeward(rules, new Screener(rules), null, Table.QUESTIONS);
  }

  /**
   * This screener, screening as of {@code date}; without it (or with null) each person is screened
   * as of their {@code screening_date}, else today.
   */
  public Homeward asOf(LocalDate date) {
    return new Homeward(rules, screener, date, questions);
  }

  /** This screener, listing {@code n} next questions in each JSON document (default 5). */
  public Homeward questions(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("questions must be 0 or more");
    }
    return new Homeward(rules, screener, asOf, n);
  }

  /** The loaded rule set. */
  public RuleSet rules() {
    return rules;
  }

  /** The rule set's version, as every report states it. */
  public String rulesVersion() {
    return rules.version();
  }

  /** Reads one person from a JSON object (the person file's format: {@code homeward schema}). */
  public Person person(String json) {
    Node node = NodeReader.readJson(new StringReader(json), "person");
    PersonBuilder.Result r = builder.build(node, "person");
    if (!r.ok()) {
      throw new ProblemException(ProblemException.Kind.INPUT, r.problems());
    }
    return r.person();
  }

  /**
   * The full screening of one person given as a JSON object: every category, criterion, question
   * and citation.
   */
  public Screening screen(String personJson) {
    return screen(person(personJson));
  }

  /**
   * The full screening of a person; an as-of date before the person's birth date (or before 1900)
   * is an input error, as on the command line.
   */
  public Screening screen(Person person) {
    return checked(person, true).screening();
  }

  /**
   * The compact result of one person: each category's outcome, the barriers, the missing facts and
   * next questions.
   */
  public Verdict verdict(Person person) {
    return checked(person, false).verdict();
  }

  private Result checked(Person person, boolean full) {
    Result r = pipeline(1).screen(new Row(1, "person", person, List.of()), full);
    if (!r.ok()) {
      throw new ProblemException(ProblemException.Kind.INPUT, r.row().problems());
    }
    return r;
  }

  private Pipeline pipeline(int threads) {
    return new Pipeline(screener, asOf, LocalDate.now(), threads, false);
  }

  /** A screening as the documented JSON document ({@code homeward.screening/2}, one line). */
  public String json(Screening s) {
    StringWriter out = new StringWriter();
    try {
      new JsonReport(false, false, questions).write(s, 0, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().strip();
  }

  /**
   * People as JSON Lines (one object a line) → one result a non-blank line, lazily, in order, on
   * the calling thread: a line that cannot be read is a result that is not {@link Result#ok() ok},
   * with its problems, and the lines after it are read. Close the stream to close {@code in}.
   */
  public Stream<Result> screenLines(InputStream in) {
    PersonStream people = lines(in);
    Pipeline one = pipeline(1);
    Iterator<Result> results =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return people.hasNext();
          }

          @Override
          public Result next() {
            return one.screen(people.next(), true);
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(results, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              try {
                people.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * People as JSON Lines in, their JSON documents out, one a line and in input order, exactly as
   * {@code homeward screen - --format jsonl} writes them: screened on {@code threads} threads, each
   * document written (and {@code out} flushed) as soon as the input pauses. Returns the rows
   * written.
   */
  public long screenLines(InputStream in, Writer out, int threads) throws IOException {
    Summary summary = new Summary(rules);
    try (PersonStream people = lines(in)) {
      ReportSink sink = ReportSink.json(out, new JsonReport(false, false, questions), false);
      pipeline(threads).streaming().run(people, sink, summary, n -> {});
      sink.finish(summary);
    }
    return summary.rows();
  }

  private PersonStream lines(InputStream in) {
    try {
      BufferedReader reader =
          new BufferedReader(
              TextDecoding.open(in, "<input>", "JSON", false, d -> {}).reader(), 1 << 16);
      return JsonPersonStream.lines(reader, "<input>", builder);
    } catch (IOException e) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(Location.of("<input>"), "cannot be read: " + e.getMessage()));
    }
  }
}
