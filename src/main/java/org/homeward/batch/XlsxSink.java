package org.homeward.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.homeward.report.Disclaimer;
import org.homeward.screening.BarrierStatus;

/**
 * Results as an Excel workbook, written as it goes: a Results sheet (one row per input row, the
 * header frozen and filtered; a new sheet past Excel's row limit), then a Summary sheet with people
 * per category and outcome and per barrier status. Text is written as text cells, never formulas,
 * and neutralised as in CSV so that it stays inert if the sheet is saved as CSV later.
 */
public final class XlsxSink implements Sink {
  private static final int FLUSH_EVERY = 2000;

  private final Table table;
  private final Workbook workbook;
  private final String asOfNote;
  private Worksheet sheet;
  private int sheets;
  private int r;

  /** {@code note} goes on the summary sheet (the as-of date and the rule-set version). */
  public XlsxSink(Table table, OutputStream out, String note) {
    this.table = table;
    this.asOfNote = note;
    this.workbook = new Workbook(out, "Homeward", "1.0");
    newSheet();
  }

  private void newSheet() {
    sheets++;
    sheet = workbook.newWorksheet(sheets == 1 ? "Results" : "Results " + sheets);
    List<String> header = table.header();
    for (int c = 0; c < header.size(); c++) {
      sheet.inlineString(0, c, header.get(c));
      sheet.style(0, c).bold().set();
    }
    sheet.freezePane(2, 1);
    r = 1;
  }

  @Override
  public boolean needsScreening() {
    return false;
  }

  @Override
  public void write(Result result) throws IOException {
    if (r >= Worksheet.MAX_ROWS) {
      sheet.finish();
      newSheet();
    }
    String[] cells = result.ok()
        ? table.cells(result.row().number(), result.row().person().id(), result.verdict())
        : table.error(result.row().number(), result.row().id(), result.row().problems());
    sheet.value(r, 0, result.row().number());
    for (int c = 1; c < cells.length; c++) {
      if (cells[c] != null && !cells[c].isEmpty()) {
        sheet.inlineString(r, c, Sink.neutralise(cells[c]));
      }
    }
    r++;
    if (r % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  @Override
  public void finish(Summary s) throws IOException {
    sheet.finish();
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
    String[] head = {"category", "may fit", "needs information (lead)", "needs information (unexplored)",
        "does not fit"};
    for (int c = 0; c < head.length; c++) {
      sum.inlineString(row, c, head[c]);
      sum.style(row, c).bold().set();
    }
    row++;
    for (int i = 0; i < s.rules().categories().size(); i++) {
      sum.inlineString(row, 0, s.rules().categories().get(i).id());
      for (int k = 0; k < 4; k++) {
        sum.value(row, k + 1, s.category(i, k));
      }
      row++;
    }
    row++;
    String[] bhead = {"barrier", "active", "possible", "expired", "not triggered"};
    for (int c = 0; c < bhead.length; c++) {
      sum.inlineString(row, c, bhead[c]);
      sum.style(row, c).bold().set();
    }
    row++;
    for (int j = 0; j < s.rules().barriers().size(); j++) {
      sum.inlineString(row, 0, s.rules().barriers().get(j).id());
      int k = 1;
      for (BarrierStatus status : BarrierStatus.values()) {
        sum.value(row, k++, s.barrier(j, status));
      }
      row++;
    }
    row++;
    sum.inlineString(row, 0, Disclaimer.TEXT);
    sum.width(0, 40);
    sum.finish();
    workbook.finish();
  }
}
