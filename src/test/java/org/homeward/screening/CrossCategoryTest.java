package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.homeward.Fixtures;
import org.homeward.rules.Truth;
import org.junit.jupiter.api.Test;

/** One history, several categories: the answers must agree with each other. */
class CrossCategoryTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
  private final Screener screener = new Screener(Fixtures.rules());

  private Screening screen(String json) {
    return screener.screen(Fixtures.person(json), AS_OF, false);
  }

  private static Truth path(Screening s, String category, String path) {
    return s.category(category).paths().stream()
        .filter(p -> p.id().equals(path))
        .findFirst()
        .orElseThrow()
        .truth();
  }

  @Test
  void aRemovedPersonHoldingAUsPassportIsAPossibleCitizenAndADefectiveRemoval() {
    Screening s =
        screen(
            "{'citizenship_documents':['us_passport'],'removals':[{'departure_date':'2015-03-01','type':'ij_order_after_hearing'}]}");
    assertThat(s.category("us-citizen-claim").outcome()).isEqualTo(Outcome.MAY_FIT);
    assertThat(path(s, "defective-removal", "removed-holding-citizenship-documents"))
        .isEqualTo(Truth.TRUE);
    assertThat(s.categories().get(0).id())
        .as("a possible citizen is reported first")
        .isEqualTo("us-citizen-claim");
  }

  @Test
  void validDacaAtRemovalFitsDacaAndMarksTheRemovalDefective() {
    Screening s =
        screen(
            "{'daca_history':[{'approved_date':'2014-01-10','expiration_date':'2016-01-09','terminated':false}],"
                + "'removals':[{'departure_date':'2015-03-01','type':'ij_order_after_hearing'}]}");
    assertThat(path(s, "daca", "valid-at-removal")).isEqualTo(Truth.TRUE);
    assertThat(path(s, "defective-removal", "removed-holding-valid-daca")).isEqualTo(Truth.TRUE);
  }

  @Test
  void aStandingAggravatedFelonyBarsNaturalizationButNotTheVeteransReviewOrParole() {
    Screening s =
        screen(
            """
        {'currently_in_us': false,
         'military_service':[{'branch':'army','component':'active_duty','start_date':'2003-01-01','end_date':'2007-01-01',
            'enlistment_place':'us_or_covered_territory','discharge':'honorable','discharge_date':'2007-01-01','separated_for_alienage':false}],
         'convictions':[{'id':'c1','conviction_date':'2010-05-01','aggravated_felony_subparagraph':'g','murder':false,
            'categories':['theft_or_stolen_property'],'sentence_days':730,'jurisdiction':'state',
            'court_type':'adult_criminal','adjudication':'convicted','post_conviction':[]}],
         'removals':[{'departure_date':'2011-02-01','type':'ij_order_after_hearing','charges':['aggravated_felony']}]}
        """);
    assertThat(path(s, "veteran", "ina-329")).isEqualTo(Truth.FALSE);
    assertThat(path(s, "veteran", "veteran-review")).isEqualTo(Truth.TRUE);
    assertThat(s.category("humanitarian-parole").outcome())
        .as("service pairs with parole")
        .isEqualTo(Outcome.MAY_FIT);
  }

  @Test
  void aPardonCuresAnAggravatedFelonyGroundButNotAControlledSubstanceOne() {
    String person =
        """
        {'lpr_admission_date':'2005-03-01',
         'convictions':[{'id':'c1','categories':['fraud_or_deceit','cimt'],'court_type':'adult_criminal','adjudication':'convicted',
            'conviction_date':'2016-05-01','jurisdiction':'state','state':'TX','aggravated_felony_subparagraph':'m',
            'post_conviction':[{'type':'pardon','date':'2022-01-01','pardon_authority':'governor','pardon_full_unconditional':true,'status':'granted'}]}],
         'removals':[{'charges':CHARGES,'charge_basis':'deportability_237','basis_conviction_ids':['c1'],'order_date':'2019-05-01','circuit':'4'}]}
        """;
    Screening curable = screen(person.replace("CHARGES", "['cimt','aggravated_felony']"));
    Screening drug =
        screen(person.replace("CHARGES", "['aggravated_felony','controlled_substance']"));
    assertThat(path(curable, "criminal-record-relief", "pardon")).isEqualTo(Truth.TRUE);
    assertThat(path(drug, "criminal-record-relief", "pardon"))
        .as("the drug charge survives the pardon")
        .isEqualTo(Truth.FALSE);
  }
}
