package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinkTest {
  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
  void everyCellASpreadsheetWouldRunIsNeutralised(String cell) {
    assertThat(Sink.neutralise(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1990", "x=1", "needs_info", "'quoted"})
  void otherCellsAreLeftAlone(String cell) {
    assertThat(Sink.neutralise(cell)).isEqualTo(cell);
  }

  @org.junit.jupiter.api.Test
  void templateColumnsNameMissingFacts() {
    assertThat(Table.column("convictions[0].statute")).isEqualTo("convictions.1.statute");
    assertThat(Table.column("parents[1].us_presence_periods[2].start"))
        .isEqualTo("parents.2.us_presence_periods.3.start");
    assertThat(Table.column("entries[].date")).isEqualTo("entries.1.date");
    assertThat(Table.column("birth_date")).isEqualTo("birth_date");
  }
}
