package org.homeward.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactPathTest {

  @Test
  void aConcretePathIsWrittenInEveryNotation() {
    FactPath p = FactPath.parse("convictions[1].post_conviction[0].type");
    assertThat(p.catalogue()).isEqualTo("convictions[].post_conviction[].type");
    assertThat(p.concrete()).isEqualTo("convictions[1].post_conviction[0].type");
    assertThat(p.column()).isEqualTo("convictions.2.post_conviction.1.type");
  }

  @Test
  void aCataloguePathNamesNoItemAndItsColumnIsTheFirst() {
    FactPath p = FactPath.parse("removals[].pfr.outcome");
    assertThat(p.steps())
        .extracting(FactPath.Step::field)
        .containsExactly("removals", "pfr", "outcome");
    assertThat(p.steps().get(0).index()).isEqualTo(FactPath.Step.ANY);
    assertThat(p.steps().get(1).isItem()).isFalse();
    assertThat(p.concrete()).isEqualTo("removals[].pfr.outcome");
    assertThat(p.column()).isEqualTo("removals.1.pfr.outcome");
    assertThat(FactPath.parse("birth_date").column()).isEqualTo("birth_date");
    assertThat(FactCatalogue.generic("entries[12].date")).isEqualTo("entries[].date");
  }

  @Test
  void textThatIsNoPathStaysAsWritten() {
    assertThat(FactCatalogue.generic("foo[i].bar")).isEqualTo("foo[i].bar");
    assertThat(FactCatalogue.generic("a[99999999999]")).isEqualTo("a[99999999999]");
  }
}
