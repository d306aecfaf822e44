import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.homeward.Spread;
import org.homeward.cli.CliRun;

/**
 * Mutation fuzzing of the four readers through the command line, in process: seeds made from the
 * samples, mutated byte by byte (and, for workbooks, part by part with XML-aware edits), each run
 * as {@code homeward screen FILE --format csv}. Counts internal errors (exit 70 or a throwable),
 * OutOfMemoryErrors, and runs whose result rows do not match the rows read (the summary's count),
 * or the rows the input holds where they can be counted independently. Usage: java Fuzz N [seed]
 * [json|jsonl|csv|xlsx...]; FUZZ_SHOW=1 prints the first message of each run refused whole (exit
 * 3).
 */
public final class Fuzz {
  /** Where a message about a row says which: {@code FILE: row 7, column x: ...}. */
  private static final Pattern ROW = Pattern.compile("^: row (\\d+)[,:]");

  /**
   * The most messages any one row got: a mutation is one mistake in one row (or in the header, for
   * every row), and should be one message for that row, not one for each cell it puts out of line.
   */
  static int mostForOneRow(String err, String file) {
    Map<String, Integer> rows = new HashMap<>();
    for (String line : err.lines().toList()) {
      if (line.startsWith(file)) {
        Matcher m = ROW.matcher(line.substring(file.length()));
        if (m.find()) {
          rows.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    return rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private static final Pattern READ = Pattern.compile("homeward: ([\\d,]+) rows? read");
  private static final String SECRET = "A099887766";

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 12;
    List<String> kinds =
        args.length > 2
            ? List.of(args).subList(2, args.length)
            : List.of("json", "jsonl", "csv", "xlsx");
    Path work = Files.createTempDirectory("fuzz");
    boolean failed = false;
    for (String kind : kinds) {
      Random rnd = new Random(seed ^ kind.hashCode());
      byte[] base = seed(kind, work);
      Map<String, Integer> counts = new LinkedHashMap<>();
      int internal = 0;
      int oom = 0;
      int mismatch = 0;
      int leaks = 0;
      Spread perRow = new Spread();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        byte[] input = kind.equals("xlsx") ? mutateXlsx(base, rnd) : mutate(base, rnd, kind);
        Path file = work.resolve("in-" + i % 4 + "." + kind);
        Files.write(file, input);
        CliRun run;
        try {
          run =
              CliRun.of(
                  "screen",
                  file.toString(),
                  "--format",
                  "csv",
                  "--as-of",
                  "2026-11-28",
                  "--threads",
                  "1");
        } catch (OutOfMemoryError e) {
          oom++;
          keep(work, kind, "oom", i, input);
          continue;
        } catch (Throwable t) {
          internal++;
          keep(work, kind, "throw", i, input);
          System.err.println(kind + " #" + i + ": " + t);
          continue;
        }
        int code = run.code();
        String e = run.err();
        counts.merge(Integer.toString(code), 1, Integer::sum);
        if (System.getenv("FUZZ_SHOW") != null && code == 3) {
          System.err.println(e.lines().findFirst().orElse("").replaceAll("[0-9]+", "N"));
        }
        if (code == 70 || e.contains("internal error")) {
          internal++;
          keep(work, kind, "internal", i, input);
          System.err.println(
              kind
                  + " #"
                  + i
                  + ": "
                  + e.lines().filter(l -> l.contains("internal")).findFirst().orElse(""));
          continue;
        }
        perRow.add(mostForOneRow(e, file.toString()));
        String o = run.out();
        // Messages must not repeat a value. Not counted: the id column, which gives the id back as
        // typed,
        // and the warning that lists a sheet's unknown headers, which a mutation may have filled
        // with data.
        String messages =
            e.lines()
                .filter(l -> !l.contains("not facts and will be ignored"))
                .collect(java.util.stream.Collectors.joining("\n"));
        String errorColumns =
            o.lines().map(Fuzz::afterId).collect(java.util.stream.Collectors.joining("\n"));
        if (messages.contains(SECRET) || errorColumns.contains(SECRET)) {
          leaks++;
          keep(work, kind, "leak", i, input);
        }
        long rowsOut = o.isEmpty() ? 0 : records(o) - 1;
        Matcher m = READ.matcher(e);
        long read = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : (code == 3 ? 0 : -1);
        long expected = read;
        if (code != 3) {
          expected = independent(kind, input, read);
        }
        if ((code == 0 || code == 1) && (rowsOut != read || rowsOut != expected)) {
          mismatch++;
          keep(work, kind, "mismatch", i, input);
          if (mismatch <= 3) {
            System.err.println(
                kind
                    + " #"
                    + i
                    + ": "
                    + rowsOut
                    + " rows out, "
                    + read
                    + " read, "
                    + expected
                    + " expected");
          }
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-5s %,6d files  exit codes %s  internal errors %d  OutOfMemoryErrors %d  rows in != rows out %d"
              + "  secret echoed %d  (%.0f s)%n",
          kind, n, counts, internal, oom, mismatch, leaks, secs);
      if (kind.equals("csv") || kind.equals("xlsx")) {
        System.out.println("  most messages for one row, per mutated file: " + perRow);
      }
      failed |= internal + oom + mismatch > 0;
    }
    System.out.println("kept failing inputs (if any) under " + work);
    System.exit(failed ? 1 : 0);
  }

  private static void keep(Path work, String kind, String why, int i, byte[] input)
      throws IOException {
    Files.write(work.resolve(why + "-" + i + "." + kind), input);
  }

  /**
   * The rows the input holds, counted without Homeward's readers where that can be done simply:
   * JSON Lines, its non-blank lines; a JSON array that parses, its items; a CSV without quotes, its
   * lines after the header that hold more than separators. Otherwise the rows read.
   */
  static long independent(String kind, byte[] input, long read) {
    String text = new String(input, StandardCharsets.UTF_8);
    switch (kind) {
      case "jsonl" -> {
        // JSON Lines are separated by \n (a \r before it is whitespace); a lone \r is no line
        // break.
        return java.util.Arrays.stream(text.replace("\uFEFF", "").split("\n", -1))
            .filter(l -> !l.isBlank())
            .count();
      }
      case "json" -> {
        try {
          var node =
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .enable(
                      com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                  .readTree(text.replace("\uFEFF", ""));
          return node.isArray() ? node.size() : 1;
        } catch (IOException | RuntimeException e) {
          return read;
        }
      }
      case "csv" -> {
        if (text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\uFFFD') >= 0) {
          return read;
        }
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        return lines.stream()
            .skip(1)
            .filter(l -> !l.replaceAll("[,;\\t\\s]", "").isEmpty())
            .count();
      }
      default -> {
        return read;
      }
    }
  }

  /**
   * A result line without its first two cells (row and id); a quoted id may hold commas and quotes.
   */
  static String afterId(String line) {
    int fields = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted && ++fields == 2) {
        return line.substring(i + 1);
      }
    }
    return "";
  }

  /** CSV records in the output (cells may hold quoted newlines). */
  private static long records(String csv) {
    long n = 0;
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static byte[] seed(String kind, Path work) throws IOException {
    List<String> people = new ArrayList<>();
    try (var files = Files.list(Path.of("samples"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        people.add(Files.readString(p).replaceAll("\\s*\\n\\s*", " ").strip());
      }
    }
    people.replaceAll(p -> p.replace("Sample person (fictional): Daniel V.", SECRET));
    String csv =
        Files.readString(Path.of("samples/intake.csv"))
            .replace("Sample person (fictional): Daniel V.", SECRET);
    return switch (kind) {
      case "json" ->
          ("[\n" + String.join(",\n", people) + "\n]\n").getBytes(StandardCharsets.UTF_8);
      case "jsonl" -> (String.join("\n", people) + "\n").getBytes(StandardCharsets.UTF_8);
      case "csv" -> csv.getBytes(StandardCharsets.UTF_8);
      default -> xlsx(csv, work);
    };
  }

  /** The sample sheet as a workbook written by fastexcel (shared strings, styles, a date cell). */
  private static byte[] xlsx(String csv, Path work) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "fuzz", "1.0");
    org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("People");
    List<String> lines = csv.lines().toList();
    for (int r = 0; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        String v = cells[c];
        if (v.isEmpty()) {
          continue;
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
          ws.value(r, c, LocalDate.parse(v));
          ws.style(r, c).format("yyyy-mm-dd").set();
        } else if (v.matches("\\d{1,3}")) {
          ws.value(r, c, Integer.parseInt(v));
        } else {
          ws.value(r, c, v);
        }
      }
    }
    wb.finish();
    return bytes.toByteArray();
  }

  private static final String[] TOKENS = {
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\n",
    "\r\n",
    ";",
    "\t",
    "\u0000",
    "null",
    "\uFEFF",
    "é",
    "\"\"",
    "\\",
    "\\u00",
    "1e999999999",
    "-",
    "9999999999999999999999",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
  };

  static byte[] mutate(byte[] in, Random rnd, String kind) {
    byte[] b = in;
    int edits = 1 + rnd.nextInt(4);
    for (int k = 0; k < edits; k++) {
      int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
      switch (rnd.nextInt(9)) {
        case 0 -> {
          if (b.length > 0) {
            b = b.clone();
            b[at] = (byte) rnd.nextInt(256);
          }
        }
        case 1 ->
            b =
                splice(
                    b, at, 0, TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 2 -> b = splice(b, at, Math.min(b.length - at, 1 + rnd.nextInt(40)), new byte[0]);
        case 3 -> b = java.util.Arrays.copyOf(b, at);
        case 4 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(200));
          b =
              splice(
                  b, rnd.nextInt(b.length + 1), 0, java.util.Arrays.copyOfRange(b, at, at + len));
        }
        case 5 -> b = splice(b, at, 0, new byte[] {(byte) (0x80 + rnd.nextInt(128))});
        case 6 -> {
          byte[] pad = new byte[70_000];
          java.util.Arrays.fill(pad, (byte) 'x');
          b = splice(b, at, 0, pad);
        }
        case 7 ->
            b =
                splice(
                    b,
                    0,
                    0,
                    rnd.nextBoolean()
                        ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                        : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        default -> b = splice(b, at, 0, "\"".getBytes(StandardCharsets.UTF_8));
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    at = Math.max(0, Math.min(at, b.length));
    remove = Math.max(0, Math.min(remove, b.length - at));
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  private static final String[] XML_EDITS = {
    " t=\"d\"",
    " t=\"x\"",
    " t=\"s\"",
    " t=\"b\"",
    " t=\"e\"",
    " t=\"inlineStr\"",
    " r=\"ZZZZZZ1\"",
    " r=\"A0\"",
    " r=\"1A\"",
    " s=\"99999\"",
    " s=\"-1\"",
    "<v>-5</v>",
    "<v>99999999</v>",
    "<v>2026-13-45</v>",
    "<v>1e400</v>",
    "<v>abc</v>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    "&a;",
    "<c r=\"XFE2\"><v>1</v></c>",
    "</row>",
    "<row>",
    "<row r=\"1\">",
    "<c>",
    "</c>",
    "<is><t>x</t></is>",
    "<![CDATA[x]]>",
    "\u0000",
    "&#0;",
    "&bogus;"
  };

  static byte[] mutateXlsx(byte[] zip, Random rnd) throws IOException {
    if (rnd.nextInt(10) == 0) {
      return mutate(zip, rnd, "xlsx");
    }
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (var in =
        org.apache.commons.compress.archivers.zip.ZipFile.builder()
            .setSeekableByteChannel(
                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip))
            .get()) {
      for (var e : java.util.Collections.list(in.getEntries())) {
        parts.put(e.getName(), in.getInputStream(e).readAllBytes());
      }
    }
    List<String> names = new ArrayList<>(parts.keySet());
    String target =
        rnd.nextInt(3) > 0
            ? names.stream().filter(s -> s.contains("sheet1")).findFirst().orElse(names.get(0))
            : names.get(rnd.nextInt(names.size()));
    byte[] b = parts.get(target);
    int edits = 1 + rnd.nextInt(3);
    for (int k = 0; k < edits; k++) {
      // In the sheet, most edits land among the rows, where a reader's row-by-row handling is
      // tested.
      int rows = new String(b, StandardCharsets.ISO_8859_1).indexOf("<sheetData");
      int from = rows > 0 && rnd.nextInt(4) > 0 ? rows : 0;
      int at = b.length == 0 ? 0 : from + rnd.nextInt(b.length - from);
      int choice = rnd.nextInt(10);
      if (choice < 5) {
        // at a tag boundary, an XML-aware edit
        String s = new String(b, StandardCharsets.UTF_8);
        int lt = s.indexOf('<', Math.min(at, s.length()));
        int gt = lt < 0 ? -1 : s.indexOf('>', lt);
        String edit = XML_EDITS[rnd.nextInt(XML_EDITS.length)];
        if (gt > 0 && edit.startsWith(" ")) {
          int end = s.charAt(gt - 1) == '/' ? gt - 1 : gt;
          s = s.substring(0, end) + edit + s.substring(end);
        } else if (lt >= 0) {
          s = s.substring(0, lt) + edit + s.substring(lt);
        }
        b = s.getBytes(StandardCharsets.UTF_8);
      } else if (choice == 5) {
        String s = new String(b, StandardCharsets.UTF_8);
        int v = s.indexOf("<v>", Math.min(at, s.length()));
        if (v >= 0) {
          s =
              s.substring(0, v + 3)
                  + "A".repeat(rnd.nextBoolean() ? 40_000 : 2_000_000)
                  + s.substring(v + 3);
        }
        b = s.getBytes(StandardCharsets.UTF_8);
      } else {
        b = mutate(b, rnd, "xml");
      }
    }
    parts.put(target, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    byte[] result = out.toByteArray();
    return rnd.nextInt(15) == 0
        ? java.util.Arrays.copyOf(result, rnd.nextInt(result.length))
        : result;
  }
}
