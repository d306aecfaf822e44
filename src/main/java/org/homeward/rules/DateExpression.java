package org.homeward.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A compiled date-valued expression of a rule file (a barrier's end date), usable outside this
 * package.
 */
public final class DateExpression {
  private final Operand operand;

  DateExpression(Operand operand) {
    this.operand = operand;
  }

  /**
   * The days the date may be (null ends when unbounded or when there is no such date), and what
   * kept it open.
   */
  public record Result(LocalDate first, LocalDate last, boolean none, List<Missing> missing) {
    public Result {
      missing = List.copyOf(missing);
    }

    public boolean exact() {
      return !none && first != null && first.equals(last);
    }
  }

  public Result evaluate(EvalContext ctx) {
    int mark = ctx.mark();
    int outer = ctx.frame(mark);
    Val v = Operands.run(operand, ctx);
    ctx.frame(outer);
    List<Missing> missing = ctx.missingSince(mark);
    ctx.truncate(mark);
    if (v == Val.NONE) {
      return new Result(null, null, true, List.of());
    }
    LocalDate first = Double.isInfinite(v.lo) ? null : LocalDate.ofEpochDay((long) v.lo);
    LocalDate last = Double.isInfinite(v.hi) ? null : LocalDate.ofEpochDay((long) v.hi);
    return new Result(first, last, v.maybeNone && first == null, v.isPoint() ? List.of() : missing);
  }
}
