package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.homeward.Fixtures;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  private final Columns columns = new Columns(Fixtures.rules().facts());

  @Test
  void canonicalNamesResolveToTheirFacts() {
    assertThat(columns.resolve("birth_date").factPath()).isEqualTo("birth_date");
    Column statute = columns.resolve("convictions.2.statute");
    assertThat(statute.factPath()).isEqualTo("convictions[].statute");
    assertThat(statute.steps())
        .containsExactly(new Column.Step("convictions", 2), new Column.Step("statute", 0));
    assertThat(columns.resolve("removals.1.pfr.filed_date").factPath())
        .isEqualTo("removals[].pfr.filed_date");
    assertThat(columns.resolve("parents.1.us_presence_periods.3.start").factPath())
        .isEqualTo("parents[].us_presence_periods[].start");
  }

  @Test
  void aListsOwnColumnSaysHowManyItHolds() {
    Column c = columns.resolve("convictions");
    assertThat(c.kind()).isEqualTo(Column.Kind.NONE);
    assertThat(columns.resolve("parents.2.us_presence_periods").kind()).isEqualTo(Column.Kind.NONE);
  }

  @Test
  void headersMatchWhateverTheirCaseSpacingAccentsOrBrackets() {
    assertThat(columns.resolve("  Birth Date ").name()).isEqualTo("birth_date");
    assertThat(columns.resolve("Convictions[1].Statute").name()).isEqualTo("convictions.1.statute");
    assertThat(columns.resolve("DOB").name()).as("an alias").isEqualTo("birth_date");
    assertThat(columns.resolve("Fecha de Nacimiento").name())
        .as("a Spanish alias, accents and all")
        .isEqualTo("birth_date");
  }

  @Test
  void aHeaderThatNamesNoFactResolvesToNothingAndGetsAHint() {
    assertThat(columns.resolve("Notes")).isNull();
    assertThat(columns.resolve("convictions.statute")).as("an item number is needed").isNull();
    assertThat(columns.resolve("convictions.0.statute")).as("items count from 1").isNull();
    assertThat(columns.resolve("birth_date.1")).isNull();
    assertThat(columns.suggest("convictions.1.statut")).isEqualTo("convictions.1.statute");
  }

  @Test
  void theTemplateHasAColumnForEveryFactInTheCatalogue() {
    List<Column> template = columns.canonical(2);
    Set<String> covered = new HashSet<>();
    template.forEach(c -> covered.add(c.factPath()));
    for (FactDef def : Fixtures.rules().facts().all()) {
      if (def.type() != FactType.RECORD) {
        assertThat(covered).as("a column for " + def.path()).contains(def.path());
      }
    }
    for (Column c : template) {
      assertThat(columns.resolve(c.name()))
          .as("the reader reads the template's column " + c.name())
          .isEqualTo(c);
    }
  }
}
