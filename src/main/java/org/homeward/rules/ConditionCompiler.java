package org.homeward.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.facts.FactCatalogue;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactPath;
import org.homeward.facts.FactType;
import org.homeward.facts.Shape;
import org.homeward.person.PartialDate;

/**
 * Compiles YAML condition trees into {@link Condition}s, checking every fact path, operand type and
 * enum literal against the fact catalogue. Problems are collected as located diagnostics.
 */
final class ConditionCompiler {
  static final Set<String> CONDITION_KEYS =
      Set.of(
          "all",
          "any",
          "not",
          "exists",
          "every",
          "where",
          "named_by",
          "ref",
          "review",
          "id",
          "if",
          "overlaps",
          "start",
          "end",
          "left",
          "op",
          "right",
          "category",
          "path",
          "barrier");

  /** Numbers a condition may write as they are: nothing legal hangs on them. */
  private static final Set<Double> PLAIN_NUMBERS = Set.of(0.0, 1.0);

  private static final Pattern FACT_PATH =
      Pattern.compile("[a-z][a-z0-9_]*(\\[])?(\\.[a-z][a-z0-9_]*(\\[])?)*");
  private static final Pattern COMPACT =
      Pattern.compile(
          "^\\s*(\\S+)\\s+(==|!=|<=|>=|<|>|in|not_in|contains_any|contains_all|before|after"
              + "|on_or_before|on_or_after)\\s+(.+?)\\s*$");
  private static final Map<String, String> WORD_OPS =
      Map.of("before", "<", "after", ">", "on_or_before", "<=", "on_or_after", ">=");

  private final FactCatalogue catalogue;
  private final Map<String, Parameter> parameters;
  private final Map<String, Node> definitions;
  private final Map<String, Object> compiled = new HashMap<>();
  private final Set<String> compiling = new LinkedHashSet<>();
  private final List<Diagnostic> problems;
  private final Texts texts;
  private final Operands.Birth birth;

  /** The missing facts named ahead, shared by every file of the rule set. */
  final Canon canon;

  /**
   * The shared legal concepts, whose definitions and parameters every file may use; null for the
   * concepts themselves.
   */
  private final ConditionCompiler shared;

  /**
   * How a date or number written into a condition is reported: rules must name it as a parameter.
   */
  private final boolean literalsAreErrors;

  /**
   * The links made so far, and who made them: a criterion's owner, or {@code def:NAME} for a
   * definition.
   */
  private final Map<String, List<Link>> links = new LinkedHashMap<>();

  /** Which definitions each owner uses, to follow links through definitions. */
  private final Map<String, Set<String>> uses = new LinkedHashMap<>();

  /**
   * The compiled form of each {@code over:} definition, bound to its list at the top level (for
   * concept tests).
   */
  private final Map<String, Object> probes = new LinkedHashMap<>();

  private final Map<String, FactRef> probeLists = new LinkedHashMap<>();
  private String owner = "";

  ConditionCompiler(
      FactCatalogue catalogue,
      Map<String, Parameter> parameters,
      Map<String, Node> definitions,
      List<Diagnostic> problems,
      Texts texts,
      ConditionCompiler shared,
      boolean literalsAreErrors,
      Canon canon,
      String file) {
    this.canon = canon;
    this.file = file;
    this.texts = texts;
    this.catalogue = catalogue;
    this.parameters = parameters;
    this.definitions = definitions;
    this.problems = problems;
    this.shared = shared;
    this.literalsAreErrors = literalsAreErrors;
    this.birth = shared != null ? shared.birth : birthOperand();
    if (shared != null) {
      for (Map.Entry<String, Node> d : definitions.entrySet()) {
        if (shared.definitions.containsKey(d.getKey())) {
          problems.add(
              Diagnostic.error(
                  d.getValue().location(),
                  "'"
                      + d.getKey()
                      + "' is a shared legal concept "
                      + "(rules/concepts/concepts.yaml); use it with ref: "
                      + d.getKey()
                      + " instead of defining it again"));
        }
      }
      for (Parameter p : parameters.values()) {
        if (shared.parameters.containsKey(p.id())) {
          problems.add(
              Diagnostic.error(
                  p.location(),
                  "'"
                      + p.id()
                      + "' is a parameter of the shared legal concepts; "
                      + "use {param: "
                      + p.id()
                      + "} instead of declaring it again"));
        }
      }
    }
  }

  /** The items of a list whose results are kept per person for a definition of its items. */
  static final int MEMO_ITEMS = 4;

  /**
   * A compiled definition and where a person's evaluation may keep its result (memo -1: not kept).
   */
  private record Def(Object target, int memo, int depth) {}

  /** A definition being compiled, and whether its body reads an item of a list bound outside it. */
  private static final class Compiling {
    final Scope bound;
    boolean outer;

    Compiling(Scope bound) {
      this.bound = bound;
    }
  }

  private final java.util.ArrayDeque<Compiling> compilingDefs = new java.util.ArrayDeque<>();
  private final String file;

  /** Compiles what follows for the given owner: the criterion's place, for following links. */
  void owner(String owner) {
    this.owner = owner;
  }

  /** The links an owner's conditions make, directly or through the definitions they use. */
  List<Link> linksOf(String who) {
    List<Link> out = new ArrayList<>();
    collectLinks(who, out, new java.util.HashSet<>());
    return out;
  }

  private void collectLinks(String who, List<Link> out, Set<String> seen) {
    if (!seen.add(who)) {
      return;
    }
    out.addAll(links.getOrDefault(who, List.of()));
    for (String d : uses.getOrDefault(who, Set.of())) {
      collectLinks("def:" + d, out, seen);
    }
  }

  /** Every link this compiler made. */
  List<Link> allLinks() {
    List<Link> out = new ArrayList<>();
    links.values().forEach(out::addAll);
    return out;
  }

  /**
   * A compiled definition, for testing the shared concepts: a condition or a value; for an {@code
   * over:} definition, a condition bound to the list at the top level.
   */
  Object compiledDefinition(String name) {
    return probes.containsKey(name) ? probes.get(name) : compiled.get(name);
  }

  /**
   * The list an {@code over:} definition speaks of, bound at the top level; null for other
   * definitions.
   */
  FactRef definitionList(String name) {
    return probeLists.get(name);
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
        new FactRef(birthDate, null, new int[] {root.indexOf("birth_date")}, "birth_date", canon),
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

  /**
   * Whether some condition or value could not be compiled: the texts inside it (its review notes)
   * were never met, so a translation of them is not known to be orphaned.
   */
  private boolean abandoned;

  boolean abandonedAny() {
    return abandoned;
  }

  /**
   * Whether the definitions and parameters this compiler was given may lack some that its file
   * meant to declare (the file has errors). A name not found among them, here or in a compiler that
   * reads this one's as shared, is then not reported: it may be one of those, and the error that
   * lost it is reported already.
   */
  private boolean incomplete;

  void incomplete() {
    incomplete = true;
  }

  private boolean mayLack() {
    return incomplete || shared != null && shared.incomplete;
  }

  /** Compiles a condition; returns null after recording the problems when it cannot. */
  Condition condition(Node node) {
    try {
      return cond(node, null);
    } catch (Abandon e) {
      abandoned = true;
      return null;
    }
  }

  /** Compiles an operand expected to be of the given type (null: any); null when it cannot. */
  Operand operand(Node node, Operand.Type expected) {
    try {
      Operand op = operand(node, null, expected, null);
      if (expected != null && op.type() != expected) {
        throw fail(
            node.location(),
            "expected a " + expected.word() + " here, found a " + op.type().word());
      }
      return op;
    } catch (Abandon e) {
      abandoned = true;
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
          FactRef list = listRef(dm.get("over"), null);
          probeLists.put(e.getKey(), list);
          scope = bind(list, null);
        }
        owner = "def:" + e.getKey();
        Object c = definition(e.getKey(), e.getValue().location(), isCondition, scope).target();
        if (scope != null) {
          probes.put(e.getKey(), c);
        }
      } catch (Abandon ignored) {
        abandoned = true; // already recorded
        broken.add(e.getKey());
      }
    }
  }

  /**
   * The definitions whose own compilation failed, its problem reported then: a use of one is
   * abandoned quietly, not compiled again (a definition over a list is compiled at each use) and
   * reported again at every use.
   */
  private final Set<String> broken = new HashSet<>();

  // ---- conditions ----

  /**
   * Where the condition being compiled stands (restored when a nested one is done): the place to
   * report a condition or value that is missing from it.
   */
  private Location near;

  private Location here() {
    return near != null ? near : Location.of(file);
  }

  private Condition cond(Node node, Scope scope) {
    if (node == null) {
      throw fail(here(), "a condition is missing here");
    }
    Location outer = near;
    near = node.location();
    try {
      return condition(node, scope);
    } finally {
      near = outer;
    }
  }

  private Condition condition(Node node, Scope scope) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.STRING) {
      return compact(s, scope);
    }
    if (!(node instanceof Node.Mapping m)) {
      throw fail(
          node.location(),
          "expected a condition (a map such as {all: [...]} or a line such as "
              + "\"birth_date >= 1981-06-16\"), found "
              + node.describe());
    }
    for (String key : m.entries().keySet()) {
      if (!CONDITION_KEYS.contains(key)) {
        throw fail(
            m.keyLocation(key),
            "unknown key '"
                + key
                + "' in a condition; expected one of: all, any, "
                + "not, exists, every, ref, review, overlaps, category, path, barrier, or a comparison (left, op, right)");
      }
    }
    if (m.get("all") != null || m.get("any") != null) {
      boolean all = m.get("all") != null;
      Node list = m.get(all ? "all" : "any");
      if (!(list instanceof Node.Seq seq) || seq.items().isEmpty()) {
        throw fail(
            list.location(),
            "'" + (all ? "all" : "any") + "' needs a non-empty list of conditions");
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
      Conditions.Quantifier q = new Conditions.Quantifier(list, inner, where, every);
      q.join = join(m, list, scope, inner);
      return q;
    }
    if (m.get("named_by") != null) {
      throw fail(m.keyLocation("named_by"), "'named_by' goes with exists, every or count");
    }
    for (String kind : List.of("category", "path", "barrier")) {
      if (m.get(kind) != null) {
        if (m.entries().size() > 1) {
          throw fail(
              m.location(),
              "{"
                  + kind
                  + ": ...} stands alone: it is met when the "
                  + kind
                  + " "
                  + (kind.equals("barrier")
                      ? "is active"
                      : kind.equals("path") ? "is met" : "may fit"));
        }
        if (shared == null) {
          throw fail(
              m.keyLocation(kind),
              "a shared legal concept speaks only of facts; it cannot read a "
                  + kind
                  + "'s result");
        }
        Link link =
            new Link(
                Link.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                word(m.get(kind)),
                m.get(kind).location());
        links.computeIfAbsent(owner, k -> new ArrayList<>()).add(link);
        return new Conditions.Linked(link);
      }
    }
    if (m.get("ref") != null) {
      String name = word(m.get("ref"));
      Def def = anyDefinition(name, m.get("ref").location(), true, scope);
      Conditions.Ref ref = new Conditions.Ref(name, def.memo(), def.depth());
      ref.target = (Condition) def.target();
      return ref;
    }
    if (m.get("id") != null && m.get("review") == null) {
      throw fail(m.keyLocation("id"), "'id' in a condition names its 'review' point");
    }
    if (m.get("review") != null) {
      String note = word(m.get("review"));
      if (m.get("id") == null) {
        throw fail(
            m.location(),
            "a review point needs an 'id' (unique in the file): its Spanish twin is keyed by it");
      }
      String id = word(m.get("id"));
      texts.review(id, note, m.get("id").location());
      return new Conditions.Review(
          canon.of(Missing.review(id, note)),
          m.get("if") == null ? null : cond(m.get("if"), scope));
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
    requireKey(m, "left");
    requireKey(m, "right");
    Operand left = operand(m.get("left"), scope, null, null);
    return compare(left, op, m.get("op").location(), m.get("right"), scope);
  }

  private Condition compact(Node.Scalar s, Scope scope) {
    Matcher matcher = COMPACT.matcher(s.text());
    if (!matcher.matches()) {
      throw fail(
          s.location(),
          "cannot read the condition \""
              + s.text()
              + "\"; write it as "
              + "<fact> <op> <value>, e.g. \"birth_date on_or_after $born_on_or_after\", \"entries[].date after "
              + "removals[].departure_date\" or \"removals[].type in [in_absentia]\"");
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

  private Condition comparison(
      Location at, String path, String op, Location opAt, Node right, Scope scope) {
    if (op.equals("contains_any") || op.equals("contains_all")) {
      FactRef list = resolve(path, at, scope, true);
      if (!list.def.isScalarList()) {
        throw fail(
            at,
            "'"
                + op
                + "' needs a list of values such as citizenship_documents; '"
                + path
                + "' is not one");
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
          throw fail(
              opAt,
              "'"
                  + op
                  + "' compares a word (an enum fact) with a list of words; this is a "
                  + left.type().word());
        }
        Set<Object> words = words(right, left.wordFact(), scope);
        boolean negated = sym.equals("not_in");
        return left instanceof Operands.Fact f
            ? new Conditions.WordIs(f.ref, words, negated)
            : new Conditions.In(left, words, negated);
      }
      case "==", "!=", "<", "<=", ">", ">=" -> {
        Operand r = operand(right, scope, left.type(), left.wordFact());
        if (r.type() != left.type()) {
          throw fail(
              right.location(),
              "cannot compare a " + left.type().word() + " with a " + r.type().word());
        }
        if (!sym.equals("==")
            && !sym.equals("!=")
            && left.type() != Operand.Type.DATE
            && left.type() != Operand.Type.NUMBER) {
          throw fail(
              opAt,
              "'" + op + "' orders dates or numbers; use == or in for a " + left.type().word());
        }
        if (left instanceof Operands.Fact f
            && r instanceof Operands.Literal l
            && l.value().word != null
            && (sym.equals("==") || sym.equals("!="))) {
          return new Conditions.WordIs(f.ref, Set.of(l.value().word), sym.equals("!="));
        }
        return new Conditions.Compare(left, sym, r);
      }
      default ->
          throw fail(
              opAt,
              "unknown operator '"
                  + op
                  + "'; expected ==, !=, <, <=, >, >=, before, after, "
                  + "on_or_before, on_or_after, in, not_in, contains_any or contains_all");
    }
  }

  private Set<Object> words(Node right, FactDef def, Scope scope) {
    if (!(right instanceof Node.Seq seq) || seq.items().isEmpty()) {
      throw fail(right.location(), "expected a list of values such as [a, b]");
    }
    Set<Object> out = new LinkedHashSet<>();
    for (Node item : seq.items()) {
      Val v =
          ((Operands.Literal)
                  literal(item, def != null ? Operand.Type.WORD : Operand.Type.BOOLEAN, def))
              .eval(null);
      out.add(v.word);
    }
    return Set.copyOf(out);
  }

  // ---- operands ----

  private Operand typed(Node node, Scope scope, Operand.Type type) {
    Operand op = operand(node, scope, type, null);
    if (op.type() != type) {
      throw fail(
          node.location(), "expected a " + type.word() + " here, found a " + op.type().word());
    }
    return op;
  }

  private Operand operand(Node node, Scope scope, Operand.Type expected, FactDef wordFact) {
    if (node == null) {
      throw fail(
          here(), "a value is missing here (a literal, or a map such as {fact: birth_date})");
    }
    if (node instanceof Node.Scalar s && !s.isNull()) {
      return scalar(s, scope, expected, wordFact);
    }
    if (!(node instanceof Node.Mapping m) || m.entries().isEmpty()) {
      throw fail(
          node.location(),
          "expected a value: a literal, or a map such as {fact: birth_date}, "
              + "{birthday: 16}, {param: ...}, {earliest: entries[].date}");
    }
    String key =
        m.entries().keySet().stream()
            .filter(
                k ->
                    !Set.of("where", "distinct", "on", "named_by", "start", "end", "from", "to")
                        .contains(k))
            .findFirst()
            .orElse("where");
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
          throw fail(
              arg.location(),
              "'cases' needs a list of {when: CONDITION, value: VALUE} and a last {otherwise: VALUE}");
        }
        int n = seq.items().size();
        Condition[] conditions = new Condition[n];
        Operand[] values = new Operand[n];
        Operand.Type type = expected;
        for (int i = 0; i < n; i++) {
          if (!(seq.items().get(i) instanceof Node.Mapping cm)) {
            throw fail(
                seq.items().get(i).location(),
                "each case is {when: CONDITION, value: VALUE} or {otherwise: VALUE}");
          }
          Node value = cm.get("otherwise") != null ? cm.get("otherwise") : cm.get("value");
          if (value == null || (cm.get("when") == null && cm.get("otherwise") == null)) {
            throw fail(
                cm.location(),
                "each case is {when: CONDITION, value: VALUE} or {otherwise: VALUE}");
          }
          conditions[i] = cm.get("when") == null ? null : cond(cm.get("when"), scope);
          values[i] = operand(value, scope, type, wordFact);
          if (type == null) {
            type = values[i].type();
          } else if (values[i].type() != type) {
            throw fail(
                value.location(),
                "every case must give a "
                    + type.word()
                    + "; this gives a "
                    + values[i].type().word());
          }
        }
        return new Operands.Cases(conditions, values, type);
      }
      case "param" -> {
        Operand on = m.get("on") == null ? null : typed(m.get("on"), scope, Operand.Type.DATE);
        return new Operands.Param(parameter(word(arg), arg.location()), on);
      }
      case "ref" -> {
        String name = word(arg);
        Def def = anyDefinition(name, arg.location(), false, scope);
        Operands.Ref ref = new Operands.Ref(name, def.memo(), def.depth());
        ref.target = (Operand) def.target();
        return ref;
      }
      case "birthday" -> {
        return new Operands.Shift(birth(at), typed(arg, scope, Operand.Type.NUMBER), true);
      }
      case "age_on" -> {
        return new Operands.Between(birth(at), typed(arg, scope, Operand.Type.DATE), true);
      }
      case "add_years", "add_days" -> {
        List<Node> args = pair(arg);
        return new Operands.Shift(
            typed(args.get(0), scope, Operand.Type.DATE),
            typed(args.get(1), scope, Operand.Type.NUMBER),
            key.equals("add_years"));
      }
      case "later", "earlier" -> {
        List<Node> args = pair(arg);
        return new Operands.Pick(
            typed(args.get(0), scope, Operand.Type.DATE),
            typed(args.get(1), scope, Operand.Type.DATE),
            key.equals("later"));
      }
      case "total_days" -> {
        FactRef list = listRef(arg, scope);
        Scope inner = bind(list, scope);
        requireKey(m, "start");
        requireKey(m, "end");
        Condition where = m.get("where") == null ? null : cond(m.get("where"), inner);
        return new Operands.TotalDays(
            list,
            inner,
            where,
            typed(m.get("start"), inner, Operand.Type.DATE),
            typed(m.get("end"), inner, Operand.Type.DATE),
            m.get("from") == null ? null : typed(m.get("from"), scope, Operand.Type.DATE),
            m.get("to") == null ? null : typed(m.get("to"), scope, Operand.Type.DATE));
      }
      case "years_between", "days_between" -> {
        List<Node> args = pair(arg);
        return new Operands.Between(
            typed(args.get(0), scope, Operand.Type.DATE),
            typed(args.get(1), scope, Operand.Type.DATE),
            key.equals("years_between"));
      }
      case "count" -> {
        FactRef list = listRef(arg, scope);
        Scope inner = bind(list, scope);
        Condition where = m.get("where") == null ? null : cond(m.get("where"), inner);
        List<FactRef> distinct = new ArrayList<>();
        if (m.get("distinct") != null && !(m.get("distinct") instanceof Node.Seq)) {
          throw fail(
              m.get("distinct").location(),
              "'distinct' needs a list of one or two keys, such as [\"convictions[].offense_date\"]");
        }
        if (m.get("distinct") instanceof Node.Seq keys) {
          for (Node k : keys.items()) {
            distinct.add(resolve(word(k), k.location(), inner, false));
          }
          if (distinct.isEmpty() || distinct.size() > 2) {
            throw fail(
                keys.location(),
                "'distinct' takes one or two keys (such as a date and a scheme): items that share"
                    + " either are one occasion");
          }
        }
        Operands.Count count =
            new Operands.Count(list, inner, where, distinct.toArray(FactRef[]::new));
        count.join = join(m, list, scope, inner);
        return count;
      }
      case "sum", "earliest", "latest" -> {
        String path = word(arg);
        int cut = path.lastIndexOf("[].");
        if (cut < 0) {
          throw fail(
              arg.location(),
              "'" + key + "' needs a field of a list's items, such as entries[].date");
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
          throw fail(
              arg.location(),
              "'"
                  + key
                  + "' needs a "
                  + want.word()
                  + " field; '"
                  + path
                  + "' is a "
                  + value.type().word());
        }
        return key.equals("sum")
            ? new Operands.Sum(list, inner, where, value)
            : new Operands.Extreme(list, inner, where, value, key.equals("earliest"));
      }
      default ->
          throw fail(
              at,
              "unknown value '"
                  + key
                  + "'; expected fact, date, as_of, param, ref, birthday, "
                  + "age_on, add_years, add_days, later, earlier, years_between, days_between, count, sum, total_days, "
                  + "earliest or latest");
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
      throw fail(
          node.location(),
          "cannot tell what type \"" + s.text() + "\" is; put a fact or function on the left");
    }
    String text = s.text();
    switch (expected) {
      case DATE -> {
        if (text.equals("as_of")) {
          return new Operands.AsOf();
        }
        PartialDate d = PartialDate.parse(text);
        if (d == null) {
          throw fail(
              node.location(), "\"" + text + "\" is not a date; expected YYYY-MM-DD (or as_of)");
        }
        unnamed(node.location(), "the date " + text);
        return new Operands.Literal(Operands.dateVal(d), Operand.Type.DATE);
      }
      case NUMBER -> {
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw fail(node.location(), "\"" + text + "\" is not a number");
        }
        if (!PLAIN_NUMBERS.contains(v)) {
          unnamed(node.location(), "the number " + text);
        }
        return new Operands.Literal(Val.point(v), Operand.Type.NUMBER);
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw fail(node.location(), "expected true or false, found \"" + text + "\"");
        }
        return new Operands.Literal(Val.word(Boolean.valueOf(text)), Operand.Type.BOOLEAN);
      }
      case WORD -> {
        String w =
            s.kind() == Node.Scalar.Kind.BOOLEAN
                    && wordFact != null
                    && wordFact.values().contains("yes")
                ? ("true".equals(text) ? "yes" : "no")
                : text;
        if (wordFact != null
            && wordFact.type() != FactType.STRING
            && wordFact.scalarType() == FactType.ENUM
            && !wordFact.values().contains(w)) {
          throw fail(
              node.location(),
              "'"
                  + w
                  + "' is not a value of "
                  + wordFact.path()
                  + "; expected one of: "
                  + String.join(", ", wordFact.sortedValues()));
        }
        if ("unknown".equals(w)) {
          throw fail(
              node.location(),
              "do not compare with 'unknown': an unknown fact already makes the "
                  + "condition unknown and asks for the fact");
        }
        return new Operands.Literal(Val.word(w.intern()), Operand.Type.WORD);
      }
      default ->
          throw fail(
              node.location(),
              "a " + expected.word() + " cannot be written as a literal; use a parameter");
    }
  }

  /**
   * A legal date or number written into a condition: the law's numbers are dated, cited parameters,
   * so that a lawyer sees which rule each is and a change in the law is made in one place.
   */
  private void unnamed(Location at, String what) {
    String message =
        what
            + " is written into the condition: declare it under 'parameters:' with the "
            + "date it took effect and its citation, and write $name (or {param: name}); a screening threshold "
            + "that is not law is a parameter with 'screening: true'";
    problems.add(
        literalsAreErrors ? Diagnostic.error(at, message) : Diagnostic.warning(at, message));
  }

  /**
   * A scalar where a value is expected: {@code $name} is a parameter, {@code as_of} the screening
   * date, a catalogue path a fact (unless it is one of the word values being compared), else a
   * literal.
   */
  private Operand scalar(Node.Scalar s, Scope scope, Operand.Type expected, FactDef wordFact) {
    String text = s.text().trim();
    if (text.startsWith("$")) {
      return new Operands.Param(parameter(text.substring(1), s.location()), null);
    }
    if (text.equals("as_of") && (expected == null || expected == Operand.Type.DATE)) {
      return new Operands.AsOf();
    }
    if (s.kind() == Node.Scalar.Kind.STRING
        && FACT_PATH.matcher(text).matches()
        && catalogue.get(text) != null
        && !(wordFact != null && wordFact.values().contains(text))) {
      return fact(text, s.location(), scope);
    }
    return literal(s, expected, wordFact);
  }

  /** A parameter of this file, or of the shared legal concepts. */
  private Parameter parameter(String id, Location at) {
    Parameter p = parameters.get(id);
    if (p == null && shared != null) {
      p = shared.parameters.get(id);
    }
    if (p == null) {
      if (mayLack()) {
        throw new Abandon(); // it may be one the file with errors meant to declare
      }
      throw fail(
          at,
          "unknown parameter '"
              + id
              + "'; parameters are declared under 'parameters:' (this file's or "
              + "the shared concepts')");
    }
    return p;
  }

  /**
   * A join: {@code named_by: PATH} keeps the items of the list whose {@code id} the list of ids at
   * PATH names (a removal's {@code basis_conviction_ids} naming convictions).
   */
  private Operands.Join join(Node.Mapping m, FactRef list, Scope outer, Scope inner) {
    if (m.get("named_by") == null) {
      return null;
    }
    Location at = m.get("named_by").location();
    FactRef ids = resolve(word(m.get("named_by")), at, outer, true);
    if (!ids.def.isScalarList()) {
      throw fail(at, "'named_by' needs a list of ids, such as removals[].basis_conviction_ids");
    }
    int idField = list.def.shape().indexOf("id");
    if (idField < 0) {
      throw fail(at, "the items of '" + list.def.path() + "' have no 'id' to be named by");
    }
    return new Operands.Join(ids, resolve(list.def.path() + "[].id", at, inner, false), idField);
  }

  private Operand fact(String path, Location at, Scope scope) {
    FactRef ref = resolve(path, at, scope, false);
    FactType t = ref.def.type();
    if (t == FactType.LIST || t == FactType.RECORD) {
      throw fail(
          at,
          "'"
              + path
              + "' is a "
              + t.word()
              + "; compare its fields, or use exists/every/count"
              + (ref.def.isScalarList() ? " or contains_any" : ""));
    }
    if (birth != null && path.equals("birth_date")) {
      return birth;
    }
    if (birth != null
        && (path.equals("entries[].date") || path.equals("removals[].departure_date"))) {
      String agePath =
          path.equals("entries[].date") ? "entries[].age_at_entry" : "removals[].age_at_departure";
      return new Operands.AgedDate(ref, resolve(agePath, at, scope, false), birth);
    }
    return new Operands.Fact(ref);
  }

  private FactRef listRef(Node node, Scope scope) {
    String path = word(node);
    FactRef ref =
        resolve(
            path.endsWith("[]") ? path.substring(0, path.length() - 2) : path,
            node.location(),
            scope,
            true);
    if (!ref.def.isListOfRecords()) {
      throw fail(
          node.location(),
          "'"
              + path
              + "' is not a list of records"
              + (ref.def.isScalarList() ? "; use contains_any for a list of values" : ""));
    }
    return ref;
  }

  private static Scope bind(FactRef list, Scope enclosing) {
    return new Scope(
        enclosing, list.scope, list.def.path() + "[]", list.relative, list.def.shape());
  }

  /**
   * Resolves a catalogue path against the bound lists; lists themselves only when {@code
   * allowList}.
   */
  FactRef resolve(String path, Location at, Scope scope, boolean allowList) {
    FactDef def = catalogue.get(path);
    if (def == null) {
      String hint = catalogue.suggest(path);
      throw fail(
          at,
          "unknown fact '" + path + "'" + (hint != null ? " — did you mean '" + hint + "'?" : ""));
    }
    Scope base = null;
    for (Scope s = scope; s != null; s = s.enclosing) {
      if (path.startsWith(s.listPath + ".")
          && (base == null || s.listPath.length() > base.listPath.length())) {
        base = s;
      }
    }
    String rest = base == null ? path : path.substring(base.listPath.length() + 1);
    if (base != null) {
      for (Compiling c : compilingDefs) {
        for (Scope s = c.bound == null ? null : c.bound.enclosing; s != null; s = s.enclosing) {
          c.outer |= s == base;
        }
      }
    }
    if (rest.contains("[]")) {
      String list = rest.substring(0, rest.indexOf("[]"));
      String full = base == null ? list : base.listPath + "." + list;
      throw fail(
          at,
          "'"
              + path
              + "' is a field of each item of '"
              + full
              + "'; use it inside exists, every, "
              + "count, sum, earliest or latest over '"
              + full
              + "'");
    }
    List<FactPath.Step> segments = FactPath.parse(rest).steps();
    int[] chain = new int[segments.size()];
    Shape shape = base == null ? catalogue.root() : base.shape;
    for (int i = 0; i < segments.size(); i++) {
      chain[i] = shape.indexOf(segments.get(i).field());
      FactDef field = shape.field(chain[i]);
      if (i < segments.size() - 1) {
        shape = field.shape();
      }
    }
    if (!allowList && def.type() == FactType.LIST && !def.isScalarList()) {
      throw fail(at, "'" + path + "' is a list; use exists, every or count over it");
    }
    return new FactRef(def, base, chain, rest, canon);
  }

  /**
   * Compiles a definition where it is used. A definition with {@code over: LIST} speaks of one item
   * of that list and may be used only where the list is bound; it is compiled in that scope.
   */
  private Def anyDefinition(String name, Location at, boolean condition, Scope scope) {
    if (!definitions.containsKey(name) && shared != null && shared.definitions.containsKey(name)) {
      String saved = shared.owner;
      try {
        return shared.definition(name, at, condition, scope);
      } finally {
        shared.owner = saved;
      }
    }
    uses.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(name);
    return definition(name, at, condition, scope);
  }

  private Def definition(String name, Location at, boolean condition, Scope scope) {
    Node body = definitions.get(name);
    if (body == null) {
      if (mayLack()) {
        throw new Abandon(); // it may be one the file with errors meant to declare
      }
      throw fail(
          at,
          "unknown definition '"
              + name
              + "'; definitions are declared under 'definitions:' (this "
              + "file's, or the shared legal concepts in rules/concepts/concepts.yaml)");
    }
    Node.Mapping dm = (Node.Mapping) body;
    if (broken.contains(name) || dm.get("when") == null && dm.get("value") == null) {
      throw new Abandon(); // said already: where it failed, or by the loader at its own line
    }
    boolean isCondition = dm.get("when") != null;
    if (isCondition != condition) {
      throw fail(
          at,
          "'"
              + name
              + "' is a "
              + (isCondition
                  ? "condition (use ref: as a condition)"
                  : "value (use {ref: ...} as a value)"));
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
        throw fail(
            at,
            "'"
                + name
                + "' speaks of one item of '"
                + list
                + "'; use it inside exists, every or count over '"
                + list
                + "'");
      }
    }
    // A definition's result for a person (or for one item, of a list at the top) is worked out
    // once,
    // unless its body reads an item of a list bound outside it.
    int memo = canon.memo(file + ":" + name, bound == null ? 1 : MEMO_ITEMS);
    Object done = bound == null ? compiled.get(name) : null;
    if (done != null) {
      return new Def(done, memo, -1);
    }
    if (!compiling.add(name)) {
      throw fail(
          at,
          "definition '" + name + "' refers to itself through " + String.join(" -> ", compiling));
    }
    String saved = owner;
    owner = "def:" + name;
    Compiling frame = new Compiling(bound);
    compilingDefs.push(frame);
    try {
      Object result =
          condition ? cond(dm.get("when"), bound) : operand(dm.get("value"), bound, null, null);
      if (bound == null) {
        compiled.put(name, result);
      }
      boolean keep = bound == null || (!frame.outer && bound.base == null);
      return new Def(result, keep ? memo : -1, bound == null ? -1 : bound.depth);
    } finally {
      compilingDefs.pop();
      owner = saved;
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

  private List<Node> pair(Node node) {
    if (node instanceof Node.Seq seq && seq.items().size() == 2) {
      return seq.items();
    }
    throw fail(node.location(), "expected a list of two values, [date, number] or [from, to]");
  }
}
