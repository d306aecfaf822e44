package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.homeward.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed workbooks and CSV files as a hostile user makes them: every one is a located error (an
 * error row, or exit 3 naming the sheet and cell), never an internal error or an OutOfMemoryError,
 * and never a message that repeats what a cell holds.
 */
class HostileSheetsTest {
  private static final String HEADER =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
          + "<c r=\"B1\" t=\"inlineStr\"><is><t>birth_date</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>name</t></is></c></row>";
  @TempDir Path dir;

  private CliRun screen(byte[] input, String ext, String... options) throws IOException {
    Path file = dir.resolve("in." + ext);
    Files.write(file, input);
    List<String> args = new java.util.ArrayList<>(List.of("screen", file.toString()));
    args.addAll(List.of("--format", "csv", "--as-of", "2026-11-28", "--threads", "1"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The result rows, without the header. */
  private static List<String> rows(CliRun r) {
    return r.lines().subList(1, r.lines().size());
  }

  private static String row(int n, String... cells) {
    return "<row r=\"" + n + "\">" + String.join("", cells) + "</row>";
  }

  private static String text(String ref, String value) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
  }

  @Test
  void aWorkbookOnStandardInputIsReadFromMemory() throws IOException {
    byte[] wb =
        Workbooks.of(HEADER + row(2, text("A2", "a"), "<c r=\"B2\" s=\"1\"><v>32874</v></c>"));
    CliRun r =
        CliRun.with(
            new ByteArrayInputStream(wb),
            Map.of(),
            false,
            "screen",
            "-",
            "--input-format",
            "xlsx",
            "--format",
            "jsonl",
            "--as-of",
            "2026-11-28");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"id\":\"a\"");
    try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("nothing of it written to disk")
          .noneMatch(n -> n.contains("fastexcel") || n.endsWith(".xlsx.tmp"));
    }
  }

  @Test
  void isoDateCellsAreDates() throws IOException {
    CliRun r =
        screen(
            Workbooks.of(
                HEADER
                    + row(
                        2, text("A2", "a"), "<c r=\"B2\" t=\"d\"><v>1990-02-03T00:00:00</v></c>")),
            "xlsx");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void aBadCellIsAnErrorRowNamingTheCellAndTheRowsAfterItAreRead() throws IOException {
    String rows =
        HEADER
            + row(2, text("A2", "a"), "<c r=\"B2\" t=\"x\"><v>1990</v></c>")
            + row(3, text("A3", "b"), "<c r=\"B3\" s=\"99\"><v>1990</v></c>")
            + row(4, text("A4", "c"), "<c r=\"B4\" t=\"s\"><v>7</v></c>")
            + row(5, text("A5", "d"), "<c r=\"B5\" s=\"1\"><v>-5</v></c>")
            + row(6, text("A6", "e"), "<c r=\"Q\"><v>1</v></c>")
            + row(7, text("A7", "f"), "<c r=\"B7\"><v>1990</v></c>");
    CliRun r = screen(Workbooks.of(rows, "only one"), "xlsx");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(rows(r)).hasSize(6);
    assertThat(rows(r).get(0)).contains("cell B2 has a cell type Excel does not write");
    assertThat(rows(r).get(1))
        .contains("cell B3 refers to a cell style the workbook does not have");
    assertThat(rows(r).get(2))
        .contains("cell B4 refers to shared string number 7, but the workbook has 1");
    assertThat(rows(r).get(3)).contains("cell B5 is a date cell holding a negative date serial");
    assertThat(rows(r).get(4)).contains("has a reference that is not a cell of this row");
    assertThat(rows(r).get(5)).startsWith("7,f,").endsWith(",");
    assertThat(r.err()).contains("in.xlsx: row 2, column birth_date: cell B2");
  }

  @Test
  void aTwoKilobyteWorkbookAddressingColumnZzzzzzIsRefusedQuickly() throws IOException {
    byte[] wb =
        Workbooks.of(
            HEADER
                + row(2, text("A2", "a"), "<c r=\"ZZZZZZ2\"><v>1</v></c>")
                + row(3, text("A3", "b")));
    assertThat(wb.length).isLessThan(2048);
    long start = System.nanoTime();
    CliRun r = screen(wb, "xlsx");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r).get(0)).contains("past Excel's last column (XFD)");
    assertThat(rows(r).get(1)).startsWith("3,b,");
  }

  @Test
  void aOneMegabyteWorkbookWithAOneGibibyteCellIsRefusedWithinTheHeapBudget() throws IOException {
    Path file = dir.resolve("huge.xlsx");
    try (OutputStream os = Files.newOutputStream(file)) {
      Workbooks.withHugeCell(os, 1L << 30);
    }
    assertThat(Files.size(file)).isLessThan(2L << 20);
    long start = System.nanoTime();
    CliRun r = screen(Files.readAllBytes(file), "xlsx");
    assertThat((System.nanoTime() - start) / 1e9)
        .as("refused as soon as the cell passes the limit")
        .isLessThan(10.0);
    assertThat(r.code()).as("its only row could not be read").isEqualTo(3);
    assertThat(r.err())
        .contains(
            "row 2: the rest of sheet \"People\" cannot be read from here on: cell A2 holds a value "
                + "longer than Excel's limit of 32,767 characters")
        .contains("not read");
  }

  @Test
  void damagedXmlEndsTheSheetWhereItIsFoundAndSaysHowMuchWasNotRead() throws IOException {
    String rows =
        HEADER
            + row(2, text("A2", "a"))
            + "<row r=\"3\"><c r=\"A3\"><v>1</c></row>"
            + row(4, text("A4", "c"));
    CliRun r = screen(Workbooks.of(rows), "xlsx");
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r)).hasSize(2);
    assertThat(rows(r).get(1)).startsWith("3,").contains("its XML is damaged").contains("not read");
    assertThat(r.err()).contains("reading stopped early");
  }

  @Test
  void aDoctypeTruncatedXmlOrAMissingWorkbookIsExitThreeWithAMessage() throws IOException {
    Map<String, String> parts = Workbooks.parts("<sheetData>" + HEADER + "</sheetData>");
    parts.put(
        "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"eeee\">]><worksheet>"
            + "<sheetData>"
            + HEADER
            + "</sheetData></worksheet>");
    CliRun doctype = screen(Workbooks.zip(parts), "xlsx");
    assertThat(doctype.code()).isEqualTo(3);
    assertThat(doctype.err()).contains("DOCTYPE");
    byte[] whole = Workbooks.of(HEADER + row(2, text("A2", "a")));
    CliRun cut = screen(java.util.Arrays.copyOf(whole, whole.length / 2), "xlsx");
    assertThat(cut.code()).isEqualTo(3);
    assertThat(cut.err()).contains("cannot be read as an Excel workbook");
    parts.remove("xl/workbook.xml");
    CliRun none = screen(Workbooks.zip(parts), "xlsx");
    assertThat(none.code()).isEqualTo(3);
    assertThat(none.err()).contains("no workbook part");
    assertThat(doctype.err() + cut.err() + none.err())
        .doesNotContain("internal error")
        .doesNotContain("Exception");
  }

  @Test
  void noMessageRepeatsWhatACellHolds() throws IOException {
    // given: a name and an A-number typed into the date and yes/no columns
    String header =
        "<row r=\"1\">"
            + text("A1", "id")
            + text("B1", "birth_date")
            + text("C1", "currently_in_us")
            + "</row>";
    CliRun r =
        screen(
            Workbooks.of(
                header
                    + row(
                        2,
                        text("A2", "p1"),
                        text("B2", "Zacarias Quispe"),
                        text("C2", "A099887766"))),
            "xlsx");
    CliRun csv =
        screen(
            "id,birth_date,currently_in_us\np1,Zacarias Quispe,A099887766\n"
                .getBytes(StandardCharsets.UTF_8),
            "csv");
    for (CliRun run : List.of(r, csv)) {
      assertThat(run.code()).as("nothing could be screened").isEqualTo(3);
      assertThat(run.err() + run.out())
          .contains("column birth_date: is not a date")
          .contains("is not yes or no")
          .doesNotContain("Zacarias")
          .doesNotContain("A099887766");
    }
  }

  @Test
  void anUnterminatedQuoteMidFileIsOneErrorRowAndTheRowsAfterItAreRead() throws IOException {
    String csv =
        "id,birth_date,name\na,1990,x\nb,1991,\"never closed\nc,1992,y\nd,1993,\"two\nlines\"\ne,1994,z\n";
    CliRun r = screen(csv.getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r)).extracting(l -> l.split(",")[1]).containsExactly("a", "", "c", "d", "e");
    assertThat(rows(r).get(1)).contains("never closed");
  }

  @Test
  void aCommaOutsideQuotesShiftsARowAndIsOneErrorNotOnePerShiftedCell() throws IOException {
    String csv =
        "id,name,birth_date,currently_in_us,entries.1.date\n"
            + "a,Perez, Juan,1990-01-02,no,2001-03-04\n"
            + "b,Ana,1991-02-03,yes,2002\n"
            + "c,Luz,1992-13-01,yes,2003\n"
            + "d,Eva,1993-13-01,no,2004,a note in a column without a header\n";
    CliRun r = screen(csv.getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r)).extracting(l -> l.split(",")[1]).containsExactly("a", "b", "c", "d");
    List<String> messages =
        r.err().lines().filter(l -> l.contains(": row ") && !l.contains("warning:")).toList();
    assertThat(messages)
        .filteredOn(l -> l.contains("row 2"))
        .as("the shifted row: one error that says why, and its first consequence")
        .singleElement()
        .asString()
        .contains("beyond the header's 5 columns")
        .contains("a comma")
        .contains("the first of the 3 problems that follow: column birth_date: is not a date");
    assertThat(messages)
        .filteredOn(l -> l.contains("row 4"))
        .as("a row within the header's columns keeps its own error")
        .singleElement()
        .asString()
        .contains("column birth_date: is not a date")
        .doesNotContain("beyond the header");
    assertThat(messages)
        .filteredOn(l -> l.contains("row 5"))
        .as("a value beyond the header with one problem: the shift, then that problem")
        .singleElement()
        .asString()
        .contains("column #6, beyond the header's 5 columns")
        .contains("the first of the 1 problem that follows: column birth_date: is not a date");
    assertThat(r.err()).doesNotContain("Juan").doesNotContain("a note");
  }

  /**
   * A stray comma can shift a row's values into columns where each still reads: here the birth date
   * lands under the first entry and the entry date under the removal. Screened, the row would give
   * a result for facts the person never gave, so a value beyond the header makes it an error row
   * even when nothing else is wrong.
   */
  @Test
  void aRowShiftedIntoColumnsWhereEveryValueStillReadsIsNotScreened() throws IOException {
    String csv =
        "id,name,birth_date,entries.1.date,removals.1.departure_date\n"
            + "a,Ana,,1990-01-02,2001-03-04,2010-05-06\n"
            + "b,Eva,1991-02-03,2002-03-04,2011-05-06\n";
    CliRun r = screen(csv.getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r)).extracting(l -> l.split(",")[1]).containsExactly("a", "b");
    assertThat(rows(r).get(0))
        .contains("column #6, beyond the header's 5 columns")
        .contains("the row is not screened")
        .doesNotContain("problem that follows");
    assertThat(rows(r).get(1)).doesNotContain("beyond the header");
    assertThat(r.err())
        .contains("row 2")
        .doesNotContain("row 3")
        .doesNotContain("warning")
        .doesNotContain("2010-05-06");
  }

  /**
   * A header that lost its separator between two columns reads every value after it under the
   * header before its own, in every row: the sheet is refused, naming the header cell, rather than
   * screened on facts in the wrong columns. A header that only looks like two (its rows as wide as
   * it) is an unknown column, as any other.
   */
  @Test
  void aHeaderThatRunsTwoColumnsTogetherIsRefusedOnlyWhenTheRowsAreWiderThanIt()
      throws IOException {
    String header = "id,birth_dateentries.1.date,removals.1.departure_date\n";
    CliRun lost =
        screen((header + "a,1990-01-02,2001-03-04,\n").getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(lost.code()).isEqualTo(3);
    assertThat(lost.out()).isEmpty();
    assertThat(lost.err())
        .contains("row 1, column #2: this header runs two columns together")
        .contains("\"birth_date\" and \"entries.1.date\"")
        .contains("nothing was screened")
        .doesNotContain("1990-01-02");

    String clinic =
        Files.readString(Path.of("samples/clinic-sheet.csv"))
            .replaceFirst("In the US now\\?,Intake worker", "In the US now?Intake worker");
    CliRun withMap =
        screen(
            clinic.getBytes(StandardCharsets.UTF_8), "csv", "--map", "samples/clinic-mapping.yaml");
    assertThat(withMap.code())
        .as("the mapping's headers, and those it ignores, count")
        .isEqualTo(3);
    assertThat(withMap.err())
        .contains("column #12: this header runs two columns together")
        .contains("(\"In the US now?\" and \"Intake worker\")");

    CliRun compound =
        screen("id,Name ID,birth_date\na,Ana,1990-01-02\n".getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(compound.code()).isZero();
    assertThat(compound.err())
        .contains("1 column is not a fact and will be ignored: \"Name ID\"")
        .doesNotContain("runs two columns together");
  }

  /**
   * A header that lost a cell (here a deletion took the end of one name, the separator and the
   * start of the next) puts every value after it under the wrong header, in rows that the program
   * which wrote them made as wide as the header it had: wider than the header now, with blank cells
   * at the end. Each such row is one error saying so, not a screening of the wrong facts. Rows as
   * wide as a header, or a header whose every cell names a column over rows with a trailing comma,
   * are screened as before.
   */
  @Test
  void rowsWiderThanAHeaderThatLostACellAreOneErrorEach() throws IOException {
    CliRun lost =
        screen(
            ("id,birth_daes.1.date,removals.1.departure_date\n"
                    + "a,1990-01-02,2001-03-04,\n"
                    + "b,1991-02-03,2002-03-04,\n")
                .getBytes(StandardCharsets.UTF_8),
            "csv");
    assertThat(lost.code()).as("no row could be screened").isEqualTo(3);
    assertThat(rows(lost)).as("each is an error row").hasSize(2);
    List<String> errors = lost.err().lines().filter(l -> l.contains(": row ")).toList();
    assertThat(errors)
        .hasSize(2)
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("the row has 4 cells and the header 3")
                    .contains("column #2 names no column")
                    .contains("the row is not screened")
                    .doesNotContain("2001-03-04"));

    CliRun trailing =
        screen(
            "id,birth_date\na,1990-01-02,\nb,1991-02-03,\n".getBytes(StandardCharsets.UTF_8),
            "csv");
    assertThat(trailing.code()).as(trailing.err()).isZero();
    CliRun asWide =
        screen(
            "id,Notes,birth_date\na,called,1990-01-02\n".getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(asWide.code()).as(asWide.err()).isZero();
  }

  /**
   * A column inside the header's width whose header cell is blank (a spreadsheet pads the header to
   * its used columns) is where people type notes: it is ignored, with one warning, and the row is
   * screened.
   */
  @Test
  void aColumnWithABlankHeaderIsIgnoredWithOneWarning() throws IOException {
    String csv = "id,birth_date,\na,1990-01-02,call after 5\nb,1991-02-03,no answer\n";
    CliRun r = screen(csv.getBytes(StandardCharsets.UTF_8), "csv");
    assertThat(r.code()).isZero();
    assertThat(rows(r)).hasSize(2).noneMatch(l -> l.contains("beyond the header"));
    assertThat(r.err().lines().filter(l -> l.contains("a column without a header holds values")))
        .singleElement()
        .asString()
        .contains("#3")
        .doesNotContain("call after");
  }

  @Test
  void aStrayWindows1252ByteAfterSixtyFourKilobytesIsOneErrorRow() throws IOException {
    StringBuilder csv = new StringBuilder("id,birth_date\n");
    int n = 0;
    while (csv.length() < 70_000) {
      csv.append("p").append(n++).append(",1990\n");
    }
    byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = "Jos\u00e9,1990\nlast,1990\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    CliRun r = screen(all, "csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(rows(r)).hasSize(n + 2);
    assertThat(rows(r).get(n)).contains("column id: holds bytes that are not UTF-8 text");
    assertThat(rows(r).get(n + 1)).startsWith((n + 3) + ",last,");
  }
}
