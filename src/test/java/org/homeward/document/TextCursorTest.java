package org.homeward.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TextCursorTest {

  @Test
  void looksAheadAcrossTheBufferAndCountsLinesAndColumns() throws IOException {
    String text = "a".repeat(65_530) + "\nbcdefghij";
    TextCursor c = new TextCursor(new StringReader(text));
    for (int i = 0; i < 65_525; i++) {
      c.next();
    }
    assertThat((char) c.peekAt(5)).isEqualTo('\n');
    assertThat((char) c.peekAt(8)).isEqualTo('d');
    for (int i = 0; i < 6; i++) {
      c.next();
    }
    assertThat(c.line()).isEqualTo(2);
    assertThat(c.column()).isEqualTo(1);
    assertThat((char) c.next()).isEqualTo('b');
    assertThat(c.column()).isEqualTo(2);
    assertThat(c.peekAt(100)).isEqualTo(-1);
  }

  @Test
  void textPushedBackIsReadAgainFromTheGivenPlaceBeforeTheRest() throws IOException {
    TextCursor c = new TextCursor(new StringReader("x\ny\nz"));
    c.next();
    c.next();
    c.pushBack("q\n", 7, 3);
    assertThat(c.line()).isEqualTo(7);
    assertThat((char) c.peekAt(2)).isEqualTo('y');
    assertThat((char) c.next()).isEqualTo('q');
    assertThat(c.column()).isEqualTo(4);
    c.next();
    assertThat(c.line()).isEqualTo(8);
    c.skipSpace();
    assertThat((char) c.next()).isEqualTo('y');
    c.skipSpace();
    assertThat((char) c.next()).isEqualTo('z');
    assertThat(c.next()).isEqualTo(-1);
  }
}
