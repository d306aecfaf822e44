package org.homeward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import org.homeward.document.Diagnostic;
import org.homeward.rules.Citation;
import org.homeward.rules.Cite;
import org.homeward.rules.EvalContext;
import org.homeward.rules.Missing;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.CriterionResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.PathResult;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * Writes screenings as JSON documents with a stable, documented shape ({@code
 * docs/json-output.md}): fixed key order, categories keyed by id in report order, outcome words
 * exactly {@code may_fit}, {@code needs_info}, {@code does_not_fit}.
 */
public final class JsonReport {
  /** The contract's name and version, written in every document. */
  public static final String SCHEMA = "homeward.screening/2";

  private static final JsonFactory FACTORY = new JsonFactory();

  /** How many next questions a document lists unless told otherwise. */
  public static final int QUESTIONS = 5;

  private final boolean pretty;
  private final boolean explain;
  private final int questions;

  public JsonReport(boolean pretty, boolean explain) {
    this(pretty, explain, QUESTIONS);
  }

  /** {@code questions}: how many next questions each document lists. */
  public JsonReport(boolean pretty, boolean explain, int questions) {
    this.pretty = pretty;
    this.explain = explain;
    this.questions = questions;
  }

  /** Whether documents are pretty-printed (json) rather than one per line (jsonl). */
  public boolean pretty() {
    return pretty;
  }

  /** Writes one screening (one line when not pretty); {@code row} is the input row number, or 0. */
  public void write(Screening s, long row, Writer out) throws IOException {
    write(s, Verdict.of(s), row, out);
  }

  /** Writes one screening with its verdict ({@code Verdict.of(s)}, for the next questions). */
  public void write(Screening s, Verdict v, long row, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      if (row > 0) {
        g.writeNumberField("row", row);
      }
      g.writeStringField("id", s.personId());
      g.writeStringField("source", s.source());
      g.writeStringField("as_of", s.asOf().toString());
      g.writeStringField("rules_version", s.rulesVersion());
      g.writeObjectFieldStart("categories");
      for (CategoryResult c : s.categories()) {
        g.writeObjectFieldStart(c.id());
        category(g, c);
        g.writeArrayFieldStart("barriers");
        for (BarrierResult b : s.barriersOf(c.id())) {
          g.writeStartObject();
          g.writeStringField("id", b.id());
          g.writeStringField("status", b.status().word());
          g.writeStringField("ends_on", b.endsOn() == null ? null : b.endsOn().toString());
          date(g, "opens_on", b.opensOn());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("barriers");
      for (BarrierResult b : s.barriers()) {
        g.writeObjectFieldStart(b.id());
        barrier(g, b);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("next_questions");
      for (MissingFact m : v.questions(questions, Set.of())) {
        g.writeStartObject();
        g.writeStringField("fact", m.path());
        g.writeStringField("at", m.at());
        g.writeStringField("question", m.question());
        g.writeNumberField("waiting", v.waitsOn(m));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("disclaimer", Disclaimer.TEXT);
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * Writes an input row that could not be screened, in the same envelope; {@code id} as typed, when
   * known.
   */
  public void writeError(long row, String id, List<Diagnostic> problems, Writer out)
      throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      if (row > 0) {
        g.writeNumberField("row", row);
      }
      g.writeStringField("id", id);
      g.writeArrayFieldStart("errors");
      for (Diagnostic d : problems) {
        g.writeStartObject();
        g.writeStringField("location", d.location().toString());
        g.writeStringField("field", d.location().field());
        g.writeStringField("message", d.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (pretty) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
    }
    return g;
  }

  private void category(JsonGenerator g, CategoryResult c) throws IOException {
    g.writeStringField("title", c.title());
    g.writeStringField("outcome", c.outcome().word());
    g.writeStringField("open", c.openKind());
    date(g, "opens_on", c.opensOn());
    missing(g, "missing_facts", "attorney_review", c.missing());
    g.writeArrayFieldStart("paths");
    for (PathResult p : c.paths()) {
      g.writeStartObject();
      g.writeStringField("id", p.id());
      g.writeStringField("title", p.title());
      g.writeStringField("result", p.truth().word());
      date(g, "opens_on", p.opensOn());
      g.writeArrayFieldStart("criteria");
      for (CriterionResult r : p.criteria()) {
        criterion(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("disqualifiers");
    for (CriterionResult r : c.disqualifiers()) {
      criterion(g, r);
    }
    g.writeEndArray();
    closing(g, c.notes(), c.nextSteps(), c.citations());
  }

  private void barrier(JsonGenerator g, BarrierResult b) throws IOException {
    g.writeStringField("title", b.title());
    g.writeStringField("status", b.status().word());
    g.writeStringField("ends_on", b.endsOn() == null ? null : b.endsOn().toString());
    date(g, "opens_on", b.opensOn());
    strings(g, "affects", b.affects());
    missing(g, "missing_facts", "attorney_review", b.missing());
    g.writeArrayFieldStart("triggers");
    for (CriterionResult r : b.triggers()) {
      criterion(g, r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exceptions");
    for (CriterionResult r : b.exceptions()) {
      criterion(g, r);
    }
    g.writeEndArray();
    closing(g, b.notes(), b.nextSteps(), b.citations());
  }

  /** The notes, next steps and citations that close a category's or a barrier's object. */
  private static void closing(
      JsonGenerator g,
      List<CriterionResult> notes,
      List<CriterionResult> steps,
      List<Citation> citations)
      throws IOException {
    g.writeArrayFieldStart("notes");
    for (CriterionResult r : notes) {
      textItem(g, r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("next_steps");
    for (CriterionResult r : steps) {
      textItem(g, r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("citations");
    for (Citation cite : citations) {
      g.writeStartObject();
      g.writeStringField("id", cite.id());
      g.writeStringField("title", cite.title());
      g.writeStringField("url", cite.url());
      g.writeStringField("date", cite.date());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void criterion(JsonGenerator g, CriterionResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("text", r.text());
    g.writeStringField("result", r.truth().word());
    cites(g, r.citations());
    g.writeStringField("question", r.question());
    missing(g, "missing", "review", r.missing());
    if (explain) {
      g.writeArrayFieldStart("read");
      for (EvalContext.Read read : r.reads()) {
        g.writeStartObject();
        g.writeStringField("fact", read.path());
        g.writeStringField("value", read.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void textItem(JsonGenerator g, CriterionResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("text", r.text());
    cites(g, r.citations());
    g.writeEndObject();
  }

  /** A criterion's citations: each id with its pinpoint ({@code at}), null when it has none. */
  private static void cites(JsonGenerator g, List<Cite> cites) throws IOException {
    g.writeArrayFieldStart("citations");
    for (Cite c : cites) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("at", c.at());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The facts that would settle a result, then (apart) the points it leaves to an attorney. */
  private static void missing(JsonGenerator g, String facts, String reviews, List<MissingFact> all)
      throws IOException {
    g.writeArrayFieldStart(facts);
    for (MissingFact m : all) {
      if (m.kind() != Missing.Kind.REVIEW) {
        missing(g, m);
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart(reviews);
    for (MissingFact m : all) {
      if (m.kind() == Missing.Kind.REVIEW) {
        g.writeStartObject();
        g.writeStringField("id", m.path());
        g.writeStringField("note", m.at());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  private static void missing(JsonGenerator g, MissingFact m) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", m.kind().word());
    g.writeStringField("fact", m.path());
    g.writeStringField("at", m.at());
    g.writeStringField("question", m.question());
    g.writeEndObject();
  }

  private static void date(JsonGenerator g, String name, java.time.LocalDate day)
      throws IOException {
    g.writeStringField(name, day == null ? null : day.toString());
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
