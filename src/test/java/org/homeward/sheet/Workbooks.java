package org.homeward.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made workbooks for tests: the few parts a reader needs, with the sheet's XML as given. */
public final class Workbooks {
  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private Workbooks() {}

  /**
   * A workbook whose People sheet's {@code <sheetData>} holds {@code rows}, with shared strings and
   * styles.
   */
  public static byte[] of(String rows, String... sharedStrings) throws IOException {
    Map<String, String> parts = parts("<sheetData>" + rows + "</sheetData>", sharedStrings);
    return zip(parts);
  }

  /**
   * The parts of a workbook: sheet body as given (inside {@code <worksheet>}). Style 1 is a date
   * format.
   */
  public static Map<String, String> parts(String sheetBody, String... sharedStrings) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(
        "_rels/.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            + "relationships\"><Relationship Id=\"rId1\" Type=\""
            + REL
            + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>");
    p.put(
        "xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\""
            + NS
            + "\" xmlns:r=\""
            + REL
            + "\"><sheets>"
            + "<sheet name=\"People\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    p.put(
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
            + REL
            + "/worksheet\" "
            + "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\""
            + REL
            + "/sharedStrings\" "
            + "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\""
            + REL
            + "/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>");
    p.put(
        "xl/styles.xml",
        "<?xml version=\"1.0\"?><styleSheet xmlns=\""
            + NS
            + "\"><cellXfs count=\"2\">"
            + "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
    StringBuilder sst = new StringBuilder("<?xml version=\"1.0\"?><sst xmlns=\"" + NS + "\">");
    for (String s : sharedStrings) {
      sst.append("<si><t>").append(s).append("</t></si>");
    }
    p.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
    p.put(
        "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><worksheet xmlns=\"" + NS + "\">" + sheetBody + "</worksheet>");
    return p;
  }

  public static byte[] zip(Map<String, String> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : parts.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * A workbook whose row 2 holds one cell of {@code size} bytes of text, written compressed without
   * ever being held in memory (1 GiB compresses to about a megabyte).
   */
  public static void withHugeCell(OutputStream os, long size) throws IOException {
    Map<String, String> p =
        parts(
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>HUGE</t></is></c></row></sheetData>");
    String sheet = p.remove("xl/worksheets/sheet1.xml");
    try (ZipOutputStream z = new ZipOutputStream(os)) {
      for (Map.Entry<String, String> e : p.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      int at = sheet.indexOf("HUGE");
      z.write(sheet.substring(0, at).getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'A');
      for (long left = size; left > 0; left -= chunk.length) {
        z.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      z.write(sheet.substring(at + 4).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
  }
}
