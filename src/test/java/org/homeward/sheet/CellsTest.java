package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.homeward.Fixtures;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.facts.FactCatalogue;
import org.homeward.person.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {
  private final FactCatalogue facts = Fixtures.rules().facts();
  private final Location at = Location.cell("t.csv", 2, "col");

  private Node.Scalar scalar(String text, String path) throws Cells.Problem {
    return (Node.Scalar) Cells.value(text, facts.get(path), at);
  }

  @ParameterizedTest
  @CsvSource({
    "2007, 2007",
    "2007-06, 2007-06",
    "2007-06-15, 2007-06-15",
    "06/15/2007, 2007-06-15",
    "6/5/2007, 2007-06-05",
    "06/2007, 2007-06",
    "'2007-06-15 00:00:00', 2007-06-15",
    "2007-06-15T00:00:00, 2007-06-15"
  })
  void datesAreReadInEveryAcceptedForm(String cell, String iso) throws Cells.Problem {
    assertThat(Cells.date(cell)).isEqualTo(PartialDate.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"13/45/2003", "15/06/2007", "2007-13", "June 2007", "02/30/2001", "yesterday"})
  void aCellThatIsNotADateSaysWhatIsExpected(String cell) {
    assertThatThrownBy(() -> Cells.date(cell))
        .isInstanceOf(Cells.Problem.class)
        .hasMessageContaining("is not a date")
        .hasMessageContaining("MM/DD/YYYY")
        .as("the message never repeats what the cell holds")
        .hasMessageNotContaining(cell.strip());
  }

  @Test
  void aTwoDigitYearIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> Cells.date("6/15/07")).hasMessageContaining("two-digit year");
  }

  @ParameterizedTest
  @CsvSource({
    "yes, true",
    "Y, true",
    "TRUE, true",
    "1, true",
    "sí, true",
    "Si, true",
    "no, false",
    "N, false",
    "false, false",
    "0, false"
  })
  void yesAndNoInTheUsualSpellings(String cell, String value) throws Cells.Problem {
    Node.Scalar s = scalar(cell, "currently_in_us");
    assertThat(s.kind()).isEqualTo(Node.Scalar.Kind.BOOLEAN);
    assertThat(s.text()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "unknown", "Unknown", "?", "don't know", "N/A", "no sé", "desconocido"})
  void blankOrUnknownIsUnknownNeverFalse(String cell) throws Cells.Problem {
    assertThat(Cells.value(cell, facts.get("currently_in_us"), at)).isNull();
    assertThat(Cells.value(cell, facts.get("birth_date"), at)).isNull();
  }

  @Test
  void aYesNoCellThatIsNeitherIsAnError() {
    assertThatThrownBy(() -> scalar("maybe", "currently_in_us"))
        .hasMessageContaining("is not yes or no")
        .hasMessageNotContaining("maybe");
  }

  @Test
  void enumWordsMatchWhateverTheirCaseSpacesOrUnderscores() throws Cells.Problem {
    assertThat(scalar("Without Inspection", "entries[].manner").text())
        .isEqualTo("without_inspection");
    assertThat(scalar("ABROAD", "birth_place_type").text()).isEqualTo("abroad");
    assertThat(scalar("U.S. state or DC", "birth_place_type").text()).isEqualTo("us_state_or_dc");
    assertThat(scalar("sí", "birth_in_wedlock").text())
        .as("a yes/no enum takes Spanish too")
        .isEqualTo("yes");
  }

  @Test
  void countriesAndStatesAreUpperCasedAndScalarListsSplit() throws Cells.Problem {
    Node.Seq list = (Node.Seq) Cells.value("mx; gt", facts.get("nationalities"), at);
    assertThat(list.items()).extracting(n -> ((Node.Scalar) n).text()).containsExactly("MX", "GT");
    assertThat(((Node.Seq) Cells.value("none", facts.get("nationalities"), at)).items())
        .as("known: none")
        .isEmpty();
  }

  @Test
  void numbersAreDigitsAndNothingElse() throws Cells.Problem {
    assertThat(scalar("180", "convictions[].custody_days_ordered").kind())
        .isEqualTo(Node.Scalar.Kind.NUMBER);
    assertThatThrownBy(() -> scalar("six months", "convictions[].custody_days_ordered"))
        .hasMessageContaining("is not a number");
  }

  @ParameterizedTest
  @CsvSource({
    "none, 0",
    "None, 0",
    "0, 0",
    "no, 0",
    "ninguna, 0",
    "1, 1",
    "3, 3",
    "yes, -1",
    "sí, -1"
  })
  void aListsOwnColumnSaysHowManyThereAre(String cell, int count) throws Cells.Problem {
    assertThat(Cells.listCount(cell)).isEqualTo(count);
  }

  @Test
  void aListsOwnColumnRefusesWhatItCannotRead() {
    assertThatThrownBy(() -> Cells.listCount("several"))
        .hasMessageContaining("does not say how many");
  }
}
