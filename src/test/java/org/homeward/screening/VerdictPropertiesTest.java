package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.homeward.Fixtures;
import org.homeward.PopulationGenerator;
import org.homeward.person.Person;

/** The lean verdict says exactly what a full screening says, whatever the person and the date. */
class VerdictPropertiesTest {
  private static final Screener SCREENER = new Screener(Fixtures.rules());

  @Property(tries = 500)
  void theVerdictIsTheOneTheFullScreeningImplies(
      @ForAll long seed, @ForAll @IntRange(min = 1990, max = 2040) int year) {
    Random random = new Random(seed);
    Map<String, Object> full = PopulationGenerator.person(random);
    // Blurring removes facts and cuts dates to a year or month, so open results and missing facts
    // abound.
    Map<String, Object> facts =
        random.nextInt(4) == 0 ? full : MonotonicityPropertiesTest.blur(full, random);
    Person person = Fixtures.person(facts);
    LocalDate asOf = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    assertThat(SCREENER.verdict(person, asOf))
        .as("seed %d, as of %s", seed, asOf)
        .isEqualTo(Verdict.of(SCREENER.screen(person, asOf, false)));
    // a trace keeps no definition's result from one use to the next: it must reach the same answers
    assertThat(Verdict.of(SCREENER.screen(person, asOf, true)))
        .as("traced, seed %d, as of %s", seed, asOf)
        .isEqualTo(Verdict.of(SCREENER.screen(person, asOf, false)));
  }
}
