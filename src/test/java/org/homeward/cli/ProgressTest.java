package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void aLongRunShowsRowsRateAndHowFarThroughTheInputThenClearsTheLine() throws Exception {
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), true, 0, 0);
    InputStream in = p.track(new ByteArrayInputStream(new byte[1000]), 1000);
    in.readNBytes(500);
    p.accept(1234);
    assertThat(err.toString())
        .startsWith("\r")
        .contains("1,234 rows screened")
        .contains("rows/s")
        .contains("50% of the input")
        .contains("left");
    p.done();
    assertThat(err.toString()).endsWith("\r\u001b[K");
  }

  @Test
  void offATerminalItSaysNothing() throws Exception {
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), false, 0, 0);
    p.track(new ByteArrayInputStream(new byte[10]), 10).readAllBytes();
    p.accept(10);
    p.done();
    assertThat(err.toString()).isEmpty();
  }
}
