package org.homeward.sheet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;

/**
 * An Excel workbook's people sheet, streamed row by row: the sheet named {@value #PEOPLE} when
 * there is one (as in the template), else the first. Date cells become ISO dates; numbers keep the
 * digits typed; a formula gives its last computed value.
 *
 * <p>The workbook is untrusted, so this reads it with the JDK's own XML parser, DTDs refused, every
 * part and every value bounded ({@link XmlGuard}), cell references held to Excel's own
 * A1:XFD1048576, and every problem located by sheet and cell without repeating what the cell holds.
 * A bad cell makes its row an error row; damaged XML ends the sheet at the row where it is found.
 */
final class XlsxSource implements SheetSource {
  static final String PEOPLE = "People";

  /** Excel's last column, XFD. */
  static final int MAX_COLUMNS = 16_384;

  /** Excel's last row. */
  static final int MAX_ROWS = 1_048_576;

  private static final long MAX_PART = 16L * 1024 * 1024;
  private static final long MAX_SHARED_PART = 512L * 1024 * 1024;
  private static final long MAX_SHEET = Long.MAX_VALUE;

  /** Shared strings are held in memory: at most this many, and this many characters in all. */
  static final int MAX_SHARED = 1_000_000;

  static final long MAX_SHARED_CHARS = 24_000_000;
  private static final int MAX_CELL = 32_767;
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
  private static final Pattern ERROR_CODE = Pattern.compile("#[A-Z0-9/!?.]{1,12}");
  private static final Pattern ISO_DATE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]*(Z|[-+][0-9:]+)?)?");

  private final String name;
  private final XlsxPackage pkg;
  private final XMLInputFactory factory;
  private final String wanted;
  private final List<String> sheetNames = new ArrayList<>();
  private String sheetName;
  private String sheetPart;
  private boolean date1904;
  private boolean[] dateStyles = new boolean[0];
  private List<String> shared = List.of();
  private XmlGuard sheetBytes;
  private XMLStreamReader xml;
  private List<String> header;
  private long lastRow;
  private long current;
  private boolean ended;
  private String cell;
  private String reading;

  XlsxSource(InputStream bytes, String name) throws IOException {
    this(XlsxPackage.of(bytes), name, PEOPLE);
  }

  XlsxSource(File file, String name) throws IOException {
    this(XlsxPackage.of(file), name, PEOPLE);
  }

  /** The sheet named {@code wanted} of a workbook file, else its first sheet. */
  XlsxSource(File file, String name, String wanted) throws IOException {
    this(XlsxPackage.of(file), name, wanted);
  }

  private XlsxSource(XlsxPackage pkg, String name, String wanted) throws IOException {
    this.name = name;
    this.pkg = pkg;
    this.wanted = wanted;
    this.factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setXMLReporter((message, type, info, location) -> {});
    try {
      open();
    } catch (XMLStreamException | IOException | RuntimeException e) {
      pkg.close();
      throw unreadable(e);
    }
  }

  private ProblemException unreadable(Exception thrown) {
    Exception e = unwrap(thrown);
    if (e instanceof ProblemException p) {
      return p;
    }
    if (e instanceof Doctype) {
      return doctype();
    }
    String why =
        e instanceof XmlGuard.TooLarge t
            ? "it holds " + t.getMessage()
            : e instanceof XMLStreamException x
                ? "the XML of its part " + reading + " is damaged" + at(x)
                : "it is damaged or cut short";
    return new ProblemException(
        ProblemException.Kind.INPUT,
        Diagnostic.error(
            Location.of(name),
            "cannot be read as an Excel workbook (.xlsx): "
                + why
                + "; open it in Excel and save it again, "
                + "or save it as CSV UTF-8"));
  }

  private static String at(XMLStreamException x) {
    return x.getLocation() == null || x.getLocation().getLineNumber() < 0
        ? ""
        : " (line "
            + x.getLocation().getLineNumber()
            + ", column "
            + x.getLocation().getColumnNumber()
            + " of its XML)";
  }

  /**
   * Finds the workbook, its people sheet, styles and shared strings, and opens the sheet at its
   * first row.
   */
  private void open() throws IOException, XMLStreamException {
    String workbook = "xl/workbook.xml";
    Map<String, String[]> rootRels = rels("_rels/.rels", "");
    for (String[] r : rootRels.values()) {
      if (r[0].endsWith("/officeDocument")) {
        workbook = r[1];
      }
    }
    String base =
        workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
    List<String[]> sheets = new ArrayList<>();
    try (Part p = part(workbook, MAX_PART)) {
      if (p == null) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.of(name),
                "cannot be read as an Excel workbook (.xlsx): it has no workbook part; is it an older .xls or another "
                    + "kind of file? Save it from Excel as .xlsx or CSV UTF-8"));
      }
      while (p.xml.hasNext()) {
        if (p.xml.next() == XMLStreamConstants.START_ELEMENT) {
          String local = p.xml.getLocalName();
          if (local.equals("workbookPr")) {
            String d = attr(p.xml, "date1904");
            date1904 = "1".equals(d) || "true".equals(d);
          } else if (local.equals("sheet")) {
            sheets.add(new String[] {attr(p.xml, "name"), attr(p.xml, "id")});
          }
        }
      }
    }
    if (sheets.isEmpty()) {
      throw problem("the workbook has no sheet");
    }
    Map<String, String[]> rels =
        rels(base + "_rels/" + workbook.substring(base.length()) + ".rels", base);
    sheets.stream().filter(s -> s[0] != null).forEach(s -> sheetNames.add(s[0]));
    String[] chosen =
        sheets.stream().filter(s -> wanted.equals(s[0])).findFirst().orElse(sheets.get(0));
    sheetName = chosen[0] == null ? "1" : Cells.shorten(chosen[0]);
    String[] target = chosen[1] == null ? null : rels.get(chosen[1]);
    sheetPart = target != null ? target[1] : base + "worksheets/sheet1.xml";
    String styles = base + "styles.xml";
    String strings = base + "sharedStrings.xml";
    for (String[] r : rels.values()) {
      if (r[0].endsWith("/styles")) {
        styles = r[1];
      } else if (r[0].endsWith("/sharedStrings")) {
        strings = r[1];
      }
    }
    readStyles(styles);
    readSharedStrings(strings);
    reading = sheetPart;
    sheetBytes = pkg.open(sheetPart, MAX_SHEET);
    if (sheetBytes == null) {
      throw problem("the workbook has no part for sheet \"" + sheetName + "\"");
    }
    xml = reader(sheetBytes);
    while (xml.hasNext()) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheetData")) {
        return;
      }
    }
    ended = true;
  }

  private ProblemException problem(String message) {
    return new ProblemException(
        ProblemException.Kind.INPUT,
        Diagnostic.error(
            Location.of(name),
            "cannot be read as an Excel workbook (.xlsx): "
                + message
                + "; open it in Excel and save it again"));
  }

  private ProblemException doctype() {
    return problem(
        "it holds a DOCTYPE declaration, which Excel never writes and Homeward does not read");
  }

  /**
   * A parser over a part, decoded here as UTF-8 (what Excel writes) so that a bad byte is an error
   * of this reader, not a message the JDK's parser prints on standard error.
   */
  private XMLStreamReader reader(InputStream in) throws XMLStreamException {
    java.io.Reader text =
        new java.io.InputStreamReader(
            in,
            java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
    return new Guarded(factory.createXMLStreamReader(text));
  }

  /** Thrown on a DOCTYPE: Excel never writes one, and a DTD is how XML parsers are attacked. */
  private static final class Doctype extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Doctype() {
      super("DOCTYPE");
    }
  }

  /** A parser that refuses a DOCTYPE wherever it appears. */
  private static final class Guarded extends javax.xml.stream.util.StreamReaderDelegate {
    Guarded(XMLStreamReader r) {
      super(r);
    }

    @Override
    public int next() throws XMLStreamException {
      int e = super.next();
      if (e == XMLStreamConstants.DTD) {
        throw new Doctype();
      }
      return e;
    }
  }

  /** An open part and its parser. */
  private final class Part implements AutoCloseable {
    final XmlGuard bytes;
    final XMLStreamReader xml;

    Part(XmlGuard bytes) throws XMLStreamException {
      this.bytes = bytes;
      this.xml = reader(bytes);
    }

    @Override
    public void close() throws IOException {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // closing only
      }
      bytes.close();
    }
  }

  private Part part(String partName, long max) throws IOException, XMLStreamException {
    reading = partName;
    XmlGuard in = pkg.open(partName, max);
    return in == null ? null : new Part(in);
  }

  /** A part's relationships: id to {type, target resolved against {@code base}}. */
  private Map<String, String[]> rels(String partName, String base)
      throws IOException, XMLStreamException {
    Map<String, String[]> out = new HashMap<>();
    try (Part p = part(partName, MAX_PART)) {
      if (p == null) {
        return out;
      }
      while (p.xml.hasNext()) {
        if (p.xml.next() == XMLStreamConstants.START_ELEMENT
            && p.xml.getLocalName().equals("Relationship")) {
          String id = attr(p.xml, "Id");
          String type = attr(p.xml, "Type");
          String target = attr(p.xml, "Target");
          if (id != null
              && type != null
              && target != null
              && !"External".equals(attr(p.xml, "TargetMode"))) {
            out.put(id, new String[] {type, resolve(base, target)});
          }
        }
      }
    }
    return out;
  }

  private static String resolve(String base, String target) {
    String path = target.startsWith("/") ? target.substring(1) : base + target;
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!s.isEmpty() && !s.equals(".")) {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  /** Which cell styles show a date: those whose number format is a date format. */
  private void readStyles(String partName) throws IOException, XMLStreamException {
    Map<Integer, String> formats = new HashMap<>();
    List<Boolean> dates = new ArrayList<>();
    try (Part p = part(partName, MAX_PART)) {
      if (p == null) {
        return;
      }
      boolean inCellXfs = false;
      while (p.xml.hasNext()) {
        int e = p.xml.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          String local = p.xml.getLocalName();
          if (local.equals("numFmt")) {
            Integer id = integer(attr(p.xml, "numFmtId"));
            if (id != null) {
              formats.put(id, attr(p.xml, "formatCode"));
            }
          } else if (local.equals("cellXfs")) {
            inCellXfs = true;
          } else if (local.equals("xf") && inCellXfs) {
            Integer id = integer(attr(p.xml, "numFmtId"));
            dates.add(id != null && isDateFormat(id, formats.get(id)));
          }
        } else if (e == XMLStreamConstants.END_ELEMENT && p.xml.getLocalName().equals("cellXfs")) {
          inCellXfs = false;
        }
      }
    }
    dateStyles = new boolean[dates.size()];
    for (int i = 0; i < dateStyles.length; i++) {
      dateStyles[i] = dates.get(i);
    }
  }

  /**
   * The shared strings, each the text of its runs (phonetic guides left out), bounded in count and
   * size.
   */
  private void readSharedStrings(String partName) throws IOException, XMLStreamException {
    List<String> out = new ArrayList<>();
    long chars = 0;
    try (Part p = part(partName, MAX_SHARED_PART)) {
      if (p == null) {
        return;
      }
      StringBuilder text = null;
      int phonetic = 0;
      boolean inT = false;
      while (p.xml.hasNext()) {
        int e = p.xml.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          String local = p.xml.getLocalName();
          if (local.equals("si")) {
            text = new StringBuilder();
          } else if (local.equals("rPh")) {
            phonetic++;
          } else if (local.equals("t")) {
            inT = true;
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          String local = p.xml.getLocalName();
          if (local.equals("si") && text != null) {
            if (out.size() >= MAX_SHARED || (chars += text.length()) > MAX_SHARED_CHARS) {
              throw problem(
                  "its shared-strings table is larger than Homeward reads ("
                      + String.format(
                          Locale.ROOT,
                          "%,d strings or %,d characters",
                          MAX_SHARED,
                          MAX_SHARED_CHARS)
                      + "); save the sheet as CSV UTF-8");
            }
            out.add(text.length() > MAX_CELL ? null : text.toString());
            text = null;
          } else if (local.equals("rPh")) {
            phonetic--;
          } else if (local.equals("t")) {
            inT = false;
          }
        } else if (isText(e) && inT && phonetic == 0 && text != null && text.length() <= MAX_CELL) {
          text.append(p.xml.getText());
        }
      }
    }
    shared = out;
  }

  @Override
  public String name() {
    return name;
  }

  /** The names of the workbook's sheets, in its order. */
  List<String> sheetNames() {
    return List.copyOf(sheetNames);
  }

  /** The name of the sheet being read. */
  String sheetName() {
    return sheetName;
  }

  @Override
  public List<String> header() throws IOException {
    if (header == null) {
      header = new ArrayList<>();
      RawRow first;
      try {
        first = row();
      } catch (XMLStreamException | IOException e) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.of(name),
                "the header row of sheet \"" + sheetName + "\" cannot be read: " + damage(e)));
      }
      if (first != null) {
        if (!first.problems().isEmpty()) {
          throw new ProblemException(
              ProblemException.Kind.INPUT,
              Diagnostic.error(
                  Location.cell(name, first.number(), null),
                  "the header row cannot be read: " + first.problems().get(0).message()));
        }
        for (String c : first.cells()) {
          header.add(c == null ? "" : c);
        }
      }
    }
    return header;
  }

  @Override
  public RawRow next() throws IOException, Broken {
    header();
    try {
      return row();
    } catch (XMLStreamException | IOException e) {
      ended = true;
      throw new Broken(
          current > 0 ? current : lastRow + 1,
          "the rest of sheet \"" + sheetName + "\" cannot be read from here on: " + damage(e));
    }
  }

  /** The guard's refusal, when the parser wrapped it in its own exception. */
  private static Exception unwrap(Exception e) {
    for (Throwable t = e;
        t != null;
        t =
            t.getCause() != null
                ? t.getCause()
                : t instanceof XMLStreamException x ? x.getNestedException() : null) {
      if (t instanceof XmlGuard.TooLarge tooLarge) {
        return tooLarge;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return e;
  }

  private String damage(Exception thrown) {
    Exception e = unwrap(thrown);
    if (e instanceof Doctype) {
      return "it holds a DOCTYPE declaration, which Excel never writes and Homeward does not read";
    }
    if (e instanceof XmlGuard.TooLarge t) {
      return (cell != null && t.text() ? "cell " + cell + " holds " : "it holds ")
          + t.getMessage()
          + "; the workbook is refused from there on";
    }
    if (e instanceof XMLStreamException x) {
      return "its XML is damaged"
          + at(x)
          + (cell != null ? ", near cell " + cell : "")
          + "; open the workbook in Excel and save it again";
    }
    return "the workbook is damaged or cut short"
        + (cell != null ? ", near cell " + cell : "")
        + "; open it in Excel and save it again";
  }

  @Override
  public String unread() {
    if (sheetBytes == null) {
      return null;
    }
    long size = pkg.size(sheetPart);
    long read = sheetBytes.count();
    if (size > read) {
      return String.format(
          Locale.ROOT,
          "%,d of the sheet's %,d bytes (%d%%) from row %d on were not read",
          size - read,
          size,
          Math.max(1, (size - read) * 100 / size),
          current > 0 ? current : lastRow + 1);
    }
    return "the rest of the sheet from row "
        + (current > 0 ? current : lastRow + 1)
        + " on was not read";
  }

  /** The next row of the sheet, or null at its end. */
  private RawRow row() throws XMLStreamException, IOException {
    cell = null;
    if (ended) {
      return null;
    }
    while (true) {
      if (!xml.hasNext()) {
        ended = true;
        return null;
      }
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
        break;
      }
      if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
        ended = true;
        return null;
      }
    }
    List<CellProblem> problems = new ArrayList<>();
    Long r = integerLong(attr(xml, "r"));
    long number;
    if (r == null && attr(xml, "r") == null) {
      number = lastRow + 1;
    } else if (r == null || r <= lastRow || r > MAX_ROWS) {
      number = lastRow + 1;
      problems.add(
          new CellProblem(
              -1,
              "the sheet's row number here is missing, out of order or past Excel's last "
                  + "row (1,048,576); open the workbook in Excel and save it again"));
    } else {
      number = r;
    }
    lastRow = number;
    current = number;
    String[] cells = new String[0];
    int column = -1;
    while (nextChild("row")) {
      if (!xml.getLocalName().equals("c")) {
        skip();
        continue;
      }
      String ref = attr(xml, "r");
      int col = ref == null ? column + 1 : column(ref, number);
      cell = col >= 0 && col < MAX_COLUMNS ? letters(col) + number : "in row " + number;
      if (col < 0) {
        problems.add(
            new CellProblem(
                -1,
                "a cell in row "
                    + number
                    + " has a reference that is not a cell of this row "
                    + "(A"
                    + number
                    + " to XFD"
                    + number
                    + "); open the workbook in Excel and save it again"));
        skip();
        continue;
      }
      if (col >= MAX_COLUMNS) {
        problems.add(
            new CellProblem(-1, "a cell in row " + number + " is past Excel's last column (XFD)"));
        skip();
        continue;
      }
      if (col <= column) {
        problems.add(
            new CellProblem(
                col, "cell " + cell + " appears twice, or out of order, in row " + number));
        skip();
        continue;
      }
      column = col;
      String value;
      try {
        value = value();
      } catch (CellError bad) {
        problems.add(new CellProblem(col, "cell " + cell + " " + bad.getMessage()));
        continue;
      }
      if (value != null) {
        if (col >= cells.length) {
          cells =
              java.util.Arrays.copyOf(
                  cells, Math.min(MAX_COLUMNS, Math.max(col + 1, cells.length * 2)));
        }
        cells[col] = value;
      }
    }
    cell = null;
    current = 0;
    int width = Math.max(column + 1, header == null ? 0 : header.size());
    return new RawRow(number, java.util.Arrays.copyOf(cells, width), problems);
  }

  /** A cell that cannot be read; the message names what was expected, never what the cell holds. */
  private static final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    CellError(String message) {
      super(message, null, false, false);
    }
  }

  /** The cell the parser is on, as text; leaves the parser on the cell's end. */
  private String value() throws XMLStreamException, CellError {
    String type = attr(xml, "t");
    String styleText = attr(xml, "s");
    Integer style = styleText == null ? Integer.valueOf(0) : integer(styleText);
    String v = null;
    String inline = null;
    boolean tooLong = false;
    while (nextChild("c")) {
      String local = xml.getLocalName();
      if (local.equals("v")) {
        v = text();
        tooLong |= v == null;
      } else if (local.equals("is")) {
        inline = inlineText();
        tooLong |= inline == null;
      } else {
        skip();
      }
    }
    if (tooLong) {
      throw new CellError("holds more than Excel's limit of 32,767 characters");
    }
    if (styleText != null
        && (style == null || style < 0 || (style >= dateStyles.length && style > 0))) {
      throw new CellError(
          "refers to a cell style the workbook does not have; open the workbook in Excel and save it "
              + "again");
    }
    boolean date = style != null && style < dateStyles.length && dateStyles[style];
    String t = type == null ? "n" : type;
    return switch (t) {
      case "n" -> v == null || v.isEmpty() ? null : number(v, date);
      case "s" -> sharedString(v);
      case "inlineStr" -> inline != null ? inline : v;
      case "str" -> v;
      case "b" -> {
        if (v == null || v.isEmpty()) {
          yield null;
        }
        if (v.equals("1") || v.equalsIgnoreCase("true")) {
          yield "true";
        }
        if (v.equals("0") || v.equalsIgnoreCase("false")) {
          yield "false";
        }
        throw new CellError("is a yes/no cell whose value is not 1 or 0");
      }
      case "e" -> "#ERROR " + (v != null && ERROR_CODE.matcher(v).matches() ? v : "");
      case "d" -> isoDate(v);
      default ->
          throw new CellError(
              "has a cell type Excel does not write (expected a number, text, date, "
                  + "yes/no or error cell)");
    };
  }

  private String sharedString(String v) throws CellError {
    if (v == null || v.isEmpty()) {
      return null;
    }
    Integer i = integer(v.strip());
    if (i == null || i < 0 || i >= shared.size()) {
      throw new CellError(
          "refers to shared string "
              + (i == null ? "(not a number)" : "number " + i)
              + ", but the workbook has "
              + shared.size()
              + "; open the workbook in Excel and save it again");
    }
    String s = shared.get(i);
    if (s == null) {
      throw new CellError("holds more than Excel's limit of 32,767 characters");
    }
    return s;
  }

  private String number(String raw, boolean date) throws CellError {
    String v = raw.strip();
    if (v.length() > 40 || !NUMBER.matcher(v).matches()) {
      throw new CellError("is a number cell whose value is not a number");
    }
    BigDecimal d = new BigDecimal(v);
    if (date) {
      return serialDate(d, date1904);
    }
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /**
   * An Excel date serial as an ISO date: day 1 is 1900-01-01 (with Excel's day 60, 1900-02-29), or
   * 1904-01-02.
   */
  static String serialDate(BigDecimal serial, boolean date1904) throws CellError {
    if (serial.signum() < 0) {
      throw new CellError("is a date cell holding a negative date serial, which is not a date");
    }
    if (serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
      throw new CellError(
          "is a date cell holding a date serial past Excel's last date, 9999-12-31");
    }
    long days = serial.longValue();
    if (date1904) {
      return LocalDate.of(1904, 1, 1).plusDays(days).toString();
    }
    if (days == 0 || days == 60) {
      throw new CellError(
          "is a date cell holding day " + days + " of Excel's calendar, which is not a real date");
    }
    return (days < 60 ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30))
        .plusDays(days)
        .toString();
  }

  private static String isoDate(String v) throws CellError {
    if (v == null || v.isBlank()) {
      return null;
    }
    var m = ISO_DATE.matcher(v.strip());
    if (m.matches()) {
      try {
        return LocalDate.parse(m.group(1)).toString();
      } catch (DateTimeException e) {
        // falls through
      }
    }
    throw new CellError("is a date cell whose value is not an ISO date (YYYY-MM-DD)");
  }

  /** The text up to the end of the current element, or null when longer than a cell may be. */
  private String text() throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (isText(e) && b.length() <= MAX_CELL) {
        b.append(xml.getText());
      }
    }
    return b.length() > MAX_CELL ? null : b.toString();
  }

  /** An inline string's text: its {@code t} elements, phonetic guides left out. */
  private String inlineText() throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    int phonetic = 0;
    boolean inT = false;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
        phonetic += xml.getLocalName().equals("rPh") ? 1 : 0;
        inT = xml.getLocalName().equals("t");
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
        phonetic -= xml.getLocalName().equals("rPh") ? 1 : 0;
        inT = false;
      } else if (isText(e) && inT && phonetic == 0 && b.length() <= MAX_CELL) {
        b.append(xml.getText());
      }
    }
    return b.length() > MAX_CELL ? null : b.toString();
  }

  /**
   * Moves to the next element inside {@code parent}: false when the parser reaches the parent's end
   * instead.
   */
  private boolean nextChild(String parent) throws XMLStreamException {
    while (true) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(parent)) {
        return false;
      }
    }
  }

  /** Skips the current element and everything in it. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static boolean isText(int event) {
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  /**
   * The column index of a reference such as {@code B7} in row {@code row}: -1 when it is not a
   * reference to that row, {@link #MAX_COLUMNS} or more when it is past Excel's last column.
   */
  static int column(String ref, long row) {
    int i = 0;
    long col = 0;
    while (i < ref.length() && i < 16) {
      char c = Character.toUpperCase(ref.charAt(i));
      if (c < 'A' || c > 'Z') {
        break;
      }
      col = Math.min(col * 26 + (c - 'A' + 1), MAX_COLUMNS + 1L);
      i++;
    }
    String digits = ref.substring(i);
    if (i == 0
        || digits.isEmpty()
        || digits.length() > 7
        || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')
        || Long.parseLong(digits) != row) {
      return -1;
    }
    return (int) col - 1;
  }

  /** A column's letters: 0 is A, 16383 is XFD. */
  static String letters(int col) {
    StringBuilder b = new StringBuilder();
    for (int c = col + 1; c > 0; c = (c - 1) / 26) {
      b.append((char) ('A' + (c - 1) % 26));
    }
    return b.reverse().toString();
  }

  private static String attr(XMLStreamReader x, String local) {
    for (int i = 0; i < x.getAttributeCount(); i++) {
      if (x.getAttributeLocalName(i).equals(local)) {
        return x.getAttributeValue(i);
      }
    }
    return null;
  }

  private static Integer integer(String s) {
    Long l = integerLong(s);
    return l == null || l > Integer.MAX_VALUE ? null : l.intValue();
  }

  private static Long integerLong(String s) {
    if (s == null
        || s.isEmpty()
        || s.length() > 10
        || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(s);
  }

  /**
   * Whether a number format shows a date: Excel's built-in date formats, or a pattern with days,
   * months or years.
   */
  static boolean isDateFormat(Integer id, String format) {
    if (id != null
        && ((id >= 14 && id <= 22)
            || (id >= 27 && id <= 36)
            || (id >= 45 && id <= 47)
            || (id >= 50 && id <= 58))) {
      return true;
    }
    if (format == null || format.length() > 256) {
      return false;
    }
    String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
    return f.matches(".*[dy].*") || (f.contains("m") && !f.contains("0"));
  }

  @Override
  public void close() throws IOException {
    try {
      if (xml != null) {
        xml.close();
      }
    } catch (XMLStreamException e) {
      // closing only
    }
    pkg.close();
  }
}
