package org.homeward.sheet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An Excel workbook's people sheet, streamed row by row: the sheet named {@value #PEOPLE} when there
 * is one (as in the template), else the first. Date cells become ISO dates; numbers keep the digits
 * typed; a formula gives its last computed value.
 */
final class XlsxSource implements SheetSource {
  static final String PEOPLE = "People";
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

  private final String name;
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private List<String> header;

  XlsxSource(InputStream bytes, String name) throws IOException {
    this(new ReadableWorkbook(bytes, OPTIONS), name);
  }

  XlsxSource(File file, String name) throws IOException {
    this(new ReadableWorkbook(file, OPTIONS), name);
  }

  private XlsxSource(ReadableWorkbook workbook, String name) throws IOException {
    this.name = name;
    this.workbook = workbook;
    Sheet sheet = workbook.findSheet(PEOPLE).orElseGet(workbook::getFirstSheet);
    this.stream = sheet.openStream();
    this.rows = stream.iterator();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> header() throws IOException {
    if (header == null) {
      header = new ArrayList<>();
      if (rows.hasNext()) {
        Row first = rows.next();
        for (int i = 0; i < first.getCellCount(); i++) {
          String text = text(first.getOptionalCell(i));
          header.add(text == null ? "" : text);
        }
      }
    }
    return header;
  }

  @Override
  public RawRow next() throws IOException, Broken {
    header();
    if (!rows.hasNext()) {
      return null;
    }
    Row row;
    try {
      row = rows.next();
    } catch (RuntimeException e) {
      throw new Broken(-1, "the workbook cannot be read from here on (" + e.getMessage() + ")");
    }
    String[] cells = new String[Math.max(row.getCellCount(), header.size())];
    for (int i = 0; i < row.getCellCount(); i++) {
      cells[i] = text(row.getOptionalCell(i));
    }
    return new RawRow(row.getRowNum(), cells);
  }

  private static String text(Optional<Cell> maybe) {
    if (maybe.isEmpty()) {
      return null;
    }
    Cell cell = maybe.get();
    CellType type = cell.getType();
    String raw = cell.getRawValue();
    if (type == CellType.EMPTY || raw == null) {
      return null;
    }
    if (type == CellType.ERROR) {
      return "#ERROR " + raw;
    }
    if (type == CellType.BOOLEAN || (type == CellType.FORMULA && "b".equals(formulaKind(cell)))) {
      return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "true" : "false";
    }
    if (type == CellType.NUMBER || (type == CellType.FORMULA && isNumber(raw))) {
      if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
        return cell.asDate().toLocalDate().toString();
      }
      return plain(raw);
    }
    return type == CellType.STRING ? cell.asString() : raw;
  }

  private static String formulaKind(Cell cell) {
    return cell.getValue() instanceof Boolean ? "b" : "";
  }

  private static boolean isNumber(String raw) {
    return NUMBER.matcher(raw).matches();
  }

  /** The digits typed: 2007 stays 2007, 1.5E3 becomes 1500, 3.0 becomes 3. */
  private static String plain(String raw) {
    try {
      BigDecimal d = new BigDecimal(raw).stripTrailingZeros();
      return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  /** Whether a number format shows a date: Excel's built-in date formats, or a pattern with days, months or years. */
  static boolean isDateFormat(Integer id, String format) {
    if (id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
        || (id >= 50 && id <= 58))) {
      return true;
    }
    if (format == null) {
      return false;
    }
    String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
    return f.matches(".*[dy].*") || (f.contains("m") && !f.contains("0"));
  }

  @Override
  public void close() throws IOException {
    stream.close();
    workbook.close();
  }
}
