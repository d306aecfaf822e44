package org.homeward.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.homeward.report.Disclaimer;
import org.homeward.report.Words;
import org.homeward.screening.BarrierStatus;

/**
 * Results as an Excel workbook, written as it goes: a Results sheet (one row per input row, the
 * header frozen; a new sheet past Excel's row limit), then a Summary sheet with people per category
 * and outcome and per barrier status (and, with {@code --compare}, what changed), then the Call
 * list: every screened row, whom to call first. Text is written as text cells, never formulas, and
 * neutralised as in CSV so that it stays inert if the sheet is saved as CSV later.
 */
public final class XlsxSink implements Sink {
  /** The call list's columns. */
  public static final List<String> CALL_COLUMNS =
      List.of(
          "call",
          "row",
          "id",
          "standing",
          "may_fit",
          "leads",
          "next_question",
          "question",
          "waiting",
          "changed");

  private static final int FLUSH_EVERY = 2000;

  private final Table table;
  private final Workbook workbook;
  private final String asOfNote;
  private final Words words;
  private final CallList calls;
  private final Pages results;

  /**
   * {@code note} goes on the summary sheet (the as-of date and the rule-set version); {@code words}
   * give the call list's questions their language.
   */
  public XlsxSink(Table table, OutputStream out, String note, Words words) {
    this.table = table;
    this.asOfNote = note;
    this.words = words;
    this.calls = CallList.all();
    this.workbook = new Workbook(out, "Homeward", "1.0");
    this.results = new Pages(workbook, "Results", table.header(), 2);
  }

  @Override
  public boolean needsScreening() {
    return false;
  }

  @Override
  public void write(Result result) throws IOException {
    String[] cells = table.cells(result);
    Worksheet sheet = results.row();
    int r = results.at();
    sheet.value(r, 0, result.row().number());
    for (int c = 1; c < cells.length; c++) {
      if (cells[c] != null && !cells[c].isEmpty()) {
        sheet.inlineString(r, c, Sink.neutralise(cells[c]));
      }
    }
    results.done();
    calls.add(result);
  }

  @Override
  public void finish(Summary s) throws IOException {
    results.finish();
    summary(s);
    callList();
    workbook.finish();
  }

  private void summary(Summary s) throws IOException {
    Worksheet sum = workbook.newWorksheet("Summary");
    int row = 0;
    sum.inlineString(row, 0, "Homeward screening summary");
    sum.style(row, 0).bold().set();
    row++;
    sum.inlineString(row++, 0, asOfNote);
    sum.inlineString(row, 0, "rows read");
    sum.value(row++, 1, s.rows());
    sum.inlineString(row, 0, "screened");
    sum.value(row++, 1, s.screened());
    sum.inlineString(row, 0, "could not be screened");
    sum.value(row++, 1, s.errors());
    row++;
    String[] head = {
      "category",
      "may fit",
      "needs information (lead)",
      "needs information (unexplored)",
      "does not fit"
    };
    bold(sum, row++, head);
    for (int i = 0; i < s.rules().categories().size(); i++) {
      sum.inlineString(row, 0, s.rules().categories().get(i).id());
      for (int k = 0; k < 4; k++) {
        sum.value(row, k + 1, s.category(i, k));
      }
      row++;
    }
    row++;
    bold(sum, row++, new String[] {"barrier", "active", "possible", "expired", "not triggered"});
    for (int j = 0; j < s.rules().barriers().size(); j++) {
      sum.inlineString(row, 0, s.rules().barriers().get(j).id());
      int k = 1;
      for (BarrierStatus status : BarrierStatus.values()) {
        sum.value(row, k++, s.barrier(j, status));
      }
      row++;
    }
    Comparison compare = s.comparison();
    if (compare != null) {
      row++;
      bold(sum, row++, new String[] {"compared with the earlier results", compare.name()});
      for (Comparison.Count c : compare.counts()) {
        sum.inlineString(row, 0, c.label());
        sum.value(row++, 1, c.value());
      }
    }
    row++;
    sum.inlineString(
        row++,
        0,
        "Call list: the Call list sheet holds every screened row, whom to call first: those that "
            + "may fit somewhere, then those with a lead, then by how many open results the answer to their next question "
            + "would settle.");
    sum.inlineString(row, 0, Disclaimer.TEXT);
    sum.width(0, 40);
    sum.finish();
  }

  private void callList() throws IOException {
    Pages pages = new Pages(workbook, "Call list", CALL_COLUMNS, 3);
    long rank = 0;
    for (CallList.Entry e : calls) {
      Worksheet sheet = pages.row();
      int r = pages.at();
      sheet.value(r, 0, ++rank);
      sheet.value(r, 1, e.row());
      sheet.inlineString(r, 2, Sink.neutralise(e.id()));
      sheet.inlineString(r, 3, e.standing());
      text(sheet, r, 4, String.join("; ", e.mayFit()));
      text(sheet, r, 5, String.join("; ", e.leads()));
      if (e.question() != null) {
        sheet.inlineString(r, 6, Table.column(e.question().at()));
        sheet.inlineString(r, 7, Sink.neutralise(words.question(e.question())));
        sheet.value(r, 8, e.waits());
      }
      if (e.changed() != null) {
        sheet.inlineString(r, 9, Sink.neutralise(e.changed()));
      }
      pages.done();
    }
    pages.finish();
  }

  private static void text(Worksheet sheet, int r, int c, String value) {
    if (!value.isEmpty()) {
      sheet.inlineString(r, c, value);
    }
  }

  private static void bold(Worksheet sheet, int row, String[] cells) {
    for (int c = 0; c < cells.length; c++) {
      sheet.inlineString(row, c, cells[c]);
      sheet.style(row, c).bold().set();
    }
  }

  /**
   * Rows on as many sheets as Excel's row limit asks ({@code Results}, {@code Results 2}, ...),
   * each with the header.
   */
  private static final class Pages {
    private final Workbook workbook;
    private final String name;
    private final List<String> header;
    private final int frozenColumns;
    private Worksheet sheet;
    private int sheets;
    private int r;

    Pages(Workbook workbook, String name, List<String> header, int frozenColumns) {
      this.workbook = workbook;
      this.name = name;
      this.header = header;
      this.frozenColumns = frozenColumns;
      next();
    }

    private void next() {
      sheets++;
      sheet = workbook.newWorksheet(sheets == 1 ? name : name + " " + sheets);
      for (int c = 0; c < header.size(); c++) {
        sheet.inlineString(0, c, header.get(c));
        sheet.style(0, c).bold().set();
      }
      sheet.freezePane(frozenColumns, 1);
      r = 1;
    }

    /** The sheet the next row goes on. */
    Worksheet row() throws IOException {
      if (r >= Worksheet.MAX_ROWS) {
        sheet.finish();
        next();
      }
      return sheet;
    }

    int at() {
      return r;
    }

    void done() throws IOException {
      r++;
      if (r % FLUSH_EVERY == 0) {
        sheet.flush();
      }
    }

    void finish() throws IOException {
      sheet.finish();
    }
  }
}
