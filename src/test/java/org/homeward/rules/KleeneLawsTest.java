package org.homeward.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.homeward.Fixtures;

class KleeneLawsTest {

  private static Condition constant(Truth t) {
    return ctx -> t;
  }

  private static Truth all(Truth a, Truth b) {
    return new Conditions.All(new Condition[] {constant(a), constant(b)}).eval(context());
  }

  private static Truth any(Truth a, Truth b) {
    return new Conditions.Any(new Condition[] {constant(a), constant(b)}).eval(context());
  }

  private static EvalContext context() {
    return new EvalContext(Fixtures.person("{}").facts(), LocalDate.of(2026, 11, 28));
  }

  @Property
  void andAndOrAreCommutative(@ForAll Truth a, @ForAll Truth b) {
    assertThat(a.and(b)).isEqualTo(b.and(a));
    assertThat(a.or(b)).isEqualTo(b.or(a));
  }

  @Property
  void andAndOrAreAssociative(@ForAll Truth a, @ForAll Truth b, @ForAll Truth c) {
    assertThat(a.and(b).and(c)).isEqualTo(a.and(b.and(c)));
    assertThat(a.or(b).or(c)).isEqualTo(a.or(b.or(c)));
  }

  @Property
  void deMorganHolds(@ForAll Truth a, @ForAll Truth b) {
    assertThat(a.and(b).not()).isEqualTo(a.not().or(b.not()));
    assertThat(a.or(b).not()).isEqualTo(a.not().and(b.not()));
  }

  @Property
  void negationIsAnInvolution(@ForAll Truth a) {
    assertThat(a.not().not()).isEqualTo(a);
  }

  @Property
  void falseDecidesAndAndTrueDecidesOrEvenAgainstUnknown(@ForAll Truth a) {
    assertThat(Truth.FALSE.and(a)).isEqualTo(Truth.FALSE);
    assertThat(Truth.TRUE.or(a)).isEqualTo(Truth.TRUE);
    assertThat(Truth.TRUE.and(a)).isEqualTo(a);
    assertThat(Truth.FALSE.or(a)).isEqualTo(a);
  }

  @Property
  void unknownIsNeitherTrueNorFalse(@ForAll Truth a) {
    assertThat(Truth.UNKNOWN.and(a)).isIn(Truth.UNKNOWN, Truth.FALSE);
    assertThat(Truth.UNKNOWN.or(a)).isIn(Truth.UNKNOWN, Truth.TRUE);
  }

  @Property
  void theConditionNodesAgreeWithTheTruthTable(@ForAll Truth a, @ForAll Truth b) {
    assertThat(all(a, b)).isEqualTo(a.and(b));
    assertThat(any(a, b)).isEqualTo(a.or(b));
    assertThat(new Conditions.Not(constant(a)).eval(context())).isEqualTo(a.not());
  }
}
