package org.homeward.sheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Person files as spreadsheet rows, for tests and benchmarks: the inverse of the sheet reader,
 * written independently of it from the documented column layout (numbered groups, a count in the
 * list's own column, scalar lists joined with ';', yes/no for booleans).
 */
public final class SheetFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SheetFixtures() {}

  /** One person (as parsed JSON: maps, lists, strings, numbers, booleans) as column to cell. */
  public static Map<String, String> flatten(Map<String, Object> person) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten(person, "", out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Map<String, Object> rec, String prefix, Map<String, String> out) {
    for (Map.Entry<String, Object> e : rec.entrySet()) {
      String name = prefix + e.getKey();
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (v instanceof List<?> list) {
        if (list.isEmpty()) {
          out.put(name, "none");
        } else if (list.get(0) instanceof Map) {
          out.put(name, Integer.toString(list.size()));
          for (int k = 0; k < list.size(); k++) {
            flatten((Map<String, Object>) list.get(k), name + "." + (k + 1) + ".", out);
          }
        } else {
          List<String> items = new ArrayList<>();
          list.forEach(x -> items.add(String.valueOf(x)));
          out.put(name, String.join("; ", items));
        }
      } else if (v instanceof Map<?, ?> m) {
        flatten((Map<String, Object>) m, name + ".", out);
      } else if (v instanceof Boolean b) {
        out.put(name, b ? "yes" : "no");
      } else {
        out.put(name, String.valueOf(v));
      }
    }
  }

  /** The header that holds every column any of the rows uses, in first-seen order. */
  public static List<String> header(List<Map<String, String>> rows) {
    Set<String> cols = new LinkedHashSet<>();
    rows.forEach(r -> cols.addAll(r.keySet()));
    return new ArrayList<>(cols);
  }

  public static void writeCsv(Path file, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      writeCsv(w, header, rows);
    }
  }

  public static void writeCsv(Writer w, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    try (SequenceWriter out =
        new CsvMapper()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutHeader())
            .writeValues(w)) {
      out.write(header.toArray(new String[0]));
      for (Map<String, String> r : rows) {
        String[] cells = new String[header.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = r.getOrDefault(header.get(i), "");
        }
        out.write(cells);
      }
    }
  }

  public static void writeXlsx(Path file, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(os, "test", "1.0");
      Worksheet ws = wb.newWorksheet("People");
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < header.size(); c++) {
          String v = rows.get(r).get(header.get(c));
          if (v != null) {
            ws.value(r + 1, c, v);
          }
        }
      }
      wb.finish();
    }
  }

  /** A JSON value as the maps and lists {@link #flatten} takes. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) throws IOException {
    return JSON.readValue(json, Map.class);
  }

  public static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }
}
