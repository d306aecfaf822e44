package org.homeward.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Results as CSV: a header, then one row per input row. Every cell is neutralised against formula
 * injection; {@code excel} starts the file with a UTF-8 byte-order mark so that Excel reads accents
 * right. A row's cells are made and encoded by {@link #prepare}, on the screening threads; the
 * writing thread only writes the line (and, with {@code --compare}, puts in the {@code changed}
 * cell, known only in order, before encoding it).
 */
public final class CsvSink implements Sink {
  private static final ObjectWriter LINE =
      new CsvMapper()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .writerFor(String[].class)
          .with(CsvSchema.emptySchema().withoutHeader());

  private final Table table;
  private final Writer out;
  private final boolean excel;
  private boolean begun;

  public CsvSink(Table table, Writer out, boolean excel) {
    this.table = table;
    this.out = out;
    this.excel = excel;
  }

  /**
   * Writes the header, before the first row or at the end: a run whose input cannot be read at all
   * writes nothing, so standard output never holds a header that looks like a sheet of no one.
   */
  private void begin() throws IOException {
    if (begun) {
      return;
    }
    begun = true;
    if (excel) {
      out.write('\uFEFF');
    }
    List<String> header = table.header();
    out.write(LINE.writeValueAsString(header.toArray(new String[0])));
  }

  @Override
  public boolean needsScreening() {
    return false;
  }

  /**
   * The row's line; with a {@code changed} column, its neutralised cells instead, for the writing
   * thread to complete.
   */
  @Override
  public Object prepare(Result r) {
    String[] cells = table.cells(r);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = Sink.neutralise(cells[i]);
    }
    return table.changedColumn() >= 0 ? cells : encode(cells);
  }

  private static String encode(String[] cells) {
    try {
      return LINE.writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // strings into a string: cannot happen
    }
  }

  @Override
  public void write(Result r) throws IOException {
    write(r, prepare(r));
  }

  @Override
  public void write(Result r, Object prepared) throws IOException {
    begin();
    if (prepared instanceof String line) {
      out.write(line);
      return;
    }
    String[] cells = (String[]) prepared;
    if (r.changed() != null) {
      cells[table.changedColumn()] = Sink.neutralise(r.changed());
    }
    out.write(encode(cells));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void finish(Summary summary) throws IOException {
    begin();
    out.flush();
  }
}
