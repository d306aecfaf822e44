package org.homeward.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.homeward.document.Location;
import org.homeward.person.Rec;

/**
 * The shared legal concepts ({@code rules/concepts/concepts.yaml}): the definitions every category
 * and barrier reads the same way (a standing conviction, the aggravated-felony status of a
 * conviction, an executed removal...), each cited, and tested by {@code rules/concepts/tests.yaml}.
 */
public final class Concepts {
  /** One concept: its name, what it means, its citations, and the list it speaks of (or null). */
  public record Concept(
      String name, String text, List<Cite> citations, String over, Location location) {
    public Concept {
      citations = List.copyOf(citations);
    }
  }

  private final List<Concept> all;
  private final List<Citation> citations;
  private final String source;
  private final ConditionCompiler compiler;

  Concepts(List<Concept> all, List<Citation> citations, String source, ConditionCompiler compiler) {
    this.all = List.copyOf(all);
    this.citations = List.copyOf(citations);
    this.source = source;
    this.compiler = compiler;
  }

  /** No shared concepts (a rule set without {@code concepts/}). */
  static Concepts none() {
    return new Concepts(List.of(), List.of(), null, null);
  }

  public List<Concept> all() {
    return all;
  }

  public List<Citation> citations() {
    return citations;
  }

  /** Where the concepts were read from, or null. */
  public String source() {
    return source;
  }

  /** The concept with the given name, or null. */
  public Concept get(String name) {
    return all.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** Whether the concept is a value (a date, a number, a word) rather than a condition. */
  public boolean isValue(String name) {
    return compiler != null && compiler.compiledDefinition(name) instanceof Operand;
  }

  /**
   * A concept for one person: a {@link Truth} for a condition, a list of truths (one per item) for
   * a concept over a list, or the value's text ({@code 2001-05-03}, {@code 3}, {@code unknown},
   * {@code none}) for a value.
   */
  public Object evaluate(String name, Rec person, LocalDate asOf) {
    Object compiled = compiler.compiledDefinition(name);
    EvalContext ctx = new EvalContext(person, asOf);
    FactRef list = compiler.definitionList(name);
    if (list != null) {
      Object items = list.get(ctx);
      if (!(items instanceof List<?> rows)) {
        return null;
      }
      List<Truth> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        ctx.items[0] = (Rec) rows.get(i);
        ctx.indexes[0] = i;
        out.add(((Condition) compiled).eval(ctx));
      }
      return out;
    }
    if (compiled instanceof Condition c) {
      return c.eval(ctx);
    }
    Operand op = (Operand) compiled;
    Val v = op.eval(ctx);
    if (v == Val.NONE) {
      return "none";
    }
    if (op.type() == Operand.Type.WORD || op.type() == Operand.Type.BOOLEAN) {
      return v.word == null ? "unknown" : v.word.toString();
    }
    if (!v.isPoint()) {
      return "unknown";
    }
    if (op.type() == Operand.Type.DATE) {
      return LocalDate.ofEpochDay((long) v.lo).toString();
    }
    return v.lo == Math.rint(v.lo) ? Long.toString((long) v.lo) : Double.toString(v.lo);
  }
}
