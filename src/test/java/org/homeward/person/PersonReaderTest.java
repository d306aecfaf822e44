package org.homeward.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.homeward.Fixtures;
import org.junit.jupiter.api.Test;

class PersonReaderTest {
  private final PersonBuilder builder = new PersonBuilder(Fixtures.rules().facts());

  private List<Row> rows(String text, boolean lines) throws Exception {
    BufferedReader in = new BufferedReader(new StringReader(text));
    List<Row> out = new ArrayList<>();
    try (PersonStream s =
        lines
            ? JsonPersonStream.lines(in, "t", builder)
            : JsonPersonStream.document(in, "t", builder)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aBadJsonLinesRowIsReportedAndTheOthersAreRead() throws Exception {
    List<Row> rows =
        rows("{\"id\":\"a\"}\n{\"id\":\n\n{\"id\":\"c\",\"birth_date\":\"1990-02\"}\n", true);
    assertThat(rows).extracting(Row::ok).containsExactly(true, false, true);
    assertThat(rows)
        .extracting(Row::number)
        .as("each row is numbered by its line")
        .containsExactly(1L, 2L, 4L);
    assertThat(rows.get(1).problems().get(0).location().line())
        .as("the broken line's number")
        .isEqualTo(2);
    assertThat(rows.get(2).person().facts().get("birth_date"))
        .isEqualTo(new PartialDate(1990, 2, 0));
  }

  @Test
  void anArrayIsReadItemByItemAndABadItemDoesNotStopTheRest() throws Exception {
    List<Row> rows =
        rows("[{\"id\":\"a\"}, {\"id\":\"b\",\"currently_in_us\":\"yes\"}, {\"id\":\"c\"}]", false);
    assertThat(rows).extracting(Row::ok).containsExactly(true, false, true);
    assertThat(rows.get(1).problems().get(0).message()).contains("expected true or false");
  }

  @Test
  void nullAndTheWordUnknownAreUnknownAndAnEmptyListIsKnownNone() throws Exception {
    Row row =
        rows("{\"birth_place_type\":\"unknown\",\"birth_date\":null,\"convictions\":[]}", false)
            .get(0);
    assertThat(row.person().facts().get("birth_place_type")).isNull();
    assertThat(row.person().facts().get("birth_date")).isNull();
    assertThat(row.person().facts().get("convictions")).isEqualTo(List.of());
    assertThat(row.person().facts().get("entries")).as("absent: unknown").isNull();
  }

  @Test
  void partialDatesAreIntervalsAndImpossibleDatesAreRejected() {
    assertThat(PartialDate.parse("2007").first()).hasToString("2007-01-01");
    assertThat(PartialDate.parse("2007").last()).hasToString("2007-12-31");
    assertThat(PartialDate.parse("2008-02").last()).hasToString("2008-02-29");
    assertThat(PartialDate.parse("2007-02-29")).isNull();
    assertThat(PartialDate.parse("13/45/2003")).isNull();
    assertThat(PartialDate.parse("2007-13")).isNull();
  }

  @Test
  void everyProblemOfAPersonIsReportedWithItsField() throws Exception {
    Row row =
        rows(
                "{\"entries\":[{\"date\":\"2001-02-30\",\"manner\":\"swam\"}],\"birth_date\":1990}",
                false)
            .get(0);
    assertThat(row.problems())
        .extracting(d -> d.location().field())
        .containsExactly("entries[0].date", "entries[0].manner", "birth_date");
  }
}
