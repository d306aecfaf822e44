package org.homeward.person;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.facts.FactCatalogue;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.homeward.facts.Shape;

/**
 * Checks a located tree against the fact catalogue and builds the immutable {@link Person}. A
 * missing field or null is unknown, an empty list is "known: none", and the enum word {@code
 * unknown} is unknown too. Every problem is collected, each naming the field's path.
 */
public final class PersonBuilder {
  /** Most items any one list may hold: bounds the cost of evaluating rules over untrusted input. */
  public static final int MAX_LIST_ITEMS = 1000;

  private final FactCatalogue catalogue;

  public PersonBuilder(FactCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The person, or the problems that stop it from being read. */
  public record Result(Person person, List<Diagnostic> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return person != null;
    }
  }

  /** Builds a person from one JSON/YAML object; {@code label} names it when it has no id. */
  public Result build(Node node, String label) {
    List<Diagnostic> problems = new ArrayList<>();
    if (!(node instanceof Node.Mapping m)) {
      problems.add(
          Diagnostic.error(
              node.location(),
              "expected an object holding one person's facts, found " + node.what()));
      return new Result(null, problems);
    }
    Rec root = record(m, catalogue.root(), "", problems);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return new Result(null, problems);
    }
    Object id = root.get("id");
    String source = node.location().toString();
    return new Result(new Person(id == null ? label : id.toString(), source, root), problems);
  }

  private Rec record(Node.Mapping m, Shape shape, String at, List<Diagnostic> problems) {
    Object[] values = new Object[shape.size()];
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String key = e.getKey();
      String here = at.isEmpty() ? key : at + "." + key;
      int i = shape.indexOf(key);
      if (i < 0) {
        String generic = FactCatalogue.generic(here);
        String hint = catalogue.suggest(generic);
        problems.add(
            Diagnostic.error(
                m.keyLocation(key).withField(here),
                "unknown field '"
                    + here
                    + "'"
                    + (hint != null ? " — did you mean '" + hint + "'?" : "")
                    + " (the fields a person file may hold are listed by 'homeward schema')"));
        continue;
      }
      values[i] = value(e.getValue(), shape.field(i), here, problems);
    }
    for (int i = 0; i < values.length; i++) {
      FactDef.Implied implied = shape.field(i).implied();
      if (values[i] == null && implied != null && values[shape.indexOf(implied.when())] != null) {
        values[i] = implied.value().intern();
      }
    }
    return new Rec(shape, values);
  }

  private Object value(Node node, FactDef def, String at, List<Diagnostic> problems) {
    if (node instanceof Node.Scalar s && s.isNull()) {
      return null;
    }
    switch (def.type()) {
      case LIST -> {
        if (!(node instanceof Node.Seq seq)) {
          problems.add(
              located(
                  node,
                  at,
                  "expected a list, found "
                      + node.what()
                      + (def.isScalarList() ? "" : " (use [] to say \"known: none\")")));
          return null;
        }
        if (seq.items().size() > MAX_LIST_ITEMS) {
          problems.add(located(node, at, "a list may hold at most " + MAX_LIST_ITEMS + " items"));
          return null;
        }
        List<Object> items = new ArrayList<>(seq.items().size());
        for (int k = 0; k < seq.items().size(); k++) {
          Node item = seq.items().get(k);
          String itemAt = at + "[" + k + "]";
          Object v;
          if (def.isListOfRecords()) {
            if (!(item instanceof Node.Mapping im)) {
              problems.add(located(item, itemAt, "expected an object, found " + item.what()));
              continue;
            }
            v = record(im, def.shape(), itemAt, problems);
          } else {
            if (item instanceof Node.Scalar s && s.isNull()) {
              problems.add(
                  located(item, itemAt, "a list item cannot be null; leave it out instead"));
              continue;
            }
            v = scalar(item, def, def.itemType(), itemAt, problems);
          }
          if (v != null) {
            items.add(v);
          }
        }
        return Collections.unmodifiableList(items);
      }
      case RECORD -> {
        if (!(node instanceof Node.Mapping rm)) {
          problems.add(located(node, at, "expected an object, found " + node.what()));
          return null;
        }
        return record(rm, def.shape(), at, problems);
      }
      default -> {
        return scalar(node, def, def.type(), at, problems);
      }
    }
  }

  private Object scalar(
      Node node, FactDef def, FactType type, String at, List<Diagnostic> problems) {
    if (!(node instanceof Node.Scalar s)) {
      problems.add(located(node, at, "expected a " + type.expected() + ", found " + node.what()));
      return null;
    }
    String text = s.text();
    switch (type) {
      case DATE -> {
        PartialDate d = s.kind() == Node.Scalar.Kind.STRING ? PartialDate.parse(text) : null;
        if (d == null) {
          problems.add(located(node, at, "is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"));
        }
        return d;
      }
      case NUMBER -> {
        if (s.kind() != Node.Scalar.Kind.NUMBER) {
          problems.add(located(node, at, "expected a number, found " + s.what()));
          return null;
        }
        double v = Double.parseDouble(text);
        if (v < 0 || Double.isInfinite(v)) {
          problems.add(located(node, at, "expected a number of zero or more"));
          return null;
        }
        return v;
      }
      case BOOLEAN -> {
        if (s.kind() != Node.Scalar.Kind.BOOLEAN) {
          problems.add(located(node, at, "expected true or false, found " + s.what()));
          return null;
        }
        return Boolean.valueOf(text);
      }
      case ENUM -> {
        String word =
            s.kind() == Node.Scalar.Kind.BOOLEAN ? ("true".equals(text) ? "yes" : "no") : text;
        if (s.kind() == Node.Scalar.Kind.NULL || !def.values().contains(word)) {
          problems.add(
              located(
                  node,
                  at,
                  "is not an allowed value; expected one of: "
                      + String.join(", ", def.sortedValues())));
          return null;
        }
        return "unknown".equals(word) ? null : word.intern();
      }
      case COUNTRY, STATE -> {
        if (s.kind() != Node.Scalar.Kind.STRING || !isCode(text)) {
          problems.add(
              located(
                  node,
                  at,
                  "expected a "
                      + type.expected()
                      + " such as "
                      + (type == FactType.COUNTRY ? "\"MX\"" : "\"CA\"")
                      + ", found "
                      + s.what()));
          return null;
        }
        return text.intern();
      }
      default -> {
        if (s.kind() == Node.Scalar.Kind.STRING || s.kind() == Node.Scalar.Kind.NUMBER) {
          return text;
        }
        problems.add(located(node, at, "expected text, found " + s.what()));
        return null;
      }
    }
  }

  private static boolean isCode(String text) {
    return text.length() == 2
        && Character.isUpperCase(text.charAt(0))
        && text.charAt(0) <= 'Z'
        && Character.isUpperCase(text.charAt(1))
        && text.charAt(1) <= 'Z';
  }

  private static Diagnostic located(Node node, String at, String message) {
    Location loc =
        node.location().field() != null ? node.location() : node.location().withField(at);
    return Diagnostic.error(loc, message);
  }
}
