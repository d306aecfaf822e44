package org.homeward.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every human-facing text of the bundled rule set has its Spanish twin (es: beside the English).
 */
class SpanishTwinsTest {
  @Test
  void everyRuleTextHasItsSpanishTwin() {
    var translations = Fixtures.rules().translations();
    assertThat(translations.size()).as("human-facing texts found").isGreaterThan(1000);
    assertThat(translations.untranslated())
        .as("texts without Spanish ('homeward rules check --untranslated')")
        .isEmpty();
  }
}
