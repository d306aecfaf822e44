package org.homeward.batch;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Results as CSV: a header, then one row per input row. Every cell is neutralised against formula
 * injection; {@code excel} starts the file with a UTF-8 byte-order mark so that Excel reads accents
 * right.
 */
public final class CsvSink implements Sink {
  private static final CsvMapper MAPPER =
      new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

  private final Table table;
  private final Writer out;
  private final SequenceWriter rows;

  public CsvSink(Table table, Writer out, boolean excel) throws IOException {
    this.table = table;
    this.out = out;
    if (excel) {
      out.write('\uFEFF');
    }
    this.rows =
        MAPPER
            .writerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutHeader())
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .writeValues(out);
    List<String> header = table.header();
    rows.write(header.toArray(new String[0]));
  }

  @Override
  public boolean needsScreening() {
    return false;
  }

  @Override
  public void write(Result r) throws IOException {
    String[] cells = table.cells(r);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = Sink.neutralise(cells[i]);
    }
    rows.write(cells);
  }

  @Override
  public void flush() throws IOException {
    rows.flush();
    out.flush();
  }

  @Override
  public void finish(Summary summary) throws IOException {
    rows.flush();
    out.flush();
  }
}
