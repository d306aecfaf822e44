package org.homeward.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.homeward.Fixtures;
import org.homeward.document.Diagnostic;
import org.homeward.document.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: a broken line or item is one error row and reading goes on; where it cannot, the
 * last row says so.
 */
class RecoveryTest {
  private final PersonBuilder builder = new PersonBuilder(Fixtures.rules().facts());

  private List<Row> array(String text) throws IOException {
    List<Row> out = new ArrayList<>();
    try (PersonStream s = JsonPersonStream.document(new StringReader(text), "t.json", builder)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  private List<Row> lines(String text) throws IOException {
    List<Row> out = new ArrayList<>();
    try (PersonStream s = JsonPersonStream.lines(new StringReader(text), "t.jsonl", builder)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aSyntaxErrorInOneArrayItemIsThatItemsErrorAndTheItemsAfterItAreRead() throws IOException {
    // given: item 2 has a missing colon and item 3 a bare word
    String json =
        "[\n {\"id\": \"a\"},\n {\"id\" \"b\"},\n {\"id\": zorro},\n {\"id\": \"d\"}\n]\n";
    // when
    List<Row> rows = array(json);
    // then
    assertThat(rows).extracting(Row::ok).containsExactly(true, false, false, true);
    assertThat(rows).extracting(Row::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(rows.get(1).problems().get(0).location().line())
        .as("located in the file, not the item")
        .isEqualTo(3);
    assertThat(rows.get(2).problems().get(0).render())
        .as("the parser's quote of the bad word is not repeated")
        .doesNotContain("zorro");
    assertThat(rows).noneMatch(Row::stopped);
  }

  @Test
  void anItemNestedPastTheLimitIsOneErrorRow() throws IOException {
    String deep = "[".repeat(200) + "]".repeat(200);
    List<Row> rows = array("[{\"id\":\"a\"}, {\"id\":\"b\",\"x\":" + deep + "}, {\"id\":\"c\"}]");
    assertThat(rows).extracting(Row::ok).containsExactly(true, false, true);
  }

  @Test
  void anUnclosedItemEndsAtTheNextLineThatStartsAnItemAndReadingGoesOn() throws IOException {
    String json =
        "[\n{\"id\": \"a\", \"entries\": [{\"date\": \"2001\"},\n{\"id\": \"b\"},\n{\"id\": \"c\"}\n]\n";
    List<Row> rows = array(json);
    assertThat(rows).extracting(Row::ok).containsExactly(false, true, true);
    assertThat(rows.get(0).problems().get(0).message())
        .contains("not closed")
        .contains("reading goes on at line 3");
  }

  @Test
  void whereNothingCanBeRecoveredTheLastRowSaysWhereReadingStoppedAndHowMuchWasNotRead()
      throws IOException {
    List<Row> rows = array("[{\"id\":\"a\"},\n{\"id\":\"b\", \"x\": [1,\n2,\n3\n");
    assertThat(rows).extracting(Row::ok).containsExactly(true, false);
    Row last = rows.get(1);
    assertThat(last.stopped()).isTrue();
    assertThat(last.problems().get(0).message())
        .contains("from line 2")
        .contains("4 lines")
        .contains("was not read");
  }

  @Test
  void textAfterTheArrayIsReportedNotDropped() throws IOException {
    List<Row> rows = array("[{\"id\":\"a\"}]\n{\"id\":\"b\"}\n");
    assertThat(rows).extracting(Row::ok).containsExactly(true, false);
    assertThat(rows.get(1).stopped()).isTrue();
    assertThat(rows.get(1).problems().get(0).message())
        .contains("11 characters")
        .contains("not read");
  }

  @Test
  void aLineOrItemLongerThanAnyPersonIsOneErrorRowAndBoundsMemory() throws IOException {
    String huge = "x".repeat(JsonPersonStream.MAX_ITEM + 10);
    List<Row> rows = lines("{\"id\":\"a\"}\n{\"name\":\"" + huge + "\"}\n{\"id\":\"c\"}\n");
    assertThat(rows).extracting(Row::ok).containsExactly(true, false, true);
    assertThat(rows.get(1).problems().get(0).message())
        .contains("longer than 1,000,000 characters");
    assertThat(array("[{\"id\":\"a\"},{\"name\":\"" + huge + "\"},{\"id\":\"c\"}]"))
        .extracting(Row::ok)
        .containsExactly(true, false, true);
  }

  @Test
  void aStrayByteThatIsNotUtf8MakesItsLineAnErrorRowAndTheRestIsRead() throws IOException {
    // given: a valid first 64 KB, then a Windows-1252 é on one line
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("{\"id\":\"p")
          .append(i)
          .append("\",\"birth_date\":\"1990\"}                                  \n");
    }
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad =
        "{\"id\":\"Jos\u00e9\"}\n{\"id\":\"last\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    // when
    List<Row> rows = new ArrayList<>();
    try (PersonStream s = JsonPersonStream.lines(decode(all, "JSON"), "t.jsonl", builder)) {
      s.forEachRemaining(rows::add);
    }
    // then
    assertThat(rows).hasSize(1002);
    assertThat(rows.get(1000).ok()).isFalse();
    assertThat(rows.get(1000).problems().get(0).message()).contains("not UTF-8");
    assertThat(rows.get(1001).ok()).isTrue();
  }

  private static java.io.Reader decode(byte[] bytes, String format) throws IOException {
    return TextDecoding.open(new ByteArrayInputStream(bytes), "t", format, false, d -> {}).reader();
  }

  @Test
  void utf8WithAByteOrderMarkAndUtf16WithOneAreRead() throws IOException {
    String person = "{\"id\":\"a\",\"name\":\"José\"}";
    byte[] bom8 =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            person.getBytes(StandardCharsets.UTF_8));
    byte[] bom16 =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, person.getBytes(StandardCharsets.UTF_16LE));
    for (byte[] bytes : List.of(bom8, bom16)) {
      List<Row> rows = new ArrayList<>();
      try (PersonStream s = JsonPersonStream.document(decode(bytes, "JSON"), "t.json", builder)) {
        s.forEachRemaining(rows::add);
      }
      assertThat(rows)
          .singleElement()
          .satisfies(r -> assertThat(r.person().facts().get("name")).isEqualTo("José"));
    }
  }

  @Test
  void utf16WithoutAByteOrderMarkAndLatin1JsonAreRefusedClearly() {
    byte[] utf16 = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> decode(utf16, "JSON"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("UTF-16 text without a byte-order mark");
    byte[] latin1 = "{\"id\":\"a\",\"name\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> decode(latin1, "JSON"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not UTF-8 text");
    List<Diagnostic> warnings = new ArrayList<>();
    InputStream csv = new ByteArrayInputStream(latin1);
    assertThat(catchThrowable(() -> TextDecoding.open(csv, "t.csv", "CSV", true, warnings::add)))
        .isNull();
    assertThat(warnings)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Windows-1252"));
  }

  private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    return org.assertj.core.api.Assertions.catchThrowable(c);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
