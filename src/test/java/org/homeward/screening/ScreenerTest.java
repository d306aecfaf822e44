package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.homeward.Fixtures;
import org.homeward.person.Person;
import org.junit.jupiter.api.Test;

class ScreenerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Test
  void theAsOfDateIsTheCommandLinesThenThePersonsOwnThenToday() {
    Person dated = Fixtures.person("{'screening_date':'2020-05-01'}");
    Person partial = Fixtures.person("{'screening_date':'2020'}");
    Person undated = Fixtures.person("{}");
    assertThat(Screener.asOf(dated, LocalDate.of(2019, 1, 1), TODAY))
        .isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(Screener.asOf(dated, null, TODAY)).isEqualTo(LocalDate.of(2020, 5, 1));
    assertThat(Screener.asOf(partial, null, TODAY))
        .as("a partial screening date is not a date to screen on")
        .isEqualTo(TODAY);
    assertThat(Screener.asOf(undated, null, TODAY)).isEqualTo(TODAY);
  }

  @Test
  void aPersonWithNoFactsIsNeverToldTheyDoNotFit() {
    Screening s = new Screener(Fixtures.rules()).screen(Fixtures.person("{}"), TODAY, false);
    assertThat(s.categories())
        .allSatisfy(
            c -> {
              assertThat(c.outcome()).as(c.id()).isEqualTo(Outcome.NEEDS_INFO);
              assertThat(c.missing()).as("%s names what to ask", c.id()).isNotEmpty();
            });
    assertThat(s.barriers())
        .allSatisfy(b -> assertThat(b.status()).as(b.id()).isEqualTo(BarrierStatus.POSSIBLE));
  }
}
