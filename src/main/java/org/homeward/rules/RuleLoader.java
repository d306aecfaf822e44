package org.homeward.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.document.Translations;
import org.homeward.facts.FactCatalogue;
import org.homeward.person.PartialDate;

/**
 * Loads and checks a rule set: the manifest {@code ruleset.yaml}, the fact catalogue and every
 * {@code <category>/rule.yaml}. All problems are collected and reported together, each located.
 */
public final class RuleLoader {
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "summary", "citations", "parameters",
      "definitions", "paths", "disqualifiers", "notes", "next_steps", "es");
  private static final Set<String> BARRIER_KEYS = Set.of("id", "title", "summary", "citations", "parameters",
      "definitions", "triggers", "ends", "exceptions", "notes", "next_steps", "affects", "es");
  private static final Set<String> CRITERION_KEYS = Set.of("id", "text", "when", "citation", "question", "lead", "defers",
      "es");
  private static final Set<String> PATH_KEYS = Set.of("id", "title", "criteria", "es");
  private static final Set<String> PARAM_KEYS = Set.of("id", "text", "type", "values");

  private final RuleSource source;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final MessageDigest digest;
  private final Map<String, String> texts = new HashMap<>();
  private final Translations translations = new Translations();

  private RuleLoader(RuleSource source) {
    this.source = source;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads a rule set, or throws a {@link ProblemException} of kind RULES listing every error. */
  public static RuleSet load(RuleSource source) {
    RuleLoader loader = new RuleLoader(source);
    RuleSet set = loader.run();
    if (loader.problems.stream().anyMatch(Diagnostic::isError)) {
      throw new ProblemException(ProblemException.Kind.RULES, loader.located());
    }
    return set;
  }

  /** Checks a rule set and returns every problem, warnings included. */
  public static List<Diagnostic> check(RuleSource source) {
    RuleLoader loader = new RuleLoader(source);
    try {
      loader.run();
    } catch (ProblemException e) {
      loader.problems.addAll(e.diagnostics());
    }
    return loader.located();
  }

  private List<Diagnostic> located() {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : problems) {
      String text = texts.get(d.location().source());
      if (text != null && d.location().line() > 0 && d.excerpt() == null) {
        String[] lines = text.split("\n", -1);
        if (d.location().line() <= lines.length) {
          d = d.withExcerpt(lines[d.location().line() - 1]);
        }
      }
      out.add(d);
    }
    return out;
  }

  private Node parse(String relative) {
    String text;
    try {
      text = source.read(relative);
    } catch (IOException e) {
      problems.add(Diagnostic.error(Location.of(source.name(relative)), "cannot read the file: " + e.getMessage()));
      return null;
    }
    if (text == null) {
      return null;
    }
    digest.update(relative.getBytes(StandardCharsets.UTF_8));
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    texts.put(source.name(relative), text);
    try {
      if (source.isJson(relative)) {
        return NodeReader.readJson(new StringReader(text), source.name(relative));
      }
      return NodeReader.readYaml(new StringReader(text), source.name(relative));
    } catch (ProblemException e) {
      problems.addAll(e.diagnostics());
      return null;
    }
  }

  private RuleSet run() {
    Node manifest = parse("ruleset.yaml");
    if (manifest == null) {
      throw new ProblemException(ProblemException.Kind.RULES, Diagnostic.error(
          Location.of(source.name("ruleset.yaml")), "no ruleset.yaml: a rule set needs a manifest listing its categories"));
    }
    Node.Mapping m = mapping(manifest);
    String version = m == null ? "0" : text(m, "version");
    Node factsDoc = parse("facts.yaml");
    if (factsDoc == null) {
      throw new ProblemException(ProblemException.Kind.RULES, Diagnostic.error(
          Location.of(source.name("facts.yaml")), "no facts.yaml: a rule set needs its fact catalogue"));
    }
    FactCatalogue facts;
    try {
      facts = FactCatalogue.load(factsDoc);
    } catch (ProblemException e) {
      problems.addAll(e.diagnostics());
      return null;
    }
    List<Category> categories = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    if (m != null && m.get("categories") instanceof Node.Seq seq) {
      for (Node item : seq.items()) {
        String id = ((Node.Scalar) item).text();
        listed.add(id);
        String rel = id + "/rule.yaml";
        Node doc = parse(rel);
        if (doc == null && !texts.containsKey(source.name(rel))) {
          problems.add(Diagnostic.error(item.location(), "category '" + id + "' is listed but " + source.name(rel) + " is missing"));
          continue;
        }
        Category c = doc == null ? null : category(doc, id, facts);
        if (c != null) {
          categories.add(c);
        }
      }
    } else {
      problems.add(Diagnostic.error(manifest.location(), "ruleset.yaml needs a 'categories' list in report order"));
    }
    List<Barrier> barriers = new ArrayList<>();
    if (m != null && m.get("barriers") instanceof Node.Seq bseq) {
      for (Node item : bseq.items()) {
        String id = ((Node.Scalar) item).text();
        String rel = "barriers/" + id + "/rule.yaml";
        Node doc = parse(rel);
        if (doc == null && !texts.containsKey(source.name(rel))) {
          problems.add(Diagnostic.error(item.location(), "barrier '" + id + "' is listed but " + source.name(rel) + " is missing"));
          continue;
        }
        Barrier b = doc == null ? null : barrier(doc, id, facts, listed);
        if (b != null) {
          barriers.add(b);
        }
      }
    }
    try {
      for (String folder : source.folders()) {
        if (!listed.contains(folder) && !folder.equals("barriers")) {
          problems.add(Diagnostic.warning(Location.of(source.name(folder)),
              "folder '" + folder + "' is not listed in ruleset.yaml, so its rules are not used"));
        }
      }
    } catch (IOException e) {
      problems.add(Diagnostic.warning(Location.of(source.name("")), "cannot list the rule folders: " + e.getMessage()));
    }
    String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    String bundled = null;
    try {
      bundled = source.isJson("ruleset.yaml") ? source.read("version.txt") : null;
    } catch (IOException e) {
      bundled = null;
    }
    // The bundled copy is JSON: it carries the version computed from its YAML sources at build time.
    translations.addAll(facts.translations());
    return new RuleSet(bundled != null ? bundled.strip() : version + "+" + hash, facts, categories, barriers,
        translations);
  }

  /** What every rule and barrier file starts with: its id, citations and a compiler for its conditions. */
  private record Header(Node.Mapping map, String id, List<Citation> citations, Set<String> citationIds,
      ConditionCompiler compiler) {}

  private Header header(Node doc, String folder, FactCatalogue facts, Set<String> keys, String what) {
    Node.Mapping m = mapping(doc);
    if (m == null) {
      return null;
    }
    unknownKeys(m, keys, what);
    human(m, "title", "summary");
    String id = required(m, "id");
    if (id != null && !id.equals(folder)) {
      problems.add(Diagnostic.error(m.get("id").location(), "the id '" + id + "' must match its folder '" + folder + "'"));
    }
    List<Citation> citations = citations(m.get("citations"));
    Set<String> citationIds = new HashSet<>();
    citations.forEach(c -> citationIds.add(c.id()));
    if (citations.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), what + " needs 'citations': the law its criteria implement"));
    }
    return new Header(m, id, citations, citationIds, compiler(m, facts, citationIds));
  }

  private Category category(Node doc, String folder, FactCatalogue facts) {
    Header h = header(doc, folder, facts, RULE_KEYS, "a rule file");
    if (h == null) {
      return null;
    }
    Node.Mapping m = h.map();
    String id = h.id();
    List<Citation> citations = h.citations();
    Set<String> citationIds = h.citationIds();
    ConditionCompiler compiler = h.compiler();
    Set<String> ids = new HashSet<>();
    List<RulePath> paths = new ArrayList<>();
    for (Node p : items(m.get("paths"))) {
      Node.Mapping pm = mapping(p);
      if (pm == null) {
        continue;
      }
      unknownKeys(pm, PATH_KEYS, "a path");
      human(pm, "title");
      String pid = required(pm, "id");
      unique(ids, pid, pm);
      List<Criterion> criteria = new ArrayList<>();
      for (Node c : items(pm.get("criteria"))) {
        Criterion crit = criterion(c, compiler, citationIds, ids, true);
        if (crit != null) {
          criteria.add(crit);
        }
      }
      if (criteria.isEmpty()) {
        problems.add(Diagnostic.error(pm.location(), "path '" + pid + "' has no criteria"));
      }
      paths.add(new RulePath(pid, text(pm, "title") == null ? pid : text(pm, "title"), criteria));
    }
    if (paths.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), "a category needs at least one path under 'paths'"));
    }
    List<Criterion> disqualifiers = criteria(m.get("disqualifiers"), compiler, citationIds, ids, true);
    List<Criterion> notes = criteria(m.get("notes"), compiler, citationIds, ids, false);
    List<Criterion> steps = criteria(m.get("next_steps"), compiler, citationIds, null, false);
    return new Category(id, required(m, "title"), text(m, "summary"), source.name(folder + "/rule.yaml"),
        citations, compiler.parameters(), paths, disqualifiers, notes, steps);
  }

  private Barrier barrier(Node doc, String folder, FactCatalogue facts, List<String> categoryIds) {
    Header h = header(doc, folder, facts, BARRIER_KEYS, "a barrier file");
    if (h == null) {
      return null;
    }
    Node.Mapping m = h.map();
    String id = h.id();
    List<Citation> citations = h.citations();
    Set<String> citationIds = h.citationIds();
    ConditionCompiler compiler = h.compiler();
    Set<String> ids = new HashSet<>();
    List<Criterion> triggers = criteria(m.get("triggers"), compiler, citationIds, ids, true);
    if (triggers.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), "a barrier needs 'triggers': the criteria that make it apply"));
    }
    List<Criterion> exceptions = criteria(m.get("exceptions"), compiler, citationIds, ids, true);
    DateExpression ends = null;
    if (m.get("ends") != null) {
      Operand op = compiler.operand(m.get("ends"), Operand.Type.DATE);
      ends = op == null ? null : new DateExpression(op);
    }
    List<String> affects = items(m.get("affects")).stream().map(n -> ((Node.Scalar) n).text()).toList();
    for (Node n : items(m.get("affects"))) {
      if (!categoryIds.contains(((Node.Scalar) n).text())) {
        problems.add(Diagnostic.error(n.location(), "'" + ((Node.Scalar) n).text() + "' is not a category of this rule set"));
      }
    }
    return new Barrier(id, required(m, "title"), text(m, "summary"), source.name("barriers/" + folder + "/rule.yaml"),
        citations, triggers, ends, exceptions, criteria(m.get("notes"), compiler, citationIds, ids, false),
        criteria(m.get("next_steps"), compiler, citationIds, null, false), affects);
  }

  private ConditionCompiler compiler(Node.Mapping m, FactCatalogue facts, Set<String> citationIds) {
    Map<String, Parameter> parameters = parameters(m.get("parameters"), citationIds);
    Map<String, Node> definitions = new LinkedHashMap<>();
    for (Node d : items(m.get("definitions"))) {
      Node.Mapping dm = mapping(d);
      if (dm == null) {
        continue;
      }
      unknownKeys(dm, Set.of("id", "text", "when", "value", "over"), "a definition");
      String did = required(dm, "id");
      if (did != null) {
        if ((dm.get("when") == null) == (dm.get("value") == null)) {
          problems.add(Diagnostic.error(dm.location(), "definition '" + did + "' needs exactly one of 'when' (a condition) or 'value'"));
        }
        definitions.put(did, dm);
      }
    }
    ConditionCompiler compiler = new ConditionCompiler(facts, parameters, definitions, problems, translations);
    compiler.compileDefinitions();
    return compiler;
  }

  private List<Criterion> criteria(Node list, ConditionCompiler compiler, Set<String> citationIds,
      Set<String> ids, boolean strict) {
    List<Criterion> out = new ArrayList<>();
    int n = 0;
    for (Node c : items(list)) {
      n++;
      Node.Mapping cm = mapping(c);
      if (cm != null && cm.get("id") == null && !strict) {
        // Next steps and notes may go without an id; number them.
        Map<String, Node> entries = new LinkedHashMap<>(cm.entries());
        entries.put("id", new Node.Scalar(cm.location(), Node.Scalar.Kind.STRING, "step-" + n));
        c = new Node.Mapping(cm.location(), entries, cm.keys());
      }
      Criterion crit = criterion(c, compiler, citationIds, ids, strict);
      if (crit != null) {
        out.add(crit);
      }
    }
    return out;
  }

  private Criterion criterion(Node node, ConditionCompiler compiler, Set<String> citationIds, Set<String> ids,
      boolean strict) {
    Node.Mapping m = mapping(node);
    if (m == null) {
      return null;
    }
    unknownKeys(m, CRITERION_KEYS, "a criterion");
    human(m, "text", "question");
    String id = required(m, "id");
    if (ids != null) {
      unique(ids, id, m);
    }
    String text = required(m, "text");
    Condition when = null;
    if (m.get("when") != null) {
      when = compiler.condition(m.get("when"));
    } else if (strict) {
      problems.add(Diagnostic.error(m.location(), "criterion '" + id + "' needs a 'when' condition"));
    }
    List<String> cites = new ArrayList<>();
    Node c = m.get("citation");
    if (c instanceof Node.Scalar s && !s.isNull()) {
      cites.add(s.text());
    } else if (c instanceof Node.Seq seq) {
      seq.items().forEach(i -> cites.add(((Node.Scalar) i).text()));
    }
    for (String cite : cites) {
      if (!citationIds.contains(cite)) {
        problems.add(Diagnostic.error(c.location(), "citation '" + cite + "' is not among the file's citations"));
      }
    }
    if (strict && cites.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), "criterion '" + id + "' needs a 'citation': the law it implements"));
    }
    String question = text(m, "question");
    if (strict && when != null && question == null) {
      problems.add(Diagnostic.warning(m.location(), "criterion '" + id + "' has no 'question' to ask when its facts are unknown"));
    }
    boolean lead = m.get("lead") instanceof Node.Scalar s && "true".equals(s.text());
    boolean defers = m.get("defers") instanceof Node.Scalar d && "true".equals(d.text());
    return new Criterion(id, text, when, cites, question, lead, defers, m.location());
  }

  private List<Citation> citations(Node list) {
    List<Citation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node n : items(list)) {
      Node.Mapping m = mapping(n);
      if (m == null) {
        continue;
      }
      unknownKeys(m, Set.of("id", "title", "url", "date"), "a citation");
      String id = required(m, "id");
      unique(seen, id, m);
      out.add(new Citation(id, required(m, "title"), text(m, "url"), text(m, "date")));
    }
    return out;
  }

  private Map<String, Parameter> parameters(Node list, Set<String> citationIds) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Node n : items(list)) {
      Node.Mapping m = mapping(n);
      if (m == null) {
        continue;
      }
      unknownKeys(m, PARAM_KEYS, "a parameter");
      String id = required(m, "id");
      String typeWord = required(m, "type");
      Operand.Type type = null;
      for (Operand.Type t : Operand.Type.values()) {
        if (t.word().equals(typeWord)) {
          type = t;
        }
      }
      if (type == null) {
        problems.add(Diagnostic.error(m.location(), "parameter type must be date, number, boolean, word or periods"));
        continue;
      }
      List<Parameter.Value> values = new ArrayList<>();
      double last = Double.NEGATIVE_INFINITY;
      for (Node v : items(m.get("values"))) {
        Node.Mapping vm = mapping(v);
        if (vm == null) {
          continue;
        }
        unknownKeys(vm, Set.of("from", "value", "citation"), "a parameter value");
        double from = Double.NEGATIVE_INFINITY;
        if (vm.get("from") != null) {
          PartialDate d = PartialDate.parse(text(vm, "from"));
          if (d == null || !d.isExact()) {
            problems.add(Diagnostic.error(vm.get("from").location(), "'from' must be a date YYYY-MM-DD"));
            continue;
          }
          from = d.first().toEpochDay();
        }
        if (from <= last && !values.isEmpty()) {
          problems.add(Diagnostic.error(vm.location(), "parameter values must be in date order"));
        }
        last = from;
        String cite = text(vm, "citation");
        if (cite == null || !citationIds.contains(cite)) {
          problems.add(Diagnostic.error(vm.location(), "each parameter value needs a 'citation' from the file's citations"));
        }
        Object value = paramValue(vm.get("value"), type);
        if (value != null) {
          values.add(new Parameter.Value(from, value, cite));
        }
      }
      if (values.isEmpty()) {
        problems.add(Diagnostic.error(m.location(), "parameter '" + id + "' needs 'values'"));
      }
      out.put(id, new Parameter(id, text(m, "text"), type, values));
    }
    return out;
  }

  private Object paramValue(Node node, Operand.Type type) {
    if (node == null) {
      problems.add(Diagnostic.error(Location.of("?"), "a parameter value needs 'value'"));
      return null;
    }
    switch (type) {
      case DATE -> {
        PartialDate d = node instanceof Node.Scalar s ? PartialDate.parse(s.text()) : null;
        if (d == null) {
          problems.add(Diagnostic.error(node.location(), "expected a date"));
          return null;
        }
        return Operands.dateVal(d);
      }
      case NUMBER -> {
        try {
          return Double.parseDouble(((Node.Scalar) node).text());
        } catch (RuntimeException e) {
          problems.add(Diagnostic.error(node.location(), "expected a number"));
          return null;
        }
      }
      case BOOLEAN -> {
        return Boolean.valueOf(((Node.Scalar) node).text());
      }
      case WORD -> {
        return ((Node.Scalar) node).text();
      }
      default -> {
        List<Parameter.Period> periods = new ArrayList<>();
        for (Node p : items(node)) {
          Node.Mapping pm = mapping(p);
          if (pm == null) {
            continue;
          }
          PartialDate start = PartialDate.parse(String.valueOf(text(pm, "start")));
          String endText = text(pm, "end");
          PartialDate end = endText == null ? null : PartialDate.parse(endText);
          if (start == null || (endText != null && end == null)) {
            problems.add(Diagnostic.error(pm.location(), "a period needs 'start' (and may have 'end') as YYYY-MM-DD"));
            continue;
          }
          periods.add(new Parameter.Period(start.first().toEpochDay(),
              end == null ? Double.POSITIVE_INFINITY : end.last().toEpochDay(), text(pm, "name")));
        }
        return List.copyOf(periods);
      }
    }
  }

  private Node.Mapping mapping(Node node) {
    if (node instanceof Node.Mapping m) {
      return m;
    }
    problems.add(Diagnostic.error(node.location(), "expected a map, found " + node.describe()));
    return null;
  }

  private List<Node> items(Node node) {
    if (node == null || (node instanceof Node.Scalar s && s.isNull())) {
      return List.of();
    }
    if (node instanceof Node.Seq seq) {
      return seq.items();
    }
    problems.add(Diagnostic.error(node.location(), "expected a list, found " + node.describe()));
    return List.of();
  }

  private void unknownKeys(Node.Mapping m, Set<String> allowed, String what) {
    for (String key : m.entries().keySet()) {
      if (!allowed.contains(key)) {
        problems.add(Diagnostic.error(m.keyLocation(key), "unknown key '" + key + "' in " + what
            + "; expected " + String.join(", ", allowed.stream().sorted().toList())));
      }
    }
  }

  private void unique(Set<String> seen, String id, Node.Mapping m) {
    if (id != null && !seen.add(id)) {
      problems.add(Diagnostic.error(m.get("id").location(), "the id '" + id + "' is used twice in this file"));
    }
  }

  private String required(Node.Mapping m, String key) {
    String v = text(m, key);
    if (v == null) {
      problems.add(Diagnostic.error(m.location(), "'" + key + "' is required here"));
    }
    return v;
  }

  /**
   * Records a mapping's human-facing texts, and their Spanish twins from its {@code es:} mapping,
   * which may translate only those keys, and only where the English is given.
   */
  private void human(Node.Mapping m, String... keys) {
    List<String> allowed = List.of(keys);
    for (String k : keys) {
      translations.need(text(m, k));
    }
    Node es = m.get("es");
    if (es == null) {
      return;
    }
    if (!(es instanceof Node.Mapping em)) {
      problems.add(Diagnostic.error(es.location(), "'es' holds the Spanish of " + String.join(" and ", allowed)
          + ", as a map (text: ...)"));
      return;
    }
    for (Map.Entry<String, Node> e : em.entries().entrySet()) {
      String english = allowed.contains(e.getKey()) ? text(m, e.getKey()) : null;
      if (english == null) {
        problems.add(Diagnostic.error(em.keyLocation(e.getKey()), "'es' here may translate only "
            + String.join(", ", allowed) + " (where the English is given), found '" + e.getKey() + "'"));
      } else if (!(e.getValue() instanceof Node.Scalar v) || v.isNull() || v.text().isBlank()) {
        problems.add(Diagnostic.error(e.getValue().location(), "expected the Spanish text of '" + e.getKey() + "'"));
      } else {
        translations.add(english, v.text());
      }
    }
  }

  private static String text(Node.Mapping m, String key) {
    return m.get(key) instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }
}
