package org.homeward.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.Translations;
import org.homeward.facts.FactCatalogue;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.homeward.facts.Shape;
import org.homeward.person.PartialDate;

/**
 * Compiles YAML condition trees into {@link Condition}s, checking every fact path, operand type and
 * enum literal against the fact catalogue. Problems are collected as located diagnostics.
 */
final class ConditionCompiler {
  static final Set<String> CONDITION_KEYS =
      Set.of("all", "any", "not", "exists", "every", "where", "ref", "review", "if", "overlaps", "start",
          "end", "fact", "left", "op", "value", "right", "es");
  private static final Pattern COMPACT =
      Pattern.compile("^\\s*(\\S+)\\s+(==|!=|<=|>=|<|>|in|not_in|contains_any|contains_all|before|after"
          + "|on_or_before|on_or_after)\\s+(.+?)\\s*$");
  private static final Map<String, String> WORD_OPS =
      Map.of("before", "<", "after", ">", "on_or_before", "<=", "on_or_after", ">=");

  private final FactCatalogue catalogue;
  private final Map<String, Parameter> parameters;
  private final Map<String, Node> definitions;
  private final Map<String, Object> compiled = new HashMap<>();
  private final Set<String> compiling = new LinkedHashSet<>();
  private final List<Diagnostic> problems;
  private final Translations translations;
  private final Operands.Birth birth;

  ConditionCompiler(
      FactCatalogue catalogue,
      Map<String, Parameter> parameters,
      Map<String, Node> definitions,
      List<Diagnostic> problems,
      Translations translations) {
    this.translations = translations;
    this.catalogue = catalogue;
    this.parameters = parameters;
    this.definitions = definitions;
    this.problems = problems;
    this.birth = birthOperand();
  }

  private Operands.Birth birthOperand() {
    Shape root = catalogue.root();
    FactDef entries = catalogue.get("entries");
    FactDef removals = catalogue.get("removals");
    FactDef birthDate = catalogue.get("birth_date");
    if (entries == null || removals == null || birthDate == null) {
      return null;
    }
    return new Operands.Birth(
        new FactRef(birthDate, null, new int[] {root.indexOf("birth_date")}, "birth_date"),
        root.indexOf("entries"),
        entries.shape().indexOf("date"),
        entries.shape().indexOf("age_at_entry"),
        root.indexOf("removals"),
        removals.shape().indexOf("departure_date"),
        removals.shape().indexOf("age_at_departure"));
  }

  /** Thrown inside the compiler to abandon one node after its problem has been recorded. */
  private static final class Abandon extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandon() {
      super(null, null, false, false);
    }
  }

  private Abandon fail(Location at, String message) {
    problems.add(Diagnostic.error(at, message));
    return new Abandon();
  }

  /** Compiles a condition; returns null after recording the problems when it cannot. */
  Condition condition(Node node) {
    try {
      return cond(node, null);
    } catch (Abandon e) {
      return null;
    }
  }

  /** Compiles an operand expected to be of the given type (null: any); null when it cannot. */
  Operand operand(Node node, Operand.Type expected) {
    try {
      Operand op = operand(node, null, expected, null);
      if (expected != null && op.type() != expected) {
        throw fail(node.location(), "expected a " + expected.word() + " here, found a " + op.type().word());
      }
      return op;
    } catch (Abandon e) {
      return null;
    }
  }

  /** The parameters this compiler resolves, in file order. */
  List<Parameter> parameters() {
    return List.copyOf(parameters.values());
  }

  /** Compiles every definition once, so that an unused one is still checked. */
  void compileDefinitions() {
    for (Map.Entry<String, Node> e : definitions.entrySet()) {
      boolean isCondition = e.getValue() instanceof Node.Mapping dm && dm.get("when") != null;
      try {
        Scope scope = null;
        if (e.getValue() instanceof Node.Mapping dm && dm.get("over") != null) {
          scope = bind(listRef(dm.get("over"), null), null);
        }
        definition(e.getKey(), e.getValue().location(), isCondition, scope);
      } catch (Abandon ignored) {
        // already recorded
      }
    }
  }

  // ---- conditions ----

  private Condition cond(Node node, Scope scope) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.STRING) {
      return compact(s, scope);
    }
    if (!(node instanceof Node.Mapping m)) {
      throw fail(node.location(), "expected a condition (a map such as {all: [...]} or a line such as "
          + "\"birth_date >= 1981-06-16\"), found " + node.describe());
    }
    for (String key : m.entries().keySet()) {
      if (!CONDITION_KEYS.contains(key)) {
        throw fail(m.keyLocation(key), "unknown key '" + key + "' in a condition; expected one of: all, any, "
            + "not, exists, every, ref, review, overlaps, or a comparison (fact/left, op, value/right)");
      }
    }
    if (m.get("all") != null || m.get("any") != null) {
      boolean all = m.get("all") != null;
      Node list = m.get(all ? "all" : "any");
      if (!(list instanceof Node.Seq seq) || seq.items().isEmpty()) {
        throw fail(list.location(), "'" + (all ? "all" : "any") + "' needs a non-empty list of conditions");
      }
      Condition[] parts = new Condition[seq.items().size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = cond(seq.items().get(i), scope);
      }
      return all ? new Conditions.All(parts) : new Conditions.Any(parts);
    }
    if (m.get("not") != null) {
      return new Conditions.Not(cond(m.get("not"), scope));
    }
    if (m.get("exists") != null || m.get("every") != null) {
      boolean every = m.get("every") != null;
      Node listNode = m.get(every ? "every" : "exists");
      FactRef list = listRef(listNode, scope);
      Scope inner = bind(list, scope);
      Condition where = m.get("where") == null ? null : cond(m.get("where"), inner);
      return new Conditions.Quantifier(list, inner, where, every);
    }
    if (m.get("ref") != null) {
      String name = word(m.get("ref"));
      Object target = definition(name, m.get("ref").location(), true, scope);
      Conditions.Ref ref = new Conditions.Ref(name);
      ref.target = (Condition) target;
      return ref;
    }
    if (m.get("es") != null && m.get("review") == null) {
      problems.add(Diagnostic.error(m.keyLocation("es"), "'es' in a condition is the Spanish of its 'review' note"));
    }
    if (m.get("review") != null) {
      String note = word(m.get("review"));
      translations.need(note);
      if (m.get("es") instanceof Node.Scalar es && !es.isNull() && !es.text().isBlank()) {
        translations.add(note, es.text());
      } else if (m.get("es") != null) {
        problems.add(Diagnostic.error(m.get("es").location(), "expected the Spanish text of the review note"));
      }
      return new Conditions.Review(note, m.get("if") == null ? null : cond(m.get("if"), scope));
    }
    if (m.get("overlaps") != null) {
      Operand periods = operand(m.get("overlaps"), scope, Operand.Type.PERIODS, null);
      requireKey(m, "start");
      requireKey(m, "end");
      Operand start = typed(m.get("start"), scope, Operand.Type.DATE);
      Operand end = typed(m.get("end"), scope, Operand.Type.DATE);
      if (periods.type() != Operand.Type.PERIODS) {
        throw fail(m.get("overlaps").location(), "'overlaps' needs a parameter holding periods");
      }
      return new Conditions.Overlaps(start, end, periods);
    }
    requireKey(m, "op");
    String op = word(m.get("op"));
    if (m.get("fact") != null) {
      Node right = m.get("value");
      if (right == null) {
        throw fail(m.location(), "a comparison with 'fact' needs a 'value'");
      }
      return comparison(m.get("fact").location(), word(m.get("fact")), op, m.get("op").location(), right, scope);
    }
    requireKey(m, "left");
    requireKey(m, "right");
    Operand left = operand(m.get("left"), scope, null, null);
    return compare(left, op, m.get("op").location(), m.get("right"), scope);
  }

  private Condition compact(Node.Scalar s, Scope scope) {
    Matcher matcher = COMPACT.matcher(s.text());
    if (!matcher.matches()) {
      throw fail(s.location(), "cannot read the condition \"" + s.text() + "\"; write it as "
          + "<fact> <op> <value>, e.g. \"birth_date >= 1981-06-16\" or \"removals[].type in [in_absentia]\"");
    }
    Location at = s.location();
    String literal = matcher.group(3);
    Node right;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      List<Node> items = new ArrayList<>();
      for (String part : literal.substring(1, literal.length() - 1).split(",")) {
        if (!part.isBlank()) {
          items.add(new Node.Scalar(at, Node.Scalar.Kind.STRING, part.trim()));
        }
      }
      right = new Node.Seq(at, items);
    } else {
      right = new Node.Scalar(at, Node.Scalar.Kind.STRING, literal);
    }
    return comparison(at, matcher.group(1), matcher.group(2), at, right, scope);
  }

  private Condition comparison(Location at, String path, String op, Location opAt, Node right, Scope scope) {
    if (op.equals("contains_any") || op.equals("contains_all")) {
      FactRef list = resolve(path, at, scope, true);
      if (!list.def.isScalarList()) {
        throw fail(at, "'" + op + "' needs a list of values such as citizenship_documents; '" + path + "' is not one");
      }
      Set<Object> words = words(right, list.def, scope);
      return new Conditions.Contains(list, words, op.equals("contains_all"));
    }
    Operand left = fact(path, at, scope);
    return compare(left, op, opAt, right, scope);
  }

  private Condition compare(Operand left, String op, Location opAt, Node right, Scope scope) {
    String sym = WORD_OPS.getOrDefault(op, op);
    switch (sym) {
      case "in", "not_in" -> {
        if (left.type() != Operand.Type.WORD && left.type() != Operand.Type.BOOLEAN) {
          throw fail(opAt, "'" + op + "' compares a word (an enum fact) with a list of words; this is a " + left.type().word());
        }
        return new Conditions.In(left, words(right, left.wordFact(), scope), sym.equals("not_in"));
      }
      case "==", "!=", "<", "<=", ">", ">=" -> {
        Operand r = operand(right, scope, left.type(), left.wordFact());
        if (r.type() != left.type()) {
          throw fail(right.location(), "cannot compare a " + left.type().word() + " with a " + r.type().word());
        }
        if (!sym.equals("==") && !sym.equals("!=")
            && left.type() != Operand.Type.DATE && left.type() != Operand.Type.NUMBER) {
          throw fail(opAt, "'" + op + "' orders dates or numbers; use == or in for a " + left.type().word());
        }
        return new Conditions.Compare(left, sym, r);
      }
      default -> throw fail(opAt, "unknown operator '" + op + "'; expected ==, !=, <, <=, >, >=, before, after, "
          + "on_or_before, on_or_after, in, not_in, contains_any or contains_all");
    }
  }

  private Set<Object> words(Node right, FactDef def, Scope scope) {
    if (!(right instanceof Node.Seq seq) || seq.items().isEmpty()) {
      throw fail(right.location(), "expected a list of values such as [a, b]");
    }
    Set<Object> out = new LinkedHashSet<>();
    for (Node item : seq.items()) {
      Val v = ((Operands.Literal) literal(item, def != null ? Operand.Type.WORD : Operand.Type.BOOLEAN, def)).eval(null);
      out.add(v.word);
    }
    return Set.copyOf(out);
  }

  // ---- operands ----

  private Operand typed(Node node, Scope scope, Operand.Type type) {
    Operand op = operand(node, scope, type, null);
    if (op.type() != type) {
      throw fail(node.location(), "expected a " + type.word() + " here, found a " + op.type().word());
    }
    return op;
  }

  private Operand operand(Node node, Scope scope, Operand.Type expected, FactDef wordFact) {
    if (node instanceof Node.Scalar) {
      return literal(node, expected, wordFact);
    }
    if (!(node instanceof Node.Mapping m) || m.entries().isEmpty()) {
      throw fail(node.location(), "expected a value: a literal, or a map such as {fact: birth_date}, "
          + "{birthday: 16}, {param: ...}, {earliest: entries[].date}");
    }
    String key = m.entries().keySet().stream()
        .filter(k -> !k.equals("where") && !k.equals("distinct") && !k.equals("on"))
        .findFirst().orElse("where");
    Node arg = m.get(key);
    Location at = m.keyLocation(key);
    switch (key) {
      case "fact" -> {
        return fact(word(arg), arg.location(), scope);
      }
      case "date" -> {
        return literal(arg, Operand.Type.DATE, null);
      }
      case "as_of" -> {
        return new Operands.AsOf();
      }
      case "never" -> {
        return new Operands.Never();
      }
      case "cases" -> {
        if (!(arg instanceof Node.Seq seq) || seq.items().isEmpty()) {
          throw fail(arg.location(), "'cases' needs a list of {when: CONDITION, value: VALUE} and a last {otherwise: VALUE}");
        }
        int n = seq.items().size();
        Condition[] conditions = new Condition[n];
        Operand[] values = new Operand[n];
        Operand.Type type = expected;
        for (int i = 0; i < n; i++) {
          if (!(seq.items().get(i) instanceof Node.Mapping cm)) {
            throw fail(seq.items().get(i).location(), "each case is {when: CONDITION, value: VALUE} or {otherwise: VALUE}");
          }
          Node value = cm.get("otherwise") != null ? cm.get("otherwise") : cm.get("value");
          if (value == null || (cm.get("when") == null && cm.get("otherwise") == null)) {
            throw fail(cm.location(), "each case is {when: CONDITION, value: VALUE} or {otherwise: VALUE}");
          }
          conditions[i] = cm.get("when") == null ? null : cond(cm.get("when"), scope);
          values[i] = operand(value, scope, type, wordFact);
          if (type == null) {
            type = values[i].type();
          } else if (values[i].type() != type) {
            throw fail(value.location(), "every case must give a " + type.word() + "; this gives a " + values[i].type().word());
          }
        }
        return new Operands.Cases(conditions, values, type);
      }
      case "param" -> {
        String id = word(arg);
        Parameter p = parameters.get(id);
        if (p == null) {
          throw fail(arg.location(), "unknown parameter '" + id + "'; parameters are declared under 'parameters:'");
        }
        Operand on = m.get("on") == null ? null : typed(m.get("on"), scope, Operand.Type.DATE);
        return new Operands.Param(p, on);
      }
      case "ref" -> {
        String name = word(arg);
        Operands.Ref ref = new Operands.Ref(name);
        ref.target = (Operand) definition(name, arg.location(), false, scope);
        return ref;
      }
      case "birthday" -> {
        return new Operands.Shift(birth(at), wholeNumber(arg), true);
      }
      case "age_on" -> {
        return new Operands.Between(birth(at), typed(arg, scope, Operand.Type.DATE), true);
      }
      case "add_years", "add_days" -> {
        List<Node> args = pair(arg);
        return new Operands.Shift(typed(args.get(0), scope, Operand.Type.DATE), wholeNumber(args.get(1)),
            key.equals("add_years"));
      }
      case "years_between", "days_between" -> {
        List<Node> args = pair(arg);
        return new Operands.Between(typed(args.get(0), scope, Operand.Type.DATE),
            typed(args.get(1), scope, Operand.Type.DATE), key.equals("years_between"));
      }
      case "count" -> {
        FactRef list = listRef(arg, scope);
        Scope inner = bind(list, scope);
        Condition where = m.get("where") == null ? null : cond(m.get("where"), inner);
        List<FactRef> distinct = new ArrayList<>();
        if (m.get("distinct") instanceof Node.Seq keys) {
          for (Node k : keys.items()) {
            distinct.add(resolve(word(k), k.location(), inner, false));
          }
        }
        return new Operands.Count(list, inner, where, distinct.toArray(FactRef[]::new));
      }
      case "sum", "earliest", "latest" -> {
        String path = word(arg);
        int cut = path.lastIndexOf("[].");
        if (cut < 0) {
          throw fail(arg.location(), "'" + key + "' needs a field of a list's items, such as entries[].date");
        }
        FactRef list = resolve(path.substring(0, cut), arg.location(), scope, true);
        if (!list.def.isListOfRecords()) {
          throw fail(arg.location(), "'" + path.substring(0, cut) + "' is not a list of records");
        }
        Scope inner = bind(list, scope);
        Operand value = fact(path, arg.location(), inner);
        Condition where = m.get("where") == null ? null : cond(m.get("where"), inner);
        Operand.Type want = key.equals("sum") ? Operand.Type.NUMBER : Operand.Type.DATE;
        if (value.type() != want) {
          throw fail(arg.location(), "'" + key + "' needs a " + want.word() + " field; '" + path + "' is a " + value.type().word());
        }
        return key.equals("sum")
            ? new Operands.Sum(list, inner, where, value)
            : new Operands.Extreme(list, inner, where, value, key.equals("earliest"));
      }
      default -> throw fail(at, "unknown value '" + key + "'; expected fact, date, as_of, param, ref, birthday, "
          + "age_on, add_years, add_days, years_between, days_between, count, sum, earliest or latest");
    }
  }

  private Operand birth(Location at) {
    if (birth == null) {
      throw fail(at, "the fact catalogue lacks birth_date, entries or removals");
    }
    return birth;
  }

  private Operand literal(Node node, Operand.Type expected, FactDef wordFact) {
    if (!(node instanceof Node.Scalar s) || s.isNull()) {
      throw fail(node.location(), "expected a literal value, found " + node.describe());
    }
    if (expected == null) {
      throw fail(node.location(), "cannot tell what type \"" + s.text() + "\" is; put a fact or function on the left");
    }
    String text = s.text();
    switch (expected) {
      case DATE -> {
        if (text.equals("as_of")) {
          return new Operands.AsOf();
        }
        PartialDate d = PartialDate.parse(text);
        if (d == null) {
          throw fail(node.location(), "\"" + text + "\" is not a date; expected YYYY-MM-DD (or as_of)");
        }
        return new Operands.Literal(Operands.dateVal(d), Operand.Type.DATE);
      }
      case NUMBER -> {
        try {
          return new Operands.Literal(Val.point(Double.parseDouble(text)), Operand.Type.NUMBER);
        } catch (NumberFormatException e) {
          throw fail(node.location(), "\"" + text + "\" is not a number");
        }
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw fail(node.location(), "expected true or false, found \"" + text + "\"");
        }
        return new Operands.Literal(Val.word(Boolean.valueOf(text)), Operand.Type.BOOLEAN);
      }
      case WORD -> {
        String w = s.kind() == Node.Scalar.Kind.BOOLEAN && wordFact != null && wordFact.values().contains("yes")
            ? ("true".equals(text) ? "yes" : "no") : text;
        if (wordFact != null && wordFact.type() != FactType.STRING && wordFact.scalarType() == FactType.ENUM
            && !wordFact.values().contains(w)) {
          throw fail(node.location(), "'" + w + "' is not a value of " + wordFact.path() + "; expected one of: "
              + String.join(", ", wordFact.sortedValues()));
        }
        if ("unknown".equals(w)) {
          throw fail(node.location(), "do not compare with 'unknown': an unknown fact already makes the "
              + "condition unknown and asks for the fact");
        }
        return new Operands.Literal(Val.word(w.intern()), Operand.Type.WORD);
      }
      default -> throw fail(node.location(), "a " + expected.word() + " cannot be written as a literal; use a parameter");
    }
  }

  private Operand fact(String path, Location at, Scope scope) {
    FactRef ref = resolve(path, at, scope, false);
    FactType t = ref.def.type();
    if (t == FactType.LIST || t == FactType.RECORD) {
      throw fail(at, "'" + path + "' is a " + t.word() + "; compare its fields, or use exists/every/count"
          + (ref.def.isScalarList() ? " or contains_any" : ""));
    }
    if (birth != null && path.equals("birth_date")) {
      return birth;
    }
    if (birth != null && (path.equals("entries[].date") || path.equals("removals[].departure_date"))) {
      String agePath = path.equals("entries[].date") ? "entries[].age_at_entry" : "removals[].age_at_departure";
      return new Operands.AgedDate(ref, resolve(agePath, at, scope, false), birth);
    }
    return new Operands.Fact(ref);
  }

  private FactRef listRef(Node node, Scope scope) {
    String path = word(node);
    FactRef ref = resolve(path.endsWith("[]") ? path.substring(0, path.length() - 2) : path, node.location(), scope, true);
    if (!ref.def.isListOfRecords()) {
      throw fail(node.location(), "'" + path + "' is not a list of records"
          + (ref.def.isScalarList() ? "; use contains_any for a list of values" : ""));
    }
    return ref;
  }

  private static Scope bind(FactRef list, Scope enclosing) {
    return new Scope(enclosing, list.scope, list.def.path() + "[]", list.relative, list.def.shape());
  }

  /** Resolves a catalogue path against the bound lists; lists themselves only when {@code allowList}. */
  FactRef resolve(String path, Location at, Scope scope, boolean allowList) {
    FactDef def = catalogue.get(path);
    if (def == null) {
      String hint = catalogue.suggest(path);
      throw fail(at, "unknown fact '" + path + "'" + (hint != null ? " — did you mean '" + hint + "'?" : ""));
    }
    Scope base = null;
    for (Scope s = scope; s != null; s = s.enclosing) {
      if (path.startsWith(s.listPath + ".") && (base == null || s.listPath.length() > base.listPath.length())) {
        base = s;
      }
    }
    String rest = base == null ? path : path.substring(base.listPath.length() + 1);
    if (rest.contains("[]")) {
      String list = rest.substring(0, rest.indexOf("[]"));
      String full = base == null ? list : base.listPath + "." + list;
      throw fail(at, "'" + path + "' is a field of each item of '" + full + "'; use it inside exists, every, "
          + "count, sum, earliest or latest over '" + full + "'");
    }
    String[] segments = rest.split("\\.");
    int[] chain = new int[segments.length];
    Shape shape = base == null ? catalogue.root() : base.shape;
    for (int i = 0; i < segments.length; i++) {
      chain[i] = shape.indexOf(segments[i]);
      FactDef field = shape.field(chain[i]);
      if (i < segments.length - 1) {
        shape = field.shape();
      }
    }
    if (!allowList && def.type() == FactType.LIST && !def.isScalarList()) {
      throw fail(at, "'" + path + "' is a list; use exists, every or count over it");
    }
    return new FactRef(def, base, chain, rest);
  }

  /**
   * Compiles a definition where it is used. A definition with {@code over: LIST} speaks of one item
   * of that list and may be used only where the list is bound; it is compiled in that scope.
   */
  private Object definition(String name, Location at, boolean condition, Scope scope) {
    Node body = definitions.get(name);
    if (body == null) {
      throw fail(at, "unknown definition '" + name + "'; definitions are declared under 'definitions:'");
    }
    Node.Mapping dm = (Node.Mapping) body;
    boolean isCondition = dm.get("when") != null;
    if (isCondition != condition) {
      throw fail(at, "'" + name + "' is a " + (isCondition ? "condition (use ref: as a condition)" : "value (use {ref: ...} as a value)"));
    }
    Scope bound = null;
    if (dm.get("over") != null) {
      String list = word(dm.get("over"));
      String listPath = (list.endsWith("[]") ? list : list + "[]");
      for (Scope s = scope; s != null && bound == null; s = s.enclosing) {
        if (s.listPath.equals(listPath)) {
          bound = s;
        }
      }
      if (bound == null) {
        throw fail(at, "'" + name + "' speaks of one item of '" + list + "'; use it inside exists, every or count over '" + list + "'");
      }
    }
    Object done = bound == null ? compiled.get(name) : null;
    if (done != null) {
      return done;
    }
    if (!compiling.add(name)) {
      throw fail(at, "definition '" + name + "' refers to itself through " + String.join(" -> ", compiling));
    }
    try {
      Object result = condition ? cond(dm.get("when"), bound) : operand(dm.get("value"), bound, null, null);
      if (bound == null) {
        compiled.put(name, result);
      }
      return result;
    } finally {
      compiling.remove(name);
    }
  }

  private void requireKey(Node.Mapping m, String key) {
    if (m.get(key) == null) {
      throw fail(m.location(), "this condition needs '" + key + "'");
    }
  }

  private String word(Node node) {
    if (node instanceof Node.Scalar s && !s.isNull()) {
      return s.text();
    }
    throw fail(node.location(), "expected a word, found " + node.describe());
  }

  private long wholeNumber(Node node) {
    try {
      return Long.parseLong(word(node));
    } catch (NumberFormatException e) {
      throw fail(node.location(), "expected a whole number, found " + node.describe());
    }
  }

  private List<Node> pair(Node node) {
    if (node instanceof Node.Seq seq && seq.items().size() == 2) {
      return seq.items();
    }
    throw fail(node.location(), "expected a list of two values, [date, number] or [from, to]");
  }
}
