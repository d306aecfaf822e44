package org.homeward.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.homeward.report.HtmlReport;
import org.homeward.report.JsonReport;
import org.homeward.report.TextReport;

/**
 * Full reports, one per input row: JSON documents (pretty, or one per line for pipelines) in the
 * documented contract, with an error document for a row that could not be read; or text reports for
 * people, separated by a rule; or one person's HTML page.
 */
public final class ReportSink implements Sink {
  private final Writer out;
  private final JsonReport json;
  private final TextReport text;
  private final HtmlReport html;
  private final boolean single;
  private final boolean array;
  private long written;

  private ReportSink(
      Writer out, JsonReport json, TextReport text, HtmlReport html, boolean single) {
    this.out = out;
    this.json = json;
    this.text = text;
    this.html = html;
    this.single = single;
    this.array = json != null && json.pretty() && !single;
  }

  /**
   * JSON: one pretty document per person, a batch's in one JSON array; or one document per line
   * (JSON Lines); {@code single} (one person) leaves out the row number and the array.
   */
  public static ReportSink json(Writer out, boolean pretty, boolean explain, boolean single) {
    return json(out, new JsonReport(pretty, explain), single);
  }

  /** JSON documents as {@code report} writes them. */
  public static ReportSink json(Writer out, JsonReport report, boolean single) {
    return new ReportSink(out, report, null, null, single);
  }

  /**
   * Text reports for people; a row that could not be read is listed where it stands, with its
   * problems.
   */
  public static ReportSink text(Writer out, TextReport report, boolean single) {
    return new ReportSink(out, null, report, null, single);
  }

  /**
   * One person's HTML page (a batch gets {@link HtmlSummarySink} instead); a row that could not be
   * read is reported on standard error only.
   */
  public static ReportSink html(Writer out, HtmlReport report) {
    return new ReportSink(out, null, null, report, true);
  }

  @Override
  public boolean needsScreening() {
    return true;
  }

  /**
   * A JSON or text report, rendered on the screening thread (the reports keep no state of their
   * own); the writing thread adds the separators between documents and writes it. A single person's
   * HTML page is written as it is.
   */
  @Override
  public Object prepare(Result r) {
    if (html != null) {
      return null;
    }
    StringWriter doc = new StringWriter();
    try {
      if (text != null) {
        if (r.ok()) {
          text.write(r.screening(), r.verdict(), doc);
        } else if (!single) {
          text.writeError(r.row(), doc);
        }
      } else {
        long row = single ? 0 : r.row().number();
        if (r.ok()) {
          json.write(r.screening(), r.verdict(), row, doc);
        } else {
          json.writeError(row, r.row().id(), r.row().problems(), doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into a string: cannot happen
    }
    return doc.toString();
  }

  @Override
  public void write(Result r) throws IOException {
    write(r, prepare(r));
  }

  @Override
  public void write(Result r, Object prepared) throws IOException {
    if (html != null) {
      if (r.ok()) {
        html.write(r.screening(), r.verdict(), out);
      }
      return;
    }
    String doc = (String) prepared;
    if (text != null) {
      if (single && !r.ok()) {
        return; // one person's file that cannot be read: its problems go to standard error, and
        // nothing is written
      }
      if (written++ > 0) {
        out.write("\n" + "-".repeat(72) + "\n\n");
      }
    } else if (array) {
      out.write(written++ == 0 ? "[\n" : ",\n");
    }
    out.write(doc);
  }

  @Override
  public void flush() throws IOException {
    if (html == null) {
      out.flush();
    }
  }

  @Override
  public void finish(Summary summary) throws IOException {
    if (array) {
      out.write(written == 0 ? "[]\n" : "]\n");
    }
    out.flush();
  }
}
