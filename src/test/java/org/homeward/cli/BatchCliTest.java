package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.homeward.batch.XlsxSink;
import org.homeward.sheet.SheetFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch screening through the command line: spreadsheets in and out, nothing lost, nothing run. */
class BatchCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static CliRun run(InputStream in, String... args) {
    return CliRun.with(in, Map.of(), false, args);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static List<List<String>> rows(Path xlsx, String sheetName) throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      Sheet sheet = wb.findSheet(sheetName).orElseThrow();
      List<List<String>> out = new ArrayList<>();
      try (Stream<Row> rows = sheet.openStream()) {
        rows.forEach(
            r -> {
              List<String> cells = new ArrayList<>();
              for (int i = 0; i < r.getCellCount(); i++) {
                cells.add(r.getOptionalCell(i).map(Cell::getRawValue).orElse(null));
              }
              out.add(cells);
            });
      }
      return out;
    }
  }

  @Test
  void formulaLookingCellsComeOutNeutralisedInCsvAndXlsx() throws IOException {
    Path in =
        write(
            "in.csv",
            "id,birth_date\n=1+1,1990\n+SUM(A1),1990\n-2+3,1990\n@cmd,1990\n\"\tx\",1990\nplain,1990\n");
    CliRun csv = run("screen", in.toString(), "--format", "csv", "--as-of", "2026-11-28", "-q");
    assertThat(csv.code()).isZero();
    List<String> ids = csv.lines().stream().skip(1).map(l -> l.split(",")[1]).toList();
    assertThat(ids)
        .as("a tab before a value is trimmed away when read")
        .containsExactly("'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "x", "plain");

    Path out = dir.resolve("out.xlsx");
    assertThat(
            run("screen", in.toString(), "-o", out.toString(), "--as-of", "2026-11-28", "-q")
                .code())
        .isZero();
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
      List<Row> rows = wb.findSheet("Results").orElseThrow().read();
      for (Row r : rows.subList(1, rows.size())) {
        Cell id = r.getCell(1);
        assertThat(id.getType()).isEqualTo(CellType.STRING);
        assertThat(id.getFormula()).isNull();
      }
      assertThat(rows.get(1).getCell(1).getRawValue()).isEqualTo("'=1+1");
    }
  }

  @Test
  void excelCsvStartsWithAByteOrderMark() throws IOException {
    Path in = write("in.csv", "id,birth_date\nJosé,1990\n");
    CliRun r =
        run("screen", in.toString(), "--format", "csv", "--excel", "--as-of", "2026-11-28", "-q");
    assertThat(r.bytes()).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(r.out()).contains("José");
  }

  @Test
  void theTemplateRoundTripsThroughCsv() throws IOException {
    CliRun template = run("template", "--format", "csv");
    assertThat(template.code()).isZero();
    List<String> header = List.of(template.lines().get(0).split(","));
    Map<String, Object> person =
        SheetFixtures.parse(Files.readString(Path.of("samples/several-categories.json")));
    Map<String, String> row = SheetFixtures.flatten(person);
    assertThat(header)
        .as("the template has every column the sample needs")
        .containsAll(row.keySet());
    Path filled = dir.resolve("filled.csv");
    SheetFixtures.writeCsv(filled, header, List.of(row));
    assertThat(screenJson(filled))
        .isEqualTo(screenJson(Path.of("samples/several-categories.json")));
  }

  @Test
  void theXlsxTemplateHasADataDictionaryAndRoundTrips() throws IOException {
    Path template = dir.resolve("intake.xlsx");
    CliRun t = run("template", "-o", template.toString());
    assertThat(t.code()).as(t.err()).isZero();
    List<String> header = rows(template, "People").get(0);
    List<List<String>> dictionary = rows(template, "Data dictionary");
    assertThat(dictionary).hasSize(header.size() + 1);
    assertThat(dictionary.get(0))
        .startsWith("column", "type", "allowed values", "meaning", "question to ask");
    assertThat(dictionary.stream().skip(1).map(r -> r.get(0)).toList()).isEqualTo(header);
    List<String> birthPlace =
        dictionary.stream()
            .filter(r -> r.get(0).equals("birth_place_type"))
            .findFirst()
            .orElseThrow();
    assertThat(birthPlace.get(2)).contains("abroad", "us_state_or_dc");

    Map<String, Object> person =
        SheetFixtures.parse(Files.readString(Path.of("samples/veteran-wartime-service.json")));
    Path filled = dir.resolve("filled.xlsx");
    SheetFixtures.writeXlsx(filled, header, List.of(SheetFixtures.flatten(person)));
    assertThat(screenJson(filled))
        .isEqualTo(screenJson(Path.of("samples/veteran-wartime-service.json")));
  }

  private JsonNode screenJson(Path file) throws IOException {
    CliRun r = run("screen", file.toString(), "--format", "jsonl", "--as-of", "2026-11-28", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    ObjectNode doc = (ObjectNode) JSON.readTree(r.lines().get(0));
    doc.remove("row");
    doc.remove("source");
    return doc;
  }

  @Test
  void aMappingFileScreensASheetWithForeignHeaders() throws IOException {
    Path canonical =
        write(
            "canonical.csv",
            "id,birth_date,currently_in_us,entries.1.date,entries.1.manner,convictions\n"
                + "a,1995-06-15,no,2003-02,without_inspection,none\n");
    Path foreign =
        write(
            "foreign.csv",
            "Client #,Fecha de nacimiento,¿Está en EE.UU.?,Came in,How,Record,Staff notes\n"
                + "a,06/15/1995,No,2003-02,Without inspection,none,called twice\n");
    Path map =
        write(
            "map.yaml",
            "columns:\n  \"Client #\": id\n  ¿Está en EE.UU.?: currently_in_us\n  Came in: entries.1.date\n"
                + "  How: entries.1.manner\n  Record: convictions\nignore: [Staff notes]\n");
    CliRun mapped =
        run(
            "screen",
            foreign.toString(),
            "--map",
            map.toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28");
    CliRun plain = run("screen", canonical.toString(), "--format", "csv", "--as-of", "2026-11-28");
    assertThat(mapped.code()).as(mapped.err()).isZero();
    assertThat(mapped.out()).isEqualTo(plain.out());
    assertThat(mapped.err()).as("nothing unknown left to report").doesNotContain("warning");
  }

  @Test
  void aMisspeltMappingTargetIsALocatedUsageError() throws IOException {
    Path in = write("in.csv", "Born\n1990\n");
    Path map = write("map.yaml", "columns:\n  Born: birth_dat\n");
    CliRun r = run("screen", in.toString(), "--map", map.toString(), "--format", "csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("map.yaml:2:9: 'birth_dat' is not a column — did you mean 'birth_date'?");
  }

  @Test
  void unknownHeadersAreReportedOnceAndTheRestIsScreened() throws IOException {
    StringBuilder csv = new StringBuilder("id,birth_date,Notes,Intake worker\n");
    for (int i = 0; i < 50; i++) {
      csv.append("p").append(i).append(",1990,x,y\n");
    }
    CliRun r =
        run(
            "screen",
            write("in.csv", csv.toString()).toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28");
    assertThat(r.code()).isZero();
    assertThat(r.err().split("not facts", -1)).hasSize(2);
    assertThat(r.err()).contains("\"Notes\", \"Intake worker\"");
    assertThat(r.lines()).hasSize(51);
  }

  @Test
  void badRowsBecomeErrorRowsInOrderAndTheRunGoesOn() throws IOException {
    Path in =
        write(
            "in.csv",
            "id,birth_date,convictions,convictions.1.statute,currently_in_us\n"
                + "a,1990,none,,yes\n"
                + "b,13/45/2003,,,yes\n"
                + ",,,,\n"
                + "c,1990,none,PC 459,maybe\n"
                + "d,1990,2,PC 459,no\n");
    CliRun r = run("screen", in.toString(), "--format", "csv", "--as-of", "2026-11-28");
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).startsWith("2,a,").endsWith(",");
    assertThat(lines.get(2))
        .startsWith("3,b,")
        .contains("column birth_date: is not a date")
        .doesNotContain("13/45/2003");
    assertThat(lines.get(3))
        .startsWith("5,c,")
        .contains(
            "column convictions: says there are no convictions, but column convictions.1.statute describes one")
        .contains("column currently_in_us: is not yes or no");
    assertThat(lines.get(4))
        .as("a count with fewer described items is fine")
        .startsWith("6,d,")
        .endsWith(",");
    assertThat(r.err())
        .contains("in.csv: row 3, column birth_date: is not a date")
        .doesNotContain("13/45/2003")
        .contains("4 rows read: 2 screened, 2 could not be screened (1 blank row skipped)")
        .contains("rows in error: 3, 5");
  }

  @Test
  void theXlsxResultsHaveOneRowPerInputRowAndASummarySheet() throws IOException {
    Path in =
        write("in.jsonl", "{\"id\":\"a\",\"birth_date\":\"1990\"}\n{\"id\":\n{\"id\":\"c\"}\n");
    Path out = dir.resolve("results.xlsx");
    CliRun r = run("screen", in.toString(), "-o", out.toString(), "--as-of", "2026-11-28", "-q");
    assertThat(r.code()).isEqualTo(1);
    List<List<String>> results = rows(out, "Results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0)).startsWith("row", "id", "us-citizen-claim");
    assertThat(results.stream().skip(1).map(x -> x.get(0)).toList()).containsExactly("1", "2", "3");
    assertThat(results.get(2).get(results.get(0).indexOf("error"))).contains("line 2");
    List<List<String>> summary = rows(out, "Summary");
    List<String> daca =
        summary.stream()
            .filter(x -> !x.isEmpty() && "daca".equals(x.get(0)))
            .findFirst()
            .orElseThrow();
    long people = daca.stream().skip(1).mapToLong(Long::parseLong).sum();
    assertThat(people).as("every screened person counted once per category").isEqualTo(2);
  }

  @Test
  void anInterruptedRunLeavesNoCompleteLookingOutput() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      jsonl.append("{\"id\":\"p").append(i).append("\",\"birth_date\":\"1990\"}\n");
    }
    byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
    InputStream failing =
        new InputStream() {
          private int at;

          @Override
          public int read() throws IOException {
            if (at >= bytes.length / 2) {
              throw new IOException("connection reset");
            }
            return bytes[at++];
          }
        };
    Path out = dir.resolve("results.csv");
    CliRun r =
        run(
            failing,
            "screen",
            "-",
            "--input-format",
            "jsonl",
            "-o",
            out.toString(),
            "--as-of",
            "2026-11-28",
            "-q");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("connection reset");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no result, no temporary file")
          .isEmpty();
    }
  }

  /**
   * A sheet with a header and no one in it is read whole: its results are a header and no rows,
   * which the CSV writer gives at the end, having had no row to give it with.
   */
  @Test
  void aSheetWithAHeaderAndNoRowsGivesAResultHeaderAndNoRows() throws IOException {
    CliRun none = run("screen", write("none.csv", "id,birth_date\n").toString(), "--format", "csv");
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.lines()).singleElement().asString().startsWith("row,id,");
  }

  @Test
  void sheetsThatCannotBeReadSayWhatToDo() throws IOException {
    CliRun xls = run("screen", write("old.xls", "x").toString());
    assertThat(xls.code()).isEqualTo(3);
    assertThat(xls.err()).contains("save the sheet from Excel as .xlsx");
    CliRun empty = run("screen", write("empty.csv", "").toString(), "--format", "csv");
    assertThat(empty.code()).isEqualTo(3);
    assertThat(empty.err()).contains("the sheet is empty");
    assertThat(empty.out()).as("nothing screened, nothing on standard output").isEmpty();
    CliRun foreign =
        run(
            "screen",
            write("foreign.csv", "Edad,Ciudad\n30,Tijuana\n").toString(),
            "--format",
            "csv");
    assertThat(foreign.code()).isEqualTo(3);
    assertThat(foreign.err()).contains("no header names a fact").contains("--map");
    assertThat(foreign.out()).as("not even a header that looks like a sheet of no one").isEmpty();
    CliRun notXlsx = run("screen", write("fake.xlsx", "not a zip").toString(), "--format", "csv");
    assertThat(notXlsx.code()).isEqualTo(3);
    assertThat(notXlsx.err()).contains("cannot be read as an Excel workbook");
    CliRun dup =
        run(
            "screen",
            write("dup.csv", "DOB,birth_date\n1990,1990\n").toString(),
            "--format",
            "csv");
    assertThat(dup.code()).isEqualTo(3);
    assertThat(dup.err()).contains("both hold birth_date");
    CliRun latin1 =
        run(
            "screen",
            Files.write(
                    dir.resolve("latin1.csv"),
                    "id,name\nx,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
                .toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28");
    assertThat(latin1.err()).contains("not UTF-8 text, so it is read as Windows-1252");
    assertThat(latin1.code()).isZero();
  }

  @Test
  void excelDateCellsAreDatesAndExcelNumbersAreTheDigitsTyped() throws IOException {
    Path in = dir.resolve("dates.xlsx");
    try (java.io.OutputStream os = Files.newOutputStream(in)) {
      org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
      org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("People");
      String[] header = {
        "id", "birth_date", "entries.1.date", "entries.1.age_at_entry", "currently_in_us"
      };
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      ws.value(1, 0, 1001);
      ws.value(1, 1, LocalDate.of(1993, 4, 11));
      ws.style(1, 1).format("mm/dd/yyyy").set();
      ws.value(1, 2, 2001);
      ws.value(1, 3, 8);
      ws.value(1, 4, false);
      wb.finish();
    }
    CliRun r = run("screen", in.toString(), "--format", "jsonl", "--as-of", "2026-11-28", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.lines().get(0));
    assertThat(doc.get("id").asText()).as("a numeric id keeps its digits").isEqualTo("1001");
    Path json =
        write(
            "same.json",
            "{\"id\":\"1001\",\"birth_date\":\"1993-04-11\",\"entries\":[{\"date\":\"2001\","
                + "\"age_at_entry\":8}],\"currently_in_us\":false}");
    assertThat(screenJson(in))
        .as("a date cell is the date; 2001 in a plain number cell is the year 2001")
        .isEqualTo(screenJson(json));
  }

  @Test
  void semicolonSeparatedSheetsFromEuropeanExcelAreRead() throws IOException {
    CliRun r =
        run(
            "screen",
            write("eu.csv", "id;birth_date\na;1990\n").toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28",
            "-q");
    assertThat(r.code()).isZero();
    assertThat(r.lines().get(1)).startsWith("2,a,needs_info");
  }

  @Test
  void theFormatFollowsTheOutputFilesExtension() throws IOException {
    Path in = write("in.csv", "id,birth_date\na,1990\n");
    Path out = dir.resolve("r.jsonl");
    assertThat(
            run("screen", in.toString(), "-o", out.toString(), "--as-of", "2026-11-28", "-q")
                .code())
        .isZero();
    JsonNode doc = JSON.readTree(Files.readAllLines(out).get(0));
    assertThat(doc.get("row").asInt()).isEqualTo(2);
    assertThat(doc.get("source").asText()).endsWith("in.csv: row 2");
  }

  @Test
  void theOrderOfRowsNeverDependsOnTheThreads() throws IOException {
    StringBuilder csv = new StringBuilder("id,birth_date,currently_in_us\n");
    for (int i = 0; i < 3000; i++) {
      csv.append("p")
          .append(i)
          .append(",")
          .append(1970 + i % 40)
          .append(",")
          .append(i % 3 == 0 ? "yes" : "")
          .append('\n');
    }
    Path in = write("in.csv", csv.toString());
    Map<String, String> byThreads = new LinkedHashMap<>();
    for (String threads : List.of("1", "2", "5")) {
      byThreads.put(
          threads,
          run(
                  "screen",
                  in.toString(),
                  "--format",
                  "csv",
                  "--as-of",
                  "2026-11-28",
                  "-q",
                  "--threads",
                  threads)
              .out());
    }
    assertThat(byThreads.values()).allMatch(t -> t.equals(byThreads.get("1")));
    assertThat(byThreads.get("1").lines().count()).isEqualTo(3001);
  }

  @Test
  void fullReportsRenderedOnTheScreeningThreadsComeOutAsOnOne() throws IOException {
    // full reports are rendered ahead on the workers, a few rows a chunk: more rows than the
    // chunks in flight, one in error, and every report format, must match one thread's output
    StringBuilder csv = new StringBuilder("id,birth_date,entries.1.date,entries.1.manner\n");
    for (int i = 0; i < 300; i++) {
      csv.append("p").append(i).append(",").append(i == 150 ? "13/45/2003" : 1970 + i % 40);
      csv.append(",").append(i % 2 == 0 ? "2000-07-01,without_inspection" : ",").append('\n');
    }
    Path in = write("people.csv", csv.toString());
    for (String format : List.of("jsonl", "json", "text")) {
      List<String> outs = new ArrayList<>();
      for (String threads : List.of("1", "3")) {
        CliRun r =
            run(
                "screen",
                in.toString(),
                "--rules",
                "src/test/resources/fixture-rules",
                "--format",
                format,
                "--as-of",
                "2026-11-28",
                "-q",
                "--threads",
                threads);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        outs.add(r.out());
      }
      assertThat(outs.get(1)).as(format).isEqualTo(outs.get(0));
      assertThat(outs.get(0)).as(format).contains("p299").contains("is not a date");
    }
  }

  @Test
  void eachRowNamesItsNextQuestionsAsColumnsAsTheJsonRanksThem() throws IOException {
    CliRun csv =
        run("screen", "samples/intake.csv", "--format", "csv", "--as-of", "2026-11-28", "-q");
    CliRun jsonl =
        run("screen", "samples/intake.csv", "--format", "jsonl", "--as-of", "2026-11-28", "-q");
    List<String> header = List.of(csv.lines().get(0).split(","));
    assertThat(header)
        .contains("next_questions")
        .doesNotContain("missing_facts", "next_questions_text");
    List<String[]> rows = csvRows(csv.out());
    int asked = 0;
    for (int i = 1; i < rows.size(); i++) {
      JsonNode doc = JSON.readTree(jsonl.lines().get(i - 1));
      if (!doc.has("next_questions")) {
        continue;
      }
      List<String> expected = new ArrayList<>();
      doc.get("next_questions")
          .forEach(
              q -> expected.add(org.homeward.facts.FactPath.parse(q.get("at").asText()).column()));
      assertThat(expected).hasSizeLessThanOrEqualTo(5);
      String cell = rows.get(i)[header.indexOf("next_questions")];
      assertThat(cell.isEmpty() ? List.of() : List.of(cell.split("; ")))
          .as("row %s", rows.get(i)[0])
          .containsExactlyElementsOf(expected);
      asked += expected.size();
    }
    assertThat(asked).isPositive();
    CliRun all =
        run(
            "screen",
            "samples/intake.csv",
            "--format",
            "csv",
            "--as-of",
            "2026-11-28",
            "-q",
            "--all-missing",
            "--questions",
            "2");
    assertThat(all.lines().get(0)).contains(",next_questions,missing_facts,exact_dates_needed,");
    assertThat(csvRows(all.out()).stream().skip(1).map(r -> r[header.indexOf("next_questions")]))
        .allMatch(c -> c.isEmpty() || c.split("; ").length <= 2);
  }

  @Test
  void theTextReportAsksNextWhatTheJsonRanksFirst() throws IOException {
    String sample = "samples/several-categories.json";
    JsonNode doc =
        JSON.readTree(
            run("screen", sample, "--format", "json", "--as-of", "2026-11-28", "--questions", "3")
                .out());
    List<String> expected = new ArrayList<>();
    doc.get("next_questions").forEach(q -> expected.add("(" + q.get("at").asText() + ")"));
    assertThat(expected).hasSize(3);
    CliRun text = run("screen", sample, "--as-of", "2026-11-28", "--questions", "3");
    List<String> lines = text.lines();
    int heading =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("ASK NEXT")).findFirst().orElseThrow());
    for (int k = 0; k < 3; k++) {
      assertThat(lines.get(heading + 1 + k))
          .startsWith("  " + (k + 1) + ". ")
          .contains(expected.get(k));
    }
    assertThat(lines.get(heading + 4)).isEmpty();
    assertThat(run("screen", sample, "--as-of", "2026-11-28", "--questions", "0").out())
        .doesNotContain("ASK NEXT");
  }

  @Test
  void theXlsxResultsShowTheQuestionsAndListWhomToCallFirst() throws IOException {
    Path out = dir.resolve("results.xlsx");
    CliRun r =
        run(
            "screen",
            "samples/intake.csv",
            "-o",
            out.toString(),
            "--as-of",
            "2026-11-28",
            "-q",
            "--lang",
            "es");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    List<List<String>> results = rows(out, "Results");
    List<String> header = results.get(0);
    assertThat(header)
        .contains("next_questions", "next_questions_text")
        .doesNotContain("missing_facts");
    List<List<String>> calls = rows(out, "Call list");
    assertThat(calls.get(0)).containsExactlyElementsOf(org.homeward.batch.XlsxSink.CALL_COLUMNS);
    long screened =
        results.stream()
            .skip(1)
            .filter(
                x -> x.size() <= header.indexOf("error") || x.get(header.indexOf("error")) == null)
            .count();
    assertThat(calls).as("every screened row, once").hasSize((int) screened + 1);
    List<String> standings = calls.stream().skip(1).map(x -> x.get(3)).toList();
    assertThat(standings)
        .as("may fit first, then leads")
        .isSortedAccordingTo(
            java.util.Comparator.comparingInt(
                s -> List.of("may_fit", "lead", "open", "settled").indexOf(s)));
    List<String> asked =
        calls.stream()
            .skip(1)
            .filter(x -> x.size() > 7 && x.get(7) != null)
            .map(x -> x.get(7))
            .toList();
    assertThat(asked)
        .as("questions in the language asked for")
        .isNotEmpty()
        .anyMatch(q -> q.contains("¿"));
    assertThat(
            rows(out, "Summary").stream()
                .flatMap(List::stream)
                .filter(c -> c != null && c.startsWith("Call list")))
        .hasSize(1);
  }

  @Test
  void reScreeningTheSameSheetAgainstItsXlsxResultsChangesNothing() throws IOException {
    Path first = dir.resolve("first.xlsx");
    assertThat(
            run(
                    "screen",
                    "samples/intake.csv",
                    "-o",
                    first.toString(),
                    "--as-of",
                    "2026-11-28",
                    "-q")
                .code())
        .isEqualTo(1);
    CliRun again =
        run(
            "screen",
            "samples/intake.csv",
            "--compare",
            first.toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28");
    assertThat(again.code()).as(again.err()).isEqualTo(1);
    List<String[]> rows = csvRows(again.out());
    int changed = List.of(rows.get(0)).indexOf("changed");
    assertThat(changed).isEqualTo(List.of(rows.get(0)).indexOf("leads") + 1);
    assertThat(rows.stream().skip(1).map(x -> x[changed])).allMatch(String::isEmpty);
    assertThat(again.err())
        .containsPattern("rows whose outcome or barrier status changed +0\\n")
        .containsPattern("rows of the earlier results +" + (rows.size() - 1) + "\\n");
    Path second = dir.resolve("second.xlsx");
    assertThat(
            run(
                    "screen",
                    "samples/intake.csv",
                    "--compare",
                    first.toString(),
                    "-o",
                    second.toString(),
                    "--as-of",
                    "2026-11-28",
                    "-q")
                .code())
        .isEqualTo(1);
    List<List<String>> summary = rows(second, "Summary");
    assertThat(summary)
        .anySatisfy(
            r -> assertThat(r).startsWith("compared with the earlier results", first.toString()));
    assertThat(summary)
        .anySatisfy(
            r ->
                assertThat(r).containsExactly("rows whose outcome or barrier status changed", "0"));
  }

  @Test
  void theCallListSaysWhatChangedSinceTheEarlierResults() throws IOException {
    Path out = dir.resolve("again.xlsx");
    CliRun r =
        run(
            "screen",
            "src/test/resources/fixture-inputs/campaign.csv",
            "--compare",
            "src/test/resources/fixture-inputs/campaign-earlier-results.csv",
            "-o",
            out.toString(),
            "--as-of",
            "2026-11-28",
            "--rules",
            "src/test/resources/fixture-rules",
            "-q");
    assertThat(r.code()).as(r.err()).isLessThanOrEqualTo(1);
    List<List<String>> results = rows(out, "Results");
    int id = results.get(0).indexOf("id");
    int changed = results.get(0).indexOf("changed");
    Map<String, String> byId = new LinkedHashMap<>();
    for (List<String> row : results.subList(1, results.size())) {
      String c = row.size() > changed ? row.get(changed) : null;
      byId.put(row.get(id), c == null || c.isEmpty() ? null : c);
    }
    List<List<String>> calls = rows(out, "Call list");
    int callChanged = calls.get(0).indexOf("changed");
    assertThat(callChanged).isEqualTo(XlsxSink.CALL_COLUMNS.size() - 1);
    int compared = 0;
    for (List<String> call : calls.subList(1, calls.size())) {
      String c = call.size() > callChanged ? call.get(callChanged) : null;
      assertThat(c).as("call list row for %s", call.get(2)).isEqualTo(byId.get(call.get(2)));
      compared += c != null && c.contains("->") ? 1 : 0;
    }
    assertThat(compared).as("a row whose outcome changed").isPositive();
  }

  /** Screens the fixture campaign to CSV on standard output, with {@code more} options. */
  private static CliRun screenCampaign(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "screen",
                "src/test/resources/fixture-inputs/campaign.csv",
                "--rules",
                "src/test/resources/fixture-rules",
                "--as-of",
                "2026-11-28",
                "--format",
                "csv"));
    args.addAll(List.of(more));
    return run(args.toArray(new String[0]));
  }

  /** The fixture campaign's results as this version writes them (one column per barrier). */
  private String campaignResults() {
    CliRun first = screenCampaign("-q");
    assertThat(first.code()).as(first.err()).isLessThanOrEqualTo(1);
    return first.out();
  }

  private CliRun compareCampaignWith(String earlier) throws IOException {
    Path file = dir.resolve("earlier.csv");
    Files.writeString(file, earlier);
    return screenCampaign("--compare", file.toString());
  }

  @Test
  void reScreeningSaysWhichBarrierChangedStatusAndCountsTheBarriersLifted() throws IOException {
    String results = campaignResults();
    assertThat(results).contains("\n2,k-1,may_fit,,,,,active,,\n");
    // as if, earlier, k-1's prior-removal bar had been possible and k-3's active
    String earlier =
        results
            .replace("\n2,k-1,may_fit,,,,,active,,\n", "\n2,k-1,may_fit,,,,,possible,,\n")
            .replaceFirst("(\n4,k-3,[^\n]*,)not_triggered(,,\n)", "$1active$2");
    assertThat(earlier).isNotEqualTo(results);
    CliRun again = compareCampaignWith(earlier);
    assertThat(again.code()).as(again.err()).isLessThanOrEqualTo(1);
    List<String[]> rows = csvRows(again.out());
    int id = List.of(rows.get(0)).indexOf("id");
    int changed = List.of(rows.get(0)).indexOf("changed");
    Map<String, String> byId = new LinkedHashMap<>();
    rows.stream().skip(1).forEach(r -> byId.put(r[id], r[changed]));
    assertThat(byId.get("k-1")).isEqualTo("prior-removal: possible -> active");
    assertThat(byId.get("k-3")).isEqualTo("prior-removal: active -> not_triggered");
    assertThat(byId.get("k-2")).isEmpty();
    assertThat(again.err())
        .containsPattern("rows whose outcome or barrier status changed +2\\n")
        .containsPattern("rows where a barrier active or possible before no longer stands +1\\n");
  }

  @Test
  void aBarrierPossibleBeforeThatHasNowExpiredCountsAsLifted() throws IOException {
    // given: the sample sheet's results, as if sample-vacatur-01's 9A bar had been possible then
    CliRun first = run("screen", "samples/intake.csv", "--format", "csv", "--as-of", "2026-11-28");
    List<String[]> rows = csvRows(first.out());
    int bar = List.of(rows.get(0)).indexOf("bar-9A-prior-removal");
    String[] row =
        rows.stream().filter(r -> r[1].equals("sample-vacatur-01")).findFirst().orElseThrow();
    assertThat(row[bar]).isEqualTo("expired");
    row[bar] = "possible";
    StringWriter earlier = new StringWriter();
    try (var w =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper()
            .writerFor(String[].class)
            .writeValues(earlier)) {
      w.writeAll(rows);
    }
    Path file = dir.resolve("earlier.csv");
    Files.writeString(file, earlier.toString());
    // when
    CliRun again =
        run(
            "screen",
            "samples/intake.csv",
            "--compare",
            file.toString(),
            "--format",
            "csv",
            "--as-of",
            "2026-11-28");
    // then
    List<String[]> now = csvRows(again.out());
    int id = List.of(now.get(0)).indexOf("id");
    int changed = List.of(now.get(0)).indexOf("changed");
    assertThat(now.stream().filter(r -> r[id].equals("sample-vacatur-01")).findFirst())
        .get()
        .satisfies(
            r -> assertThat(r[changed]).isEqualTo("bar-9A-prior-removal: possible -> expired"));
    assertThat(again.err())
        .containsPattern("rows whose outcome or barrier status changed +1\\n")
        .containsPattern("rows where a barrier active or possible before no longer stands +1\\n");
  }

  @Test
  void anEarlierBarrierCellThatIsNotAStatusIsALocatedInputError() throws IOException {
    String earlier =
        campaignResults().replace("\n2,k-1,may_fit,,,,,active,,\n", "\n2,k-1,may_fit,,,,,gone,,\n");
    CliRun again = compareCampaignWith(earlier);
    assertThat(again.code()).isEqualTo(3);
    assertThat(again.err())
        .contains("earlier.csv: row 2, column prior-removal: is not a barrier status")
        .doesNotContain("Exception");
    assertThat(again.out()).isEmpty();
  }

  @Test
  void resultsOfEarlierVersionsListingBarriersInTwoColumnsCompareOutcomesOnly() throws IOException {
    CliRun again =
        compareCampaignWith(
            Files.readString(
                Path.of("src/test/resources/fixture-inputs/campaign-earlier-results.csv")));
    assertThat(again.code()).as(again.err()).isLessThanOrEqualTo(1);
    List<String[]> rows = csvRows(again.out());
    int changed = List.of(rows.get(0)).indexOf("changed");
    assertThat(rows.stream().skip(1).map(r -> r[changed]))
        .isNotEmpty()
        .noneMatch(c -> c.contains("prior-removal"));
  }

  private static List<String[]> csvRows(String text) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<String[]> it =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper()
            .readerFor(String[].class)
            .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(text)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
