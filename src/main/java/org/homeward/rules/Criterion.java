package org.homeward.rules;

import java.util.List;
import org.homeward.document.Location;

/**
 * One test a person must pass (or, as a disqualifier or note, one that applies): plain-language
 * text, the compiled condition, the citations it implements and the question to ask when unknown.
 */
public final class Criterion {
  private static final Evaluation MET = new Evaluation(Truth.TRUE, List.of(), List.of());

  private final String id;
  private final String text;
  private final Condition when;
  private final List<Cite> citations;
  private final String question;
  private final boolean lead;
  private final boolean defers;
  private final Location location;
  private DateExpression opensOn;

  Criterion(
      String id,
      String text,
      Condition when,
      List<Cite> citations,
      String question,
      boolean lead,
      boolean defers,
      Location location) {
    this.defers = defers;
    this.id = id;
    this.text = text;
    this.when = when;
    this.citations = List.copyOf(citations);
    this.question = question;
    this.lead = lead;
    this.location = location;
  }

  /** The result of evaluating a criterion for one person. */
  public record Evaluation(Truth truth, List<Missing> missing, List<EvalContext.Read> reads) {
    public Evaluation {
      missing = List.copyOf(missing);
      reads = List.copyOf(reads);
    }
  }

  /** Evaluates the criterion; an always-true criterion (no condition) is met. */
  public Evaluation evaluate(EvalContext ctx) {
    if (when == null) {
      return MET;
    }
    int mark = ctx.mark();
    int outer = ctx.frame(mark);
    Truth t = test(ctx);
    ctx.frame(outer);
    List<Missing> missing = ctx.missingSince(mark);
    ctx.truncate(mark);
    return new Evaluation(t, missing, ctx.takeReads());
  }

  /**
   * Evaluates the criterion for its truth alone, allocating nothing for the result. When it is
   * unknown, the facts that kept it open stay noted in the context after the mark taken before the
   * call (see {@link EvalContext#missing(int)}), for the caller to read and truncate; a known
   * result leaves none.
   */
  public Truth test(EvalContext ctx) {
    if (when == null) {
      return Truth.TRUE;
    }
    int mark = ctx.mark();
    Truth t = Conditions.run(when, ctx);
    if (t != Truth.UNKNOWN) {
      ctx.truncate(mark);
    }
    return t;
  }

  public String id() {
    return id;
  }

  public String text() {
    return text;
  }

  public List<Cite> citations() {
    return citations;
  }

  public String question() {
    return question;
  }

  /** Whether meeting this criterion marks the category as a lead worth pursuing. */
  public boolean lead() {
    return lead;
  }

  /**
   * Whether the criterion only defers to an attorney: it is met or unknown, never known to fail (a
   * point the law weighs case by case). Coverage then asks for met and unknown only.
   */
  public boolean defers() {
    return defers;
  }

  public Location location() {
    return location;
  }

  /**
   * For a barrier's exception: the day from which time alone may make it apply (ten years outside),
   * or null.
   */
  public DateExpression opensOn() {
    return opensOn;
  }

  void opensOn(DateExpression opensOn) {
    this.opensOn = opensOn;
  }

  public boolean conditional() {
    return when != null;
  }

  /** Whether some person could meet this criterion (a review point alone never is met). */
  public boolean canBeMet() {
    return when == null || when.canBeTrue();
  }

  /** Whether some person could fail this criterion (one that only defers never fails). */
  public boolean canFail() {
    return when != null && when.canBeFalse();
  }
}
