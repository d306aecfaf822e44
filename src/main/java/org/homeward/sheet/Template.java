package org.homeward.sheet;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;

/**
 * A blank intake sheet with the canonical columns, from the same {@link Columns} model the reader
 * uses: as CSV, the header row; as XLSX, a People sheet with the header and a Data dictionary sheet
 * giving every column's type, allowed values, meaning and the question that asks for it.
 */
public final class Template {
  /** Numbered groups laid out for each list of the person (a list inside an item gets one). */
  public static final int ITEMS = 2;

  private final List<Column> columns;

  public Template(Columns model, int items) {
    this.columns = model.canonical(items);
  }

  public List<Column> columns() {
    return columns;
  }

  /** The header row as CSV; {@code excel} starts it with a byte-order mark. */
  public void writeCsv(Writer out, boolean excel) throws IOException {
    if (excel) {
      out.write('\uFEFF');
    }
    try (SequenceWriter w =
        new CsvMapper()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutHeader())
            .writeValues(out)) {
      w.write(columns.stream().map(Column::name).toArray(String[]::new));
    }
    out.flush();
  }

  /** The People sheet and the Data dictionary sheet. */
  public void writeXlsx(OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "Homeward", "1.0");
    Worksheet people = wb.newWorksheet(XlsxSource.PEOPLE);
    for (int c = 0; c < columns.size(); c++) {
      people.inlineString(0, c, columns.get(c).name());
      people.style(0, c).bold().set();
      people.width(c, Math.min(40, Math.max(12, columns.get(c).name().length() + 2)));
    }
    people.freezePane(1, 1);
    people.finish();
    Worksheet dict = wb.newWorksheet("Data dictionary");
    String[] head = {"column", "type", "allowed values", "meaning", "question to ask"};
    for (int c = 0; c < head.length; c++) {
      dict.inlineString(0, c, head[c]);
      dict.style(0, c).bold().set();
    }
    int r = 1;
    for (Column col : columns) {
      dict.inlineString(r, 0, col.name());
      dict.inlineString(r, 1, type(col));
      dict.inlineString(r, 2, allowed(col));
      dict.inlineString(r, 3, meaning(col));
      dict.inlineString(r, 4, col.fact().question() == null ? "" : col.fact().question());
      r++;
    }
    dict.width(0, 45);
    dict.width(1, 30);
    dict.width(2, 45);
    dict.width(3, 70);
    dict.width(4, 70);
    dict.freezePane(1, 1);
    dict.finish();
    wb.finish();
  }

  /** How a column's cells are written, in words. */
  public static String type(Column col) {
    if (col.kind() == Column.Kind.NONE) {
      return "none, a number, or blank";
    }
    FactDef def = col.fact();
    String list = def.isScalarList() ? "list separated by ; of " : "";
    return list
        + switch (def.scalarType()) {
          case DATE -> "date: YYYY-MM-DD, YYYY-MM, YYYY or MM/DD/YYYY";
          case BOOLEAN -> "yes or no";
          case NUMBER -> "number";
          case ENUM -> "one of the allowed values";
          case COUNTRY -> "country code (2 letters, ISO 3166)";
          case STATE -> "U.S. state code (2 letters)";
          default -> "text";
        };
  }

  /** The allowed values of a column, or what else it accepts. */
  public static String allowed(Column col) {
    if (col.kind() == Column.Kind.NONE) {
      return "none, or how many (1, 2, ...)";
    }
    FactDef def = col.fact();
    if (def.scalarType() == FactType.ENUM) {
      return String.join(", ", def.sortedValues());
    }
    return def.scalarType() == FactType.BOOLEAN ? "yes, no (also y/n, true/false, 1/0, sí/no)" : "";
  }

  /** What a column holds; a list's none column says how to say "known: none". */
  public static String meaning(Column col) {
    FactDef def = col.fact();
    if (col.kind() == Column.Kind.NONE) {
      return "How many there are ("
          + def.meaning()
          + "): none when it is known there are none, a number "
          + "when it is known how many, blank when not known. Describe each in the numbered columns "
          + col.name()
          + ".1..., "
          + col.name()
          + ".2... (add more numbers as needed).";
    }
    return def.meaning() + " Blank means not known.";
  }
}
