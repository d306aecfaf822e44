package org.homeward.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.document.SpanishTwin;
import org.homeward.document.Translations;
import org.homeward.facts.FactCatalogue;
import org.homeward.person.PartialDate;

/**
 * Loads and checks a rule set: the manifest {@code ruleset.yaml}, the fact catalogue and every
 * {@code <category>/rule.yaml}. All problems are collected and reported together, each located.
 */
public final class RuleLoader {
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "title",
          "summary",
          "citations",
          "parameters",
          "definitions",
          "paths",
          "disqualifiers",
          "notes",
          "next_steps",
          "coverage");
  private static final Set<String> BARRIER_KEYS =
      Set.of(
          "id",
          "title",
          "summary",
          "citations",
          "parameters",
          "definitions",
          "triggers",
          "ends",
          "exceptions",
          "notes",
          "next_steps",
          "affects");
  private static final Set<String> CONCEPT_KEYS =
      Set.of("title", "summary", "citations", "parameters", "definitions");
  private static final Set<String> CRITERION_KEYS =
      Set.of(
          "id", "text", "when", "citation", "question", "lead", "defers", "unverified", "opens_on");
  private static final Set<String> PATH_KEYS = Set.of("id", "title", "criteria", "opens_on");
  private static final Set<String> PARAM_KEYS = Set.of("id", "text", "type", "values", "screening");
  private static final Set<String> DEFINITION_KEYS =
      Set.of("id", "text", "when", "value", "over", "citation");
  private static final Set<String> COVERAGE_KEYS =
      Set.of("id", "text", "date", "date_text", "when", "encoded", "citation");

  /** Where the shared legal concepts live in a rule set. */
  static final String CONCEPTS = "concepts/concepts.yaml";

  /**
   * A date or number written into a condition is an error: the law's numbers are dated, cited
   * parameters.
   */
  static final boolean LITERALS_ARE_ERRORS = true;

  private final RuleSource source;
  private final List<Diagnostic> problems = new ArrayList<>();

  /**
   * The categories and barriers (by id) whose rule file has errors: a link to one of their results
   * that is not found may be to one the errors lost, so it is not reported as well.
   */
  private final Set<String> flawed = new HashSet<>();

  /**
   * Whether some entry of ruleset.yaml could not be read, or names a folder that is not there: a
   * category or barrier named elsewhere but not found may be that entry, so it is not reported as
   * well.
   */
  private boolean manifestIncomplete;

  /**
   * Whether the file loaded since {@code before} errors were counted is whole: no error of its own,
   * and every condition compiled. Only then is a translation that no English text claims an orphan
   * (see {@link SpanishTwin#finish}).
   */
  private boolean whole(long before, ConditionCompiler compiler) {
    return errors() == before && !compiler.abandonedAny();
  }

  private long errors() {
    return problems.stream().filter(Diagnostic::isError).count();
  }

  private final MessageDigest digest;
  private final Map<String, String> texts = new HashMap<>();
  private final Translations translations = new Translations();
  private final Canon canon = new Canon();

  /**
   * Each rule file's compiler, by owner prefix ({@code cat:ID} or {@code bar:ID}), for following
   * links.
   */
  private final Map<String, ConditionCompiler> compilers = new LinkedHashMap<>();

  private ConditionCompiler shared;

  /** The texts of the file being read, paired with its Spanish twin. */
  private Texts current;

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

  /**
   * The problems, each with its line quoted, each said once: a definition can be compiled for
   * another before its own turn, and a definition over a list is compiled at each use until its own
   * compilation has failed (see {@code ConditionCompiler.broken}), so one mistake can be met twice.
   */
  private List<Diagnostic> located() {
    Set<Diagnostic> out = new LinkedHashSet<>();
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
    return new ArrayList<>(out);
  }

  private Node parse(String relative) {
    String text;
    try {
      text = source.read(relative);
    } catch (IOException e) {
      problems.add(
          Diagnostic.error(
              Location.of(source.name(relative)), "cannot read the file: " + e.getMessage()));
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
      throw new ProblemException(
          ProblemException.Kind.RULES,
          Diagnostic.error(
              Location.of(source.name("ruleset.yaml")),
              "no ruleset.yaml: a rule set needs a manifest listing its categories"));
    }
    Node.Mapping m = mapping(manifest);
    if (m != null) {
      unknownKeys(m, Set.of("version", "categories", "barriers"), "ruleset.yaml");
    }
    String version = m == null ? "0" : text(m, "version");
    Node factsDoc = parse("facts.yaml");
    if (factsDoc == null) {
      throw new ProblemException(
          ProblemException.Kind.RULES,
          Diagnostic.error(
              Location.of(source.name("facts.yaml")),
              "no facts.yaml: a rule set needs its fact catalogue"));
    }
    FactCatalogue facts;
    try {
      facts = FactCatalogue.load(factsDoc, parse("facts.es.yaml"));
    } catch (ProblemException e) {
      problems.addAll(e.diagnostics());
      return null;
    }
    long before = errors();
    Concepts concepts = concepts(facts);
    if (errors() > before) {
      shared.incomplete();
    }
    List<String> listed = new ArrayList<>();
    List<Category> categories = List.of();
    if (m != null && m.get("categories") instanceof Node.Seq seq) {
      categories =
          listed(seq.items(), "category", "", listed, (doc, id) -> category(doc, id, facts));
    } else {
      manifestIncomplete = true;
      problems.add(
          Diagnostic.error(
              manifest.location(), "ruleset.yaml needs a 'categories' list in report order"));
    }
    List<Barrier> barriers =
        listed(
            m == null ? List.of() : items(m.get("barriers")),
            "barrier",
            "barriers/",
            new ArrayList<>(),
            (doc, id) -> barrier(doc, id, facts, listed));
    try {
      for (String folder : source.folders()) {
        if (!listed.contains(folder) && !folder.equals("barriers") && !folder.equals("concepts")) {
          problems.add(
              Diagnostic.warning(
                  Location.of(source.name(folder)),
                  "folder '"
                      + folder
                      + "' is not listed in ruleset.yaml, so its rules are not used"));
        }
      }
    } catch (IOException e) {
      problems.add(
          Diagnostic.warning(
              Location.of(source.name("")), "cannot list the rule folders: " + e.getMessage()));
    }
    Map<String, Integer> slots = link(categories, barriers);
    String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    String bundled = null;
    try {
      bundled = source.isJson("ruleset.yaml") ? source.read("version.txt") : null;
    } catch (IOException e) {
      bundled = null;
    }
    // The bundled copy is JSON: it carries the version computed from its YAML sources at build
    // time.
    translations.addAll(facts.translations());
    return new RuleSet(
        bundled != null ? bundled.strip() : version + "+" + hash,
        facts,
        concepts,
        categories,
        barriers,
        translations,
        slots,
        canon.places(),
        canon.size(),
        canon.memoSize());
  }

  /** The Spanish twin of a rule file: {@code x/rule.es.yaml} beside {@code x/rule.yaml}. */
  private Texts twin(String relative) {
    String twinName = relative.substring(0, relative.length() - ".yaml".length()) + ".es.yaml";
    return new Texts(new SpanishTwin(parse(twinName), translations, problems), problems);
  }

  /**
   * The shared legal concepts, when the rule set has them; their compiler serves every other file.
   */
  private Concepts concepts(FactCatalogue facts) {
    long before = errors();
    Node doc = parse(CONCEPTS);
    Node.Mapping m = doc == null ? null : mapping(doc);
    if (m == null) {
      // No shared concepts: every file still compiles against an empty set of them.
      current = new Texts(new SpanishTwin(null, translations, problems), problems);
      shared =
          new ConditionCompiler(
              facts,
              Map.of(),
              Map.of(),
              problems,
              current,
              null,
              LITERALS_ARE_ERRORS,
              canon,
              CONCEPTS);
      return Concepts.none();
    }
    current = twin(CONCEPTS);
    unknownKeys(m, CONCEPT_KEYS, "the shared concepts file");
    current.twin().own("title", text(m, "title"));
    current.twin().own("summary", text(m, "summary"));
    Citations cited = citations(m.get("citations"));
    List<Citation> citations = cited.all();
    Set<String> citationIds = cited.ids();
    shared = compiler(m, facts, cited, null, CONCEPTS);
    List<Concepts.Concept> all = new ArrayList<>();
    for (Node d : items(m.get("definitions"))) {
      if (d instanceof Node.Mapping dm && text(dm, "id") != null) {
        List<Cite> cites = cites(dm, citationIds);
        if (cites.isEmpty()) {
          problems.add(
              Diagnostic.error(
                  dm.location(),
                  "shared concept '"
                      + text(dm, "id")
                      + "' needs a 'citation': "
                      + "the law that defines it"));
        }
        if (text(dm, "text") == null) {
          problems.add(
              Diagnostic.error(
                  dm.location(),
                  "shared concept '"
                      + text(dm, "id")
                      + "' needs a 'text' saying "
                      + "what it means"));
        }
        all.add(
            new Concepts.Concept(
                text(dm, "id"), text(dm, "text"), cites, text(dm, "over"), dm.location()));
      }
    }
    current.twin().finish(whole(before, shared));
    return new Concepts(all, citations, source.name(CONCEPTS), shared);
  }

  /**
   * Whether a result named by a link and not found may have been lost to an error already reported:
   * its rule file has errors, or an entry of ruleset.yaml could not be read.
   */
  private boolean lost(String kindAndId) {
    return manifestIncomplete || flawed.contains(kindAndId);
  }

  /**
   * Resolves every link to the category, path or barrier it reads, gives each distinct result a
   * slot, and rejects a cycle (a result that would depend on itself). Returns the slots by target.
   */
  private Map<String, Integer> link(List<Category> categories, List<Barrier> barriers) {
    Map<String, Category> cats = new HashMap<>();
    categories.forEach(c -> cats.put(c.id(), c));
    Map<String, Barrier> bars = new HashMap<>();
    barriers.forEach(b -> bars.put(b.id(), b));
    Map<String, Integer> slots = new HashMap<>();
    // A category or barrier not in the rule set is reported once, at the first link that reads it.
    Map<String, List<Location>> unfound = new LinkedHashMap<>();
    for (ConditionCompiler compiler : compilers.values()) {
      for (Link link : compiler.allLinks()) {
        String target = link.target();
        switch (link.kind()) {
          case CATEGORY -> {
            Category c = cats.get(target);
            if (c == null) {
              if (!lost("category:" + target)) {
                unfound
                    .computeIfAbsent("category '" + target + "'", k -> new ArrayList<>())
                    .add(link.location());
              }
              continue;
            }
            link.resolve(c, null, null);
          }
          case PATH -> {
            int slash = target.indexOf('/');
            Category c = slash < 0 ? null : cats.get(target.substring(0, slash));
            RulePath p =
                c == null
                    ? null
                    : c.paths().stream()
                        .filter(x -> target.substring(slash + 1).equals(x.id()))
                        .findFirst()
                        .orElse(null);
            if (p == null) {
              if (lost("category:" + (slash < 0 ? target : target.substring(0, slash)))) {
                continue;
              }
              if (slash >= 0 && c == null) {
                unfound
                    .computeIfAbsent(
                        "category '" + target.substring(0, slash) + "'", k -> new ArrayList<>())
                    .add(link.location());
                continue;
              }
              problems.add(
                  Diagnostic.error(
                      link.location(),
                      "no path '"
                          + target
                          + "': write {path: CATEGORY/PATH}"
                          + " with a path id of that category"));
              continue;
            }
            link.resolve(c, p, null);
          }
          case BARRIER -> {
            Barrier b = bars.get(target);
            if (b == null) {
              if (!lost("barrier:" + target)) {
                unfound
                    .computeIfAbsent("barrier '" + target + "'", k -> new ArrayList<>())
                    .add(link.location());
              }
              continue;
            }
            link.resolve(null, null, b);
          }
        }
        link.slot = slots.computeIfAbsent(link.kind() + ":" + target, k -> slots.size());
      }
    }
    unfound.forEach(
        (what, at) ->
            problems.add(
                Diagnostic.error(
                    at.get(0),
                    "no "
                        + what
                        + " in this rule set"
                        + (at.size() > 1
                            ? " (" + at.size() + " links read its results; this is the first)"
                            : ""))));
    // The graph of results: a category's outcome rests on its paths and disqualifiers; a path and a
    // barrier on what their conditions link to.
    Map<String, List<Link>> edges = new LinkedHashMap<>();
    Map<String, List<String>> structural = new HashMap<>();
    for (Category c : categories) {
      ConditionCompiler compiler = compilers.get("cat:" + c.id());
      edges.put("cat:" + c.id(), compiler == null ? List.of() : compiler.linksOf("cat:" + c.id()));
      List<String> paths = new ArrayList<>();
      for (RulePath p : c.paths()) {
        String node = "path:" + c.id() + "/" + p.id();
        paths.add(node);
        edges.put(node, compiler == null ? List.of() : compiler.linksOf(node));
      }
      structural.put("cat:" + c.id(), paths);
    }
    for (Barrier b : barriers) {
      ConditionCompiler compiler = compilers.get("bar:" + b.id());
      edges.put("bar:" + b.id(), compiler == null ? List.of() : compiler.linksOf("bar:" + b.id()));
    }
    Set<String> done = new HashSet<>();
    for (String node : edges.keySet()) {
      cycle(node, edges, structural, new ArrayList<>(), done);
    }
    return slots;
  }

  private void cycle(
      String node,
      Map<String, List<Link>> edges,
      Map<String, List<String>> structural,
      List<String> stack,
      Set<String> done) {
    if (done.contains(node)) {
      return;
    }
    int at = stack.indexOf(node);
    if (at >= 0) {
      return;
    }
    stack.add(node);
    for (String next : structural.getOrDefault(node, List.of())) {
      cycle(next, edges, structural, stack, done);
    }
    for (Link link : edges.getOrDefault(node, List.of())) {
      String next =
          switch (link.kind()) {
            case CATEGORY -> "cat:" + link.target();
            case PATH -> "path:" + link.target();
            case BARRIER -> "bar:" + link.target();
          };
      int i = stack.indexOf(next);
      if (i >= 0) {
        List<String> loop = new ArrayList<>(stack.subList(i, stack.size()));
        loop.add(next);
        problems.add(
            Diagnostic.error(
                link.location(),
                "a cycle of linked results: "
                    + String.join(
                        " -> ", loop.stream().map(n -> n.substring(n.indexOf(':') + 1)).toList())
                    + "; a result cannot depend on itself"));
        continue;
      }
      if (edges.containsKey(next)) {
        cycle(next, edges, structural, stack, done);
      }
    }
    stack.remove(stack.size() - 1);
    done.add(node);
  }

  /**
   * What every rule and barrier file starts with: its id, citations and a compiler for its
   * conditions.
   */
  private record Header(Node.Mapping map, String id, Citations cited, ConditionCompiler compiler) {}

  private Header header(
      Node doc, String folder, FactCatalogue facts, Set<String> keys, String what) {
    Node.Mapping m = mapping(doc);
    if (m == null) {
      return null;
    }
    unknownKeys(m, keys, what);
    String id = required(m, "id");
    if (id != null && !id.equals(folder)) {
      problems.add(
          Diagnostic.error(
              m.get("id").location(),
              "the id '" + id + "' must match its folder '" + folder + "'"));
    }
    Citations cited = citations(m.get("citations"));
    if (cited.all().isEmpty()) {
      problems.add(
          Diagnostic.error(
              m.location(), what + " needs 'citations': the law its criteria implement"));
      cited.ids().add(null); // so the criteria citing them are not each reported as well
    }
    current.twin().own("title", text(m, "title"));
    current.twin().own("summary", text(m, "summary"));
    return new Header(m, id, cited, compiler(m, facts, cited, shared, what + ":" + folder));
  }

  private Category category(Node doc, String folder, FactCatalogue facts) {
    long before = errors();
    current = twin(folder + "/rule.yaml");
    Header h = header(doc, folder, facts, RULE_KEYS, "a rule file");
    if (h == null) {
      return null;
    }
    Node.Mapping m = h.map();
    String id = h.id();
    List<Citation> citations = h.cited().all();
    Set<String> citationIds = h.cited().ids();
    ConditionCompiler compiler = h.compiler();
    compilers.put("cat:" + id, compiler);
    Set<String> ids = new HashSet<>();
    List<RulePath> paths = new ArrayList<>();
    for (Node p : items(m.get("paths"))) {
      Node.Mapping pm = mapping(p);
      if (pm == null) {
        continue;
      }
      unknownKeys(pm, PATH_KEYS, "a path");
      String pid = required(pm, "id");
      unique(ids, pid, pm);
      current.twin().text("paths", pid, "title", text(pm, "title"));
      compiler.owner("path:" + id + "/" + pid);
      List<Criterion> criteria = new ArrayList<>();
      for (Node c : items(pm.get("criteria"))) {
        Criterion crit = criterion(c, compiler, citationIds, ids, true, "criteria");
        if (crit != null) {
          criteria.add(crit);
        }
      }
      if (criteria.isEmpty()) {
        problems.add(Diagnostic.error(pm.location(), "path '" + pid + "' has no criteria"));
      }
      paths.add(
          new RulePath(
              pid,
              text(pm, "title") == null ? pid : text(pm, "title"),
              criteria,
              false,
              date(pm.get("opens_on"), compiler)));
    }
    if (paths.isEmpty()) {
      problems.add(
          Diagnostic.error(m.location(), "a category needs at least one path under 'paths'"));
    }
    List<Encoding> coverage = new ArrayList<>();
    for (Node c : items(m.get("coverage"))) {
      RulePath gap = coverage(c, id, compiler, citationIds, ids, paths, coverage);
      if (gap != null) {
        paths.add(gap);
      }
    }
    compiler.owner("cat:" + id);
    List<Criterion> disqualifiers =
        criteria(m.get("disqualifiers"), compiler, citationIds, ids, true);
    compiler.owner("extra:" + id);
    List<Criterion> notes = criteria(m.get("notes"), compiler, citationIds, ids, false);
    List<Criterion> steps = steps(m.get("next_steps"), compiler, citationIds);
    current.twin().finish(whole(before, compiler));
    return new Category(
        id,
        required(m, "title"),
        text(m, "summary"),
        source.name(folder + "/rule.yaml"),
        citations,
        compiler.parameters(),
        paths,
        disqualifiers,
        notes,
        steps,
        coverage);
  }

  /**
   * A {@code coverage} entry: which periods of a governing date the paths encode for one branch of
   * the law. Adds its {@link Encoding} and returns the path made for it, which is unknown with an
   * attorney-review point when the branch applies and the date falls where no path encodes the law.
   */
  private RulePath coverage(
      Node node,
      String category,
      ConditionCompiler compiler,
      Set<String> citationIds,
      Set<String> ids,
      List<RulePath> paths,
      List<Encoding> out) {
    Node.Mapping m = mapping(node);
    if (m == null) {
      return null;
    }
    unknownKeys(m, COVERAGE_KEYS, "a coverage entry");
    String cid = required(m, "id");
    String what = required(m, "text");
    String dateText = text(m, "date_text") == null ? "date" : text(m, "date_text");
    if (cid == null || what == null || m.get("date") == null) {
      problems.add(
          Diagnostic.error(
              m.location(),
              "a coverage entry needs 'id', 'text', 'date' (the governing date) "
                  + "and 'encoded' (the periods the paths decide)"));
      return null;
    }
    unique(ids, cid, m);
    current.twin().text("coverage", cid, "text", what);
    current.twin().text("coverage", cid, "date_text", text(m, "date_text"));
    List<Encoding.Span> encoded = new ArrayList<>();
    for (Node e : items(m.get("encoded"))) {
      Node.Mapping em = mapping(e);
      if (em == null) {
        continue;
      }
      unknownKeys(em, Set.of("from", "to", "paths"), "an encoded period");
      LocalDate from = day(em, "from");
      LocalDate to = day(em, "to");
      List<String> pathIds = new ArrayList<>();
      for (Node pn : items(em.get("paths"))) {
        String pid = word(pn, "the id of a path");
        if (pid == null) {
          continue;
        }
        pathIds.add(pid);
        if (paths.stream().noneMatch(p -> pid.equals(p.id()))) {
          problems.add(Diagnostic.error(pn.location(), "no path '" + pid + "' in this category"));
        }
      }
      if (pathIds.isEmpty()) {
        problems.add(
            Diagnostic.error(em.location(), "an encoded period names the 'paths' that decide it"));
      }
      if (from != null && to != null && to.isBefore(from)) {
        problems.add(Diagnostic.error(em.location(), "'to' is before 'from'"));
      }
      encoded.add(new Encoding.Span(from, to, pathIds));
    }
    if (encoded.isEmpty()) {
      problems.add(
          Diagnostic.error(
              m.location(), "a coverage entry needs 'encoded': the periods its paths decide"));
      return null;
    }
    List<Encoding.Span> gaps = gaps(encoded);
    List<Cite> cites = cites(m, citationIds);
    if (cites.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), "coverage '" + cid + "' needs a 'citation'"));
    }
    out.add(new Encoding(cid, what, dateText, encoded, gaps, cites));
    compiler.owner("path:" + category + "/not-encoded-" + cid);
    Operand date = compiler.operand(m.get("date"), Operand.Type.DATE);
    Condition when = m.get("when") == null ? null : compiler.condition(m.get("when"));
    if (date == null || (m.get("when") != null && when == null)) {
      return null;
    }
    double[] starts = new double[gaps.size()];
    double[] ends = new double[gaps.size()];
    Missing[] points = new Missing[gaps.size()];
    String whatEs = translations.get(what, "es");
    String dateEs = translations.get(dateText, "es");
    for (int g = 0; g < gaps.size(); g++) {
      Encoding.Span span = gaps.get(g);
      starts[g] = span.from() == null ? Double.NEGATIVE_INFINITY : span.from().toEpochDay();
      ends[g] = span.to() == null ? Double.POSITIVE_INFINITY : span.to().toEpochDay();
      String note =
          "These rules do not encode "
              + what
              + " for a "
              + dateText
              + " "
              + span.describe()
              + ": an attorney must apply the law of that period.";
      points[g] = canon.of(Missing.review(cid, note));
      translations.need(note);
      if (!whatEs.equals(what)) {
        translations.add(
            note,
            "Estas reglas no codifican "
                + whatEs
                + " para una "
                + dateEs
                + " "
                + spanish(span)
                + ": un abogado debe aplicar la ley de ese período.");
      }
    }
    Condition uncovered = new Conditions.Uncovered(date, starts, ends, points);
    Condition test =
        when == null ? uncovered : new Conditions.All(new Condition[] {when, uncovered});
    String text =
        "The " + dateText + " falls in a period for which these rules do not encode " + what + ".";
    translations.need(text);
    if (!whatEs.equals(what)) {
      translations.add(
          text,
          "La "
              + dateEs
              + " cae en un período para el que estas reglas no codifican "
              + whatEs
              + ".");
    }
    Criterion c = new Criterion(cid, text, test, cites, null, false, true, m.location());
    String title = "Law not encoded by these rules: " + what;
    translations.need(title);
    if (!whatEs.equals(what)) {
      translations.add(title, "Ley que estas reglas no codifican: " + whatEs);
    }
    return new RulePath("not-encoded-" + cid, title, List.of(c), true, null);
  }

  /** The periods no span covers, from the beginning of time to its end. */
  static List<Encoding.Span> gaps(List<Encoding.Span> encoded) {
    List<Encoding.Span> sorted = new ArrayList<>(encoded);
    sorted.sort(
        (a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
    List<Encoding.Span> out = new ArrayList<>();
    LocalDate cursor = null;
    boolean open = true;
    for (Encoding.Span s : sorted) {
      if (s.from() != null
          && (open && cursor == null || cursor != null && s.from().isAfter(cursor))) {
        out.add(new Encoding.Span(cursor, s.from().minusDays(1), List.of()));
      }
      if (s.to() == null) {
        return out;
      }
      LocalDate next = s.to().plusDays(1);
      if (cursor == null || next.isAfter(cursor)) {
        cursor = next;
      }
      open = true;
    }
    out.add(new Encoding.Span(cursor, null, List.of()));
    return out;
  }

  private static String spanish(Encoding.Span span) {
    if (span.from() == null && span.to() == null) {
      return "en cualquier fecha";
    }
    if (span.from() == null) {
      return "anterior al " + span.to().plusDays(1);
    }
    return span.to() == null
        ? "desde el " + span.from()
        : "del " + span.from() + " al " + span.to();
  }

  private LocalDate day(Node.Mapping m, String key) {
    String t = text(m, key);
    if (t == null) {
      return null;
    }
    PartialDate d = PartialDate.parse(t);
    if (d == null || !d.isExact()) {
      problems.add(
          Diagnostic.error(m.get(key).location(), "'" + key + "' must be a date YYYY-MM-DD"));
      return null;
    }
    return d.first();
  }

  private Barrier barrier(Node doc, String folder, FactCatalogue facts, List<String> categoryIds) {
    long before = errors();
    current = twin("barriers/" + folder + "/rule.yaml");
    Header h = header(doc, folder, facts, BARRIER_KEYS, "a barrier file");
    if (h == null) {
      return null;
    }
    Node.Mapping m = h.map();
    String id = h.id();
    List<Citation> citations = h.cited().all();
    Set<String> citationIds = h.cited().ids();
    ConditionCompiler compiler = h.compiler();
    compilers.put("bar:" + id, compiler);
    compiler.owner("bar:" + id);
    Set<String> ids = new HashSet<>();
    List<Criterion> triggers = criteria(m.get("triggers"), compiler, citationIds, ids, true);
    if (triggers.isEmpty()) {
      problems.add(
          Diagnostic.error(
              m.location(), "a barrier needs 'triggers': the criteria that make it apply"));
    }
    List<Criterion> exceptions = criteria(m.get("exceptions"), compiler, citationIds, ids, true);
    DateExpression ends = date(m.get("ends"), compiler);
    List<String> affects = new ArrayList<>();
    for (Node n : items(m.get("affects"))) {
      String category = word(n, "the id of a category");
      if (category == null) {
        continue;
      }
      affects.add(category);
      if (!categoryIds.contains(category) && !manifestIncomplete) {
        problems.add(
            Diagnostic.error(
                n.location(), "'" + category + "' is not a category of this rule set"));
      }
    }
    compiler.owner("extra:" + id);
    List<Criterion> notes = criteria(m.get("notes"), compiler, citationIds, ids, false);
    List<Criterion> steps = steps(m.get("next_steps"), compiler, citationIds);
    current.twin().finish(whole(before, compiler));
    return new Barrier(
        id,
        required(m, "title"),
        text(m, "summary"),
        source.name("barriers/" + folder + "/rule.yaml"),
        citations,
        triggers,
        ends,
        exceptions,
        notes,
        steps,
        affects);
  }

  private ConditionCompiler compiler(
      Node.Mapping m,
      FactCatalogue facts,
      Citations cited,
      ConditionCompiler sharedCompiler,
      String file) {
    long before = errors();
    Map<String, Parameter> parameters = parameters(m.get("parameters"), cited.ids());
    Map<String, Node> definitions = new LinkedHashMap<>();
    for (Node d : items(m.get("definitions"))) {
      Node.Mapping dm = mapping(d);
      if (dm == null) {
        continue;
      }
      unknownKeys(dm, DEFINITION_KEYS, "a definition");
      String did = required(dm, "id");
      if (did != null) {
        if ((dm.get("when") == null) == (dm.get("value") == null)) {
          problems.add(
              Diagnostic.error(
                  dm.location(),
                  "definition '" + did + "' needs exactly one of 'when' (a condition) or 'value'"));
        }
        if (definitions.containsKey(did)) {
          problems.add(
              Diagnostic.error(
                  dm.get("id").location(), "the definition '" + did + "' is defined twice"));
        }
        cites(dm, cited.ids());
        definitions.put(did, dm);
      }
    }
    ConditionCompiler compiler =
        new ConditionCompiler(
            facts,
            parameters,
            definitions,
            problems,
            current,
            sharedCompiler,
            LITERALS_ARE_ERRORS,
            canon,
            file);
    if (errors() > before || cited.parametersAmong()) {
      compiler.incomplete(); // a parameter or definition may be missing from what was declared
    }
    compiler.compileDefinitions();
    return compiler;
  }

  private List<Criterion> criteria(
      Node list,
      ConditionCompiler compiler,
      Set<String> citationIds,
      Set<String> ids,
      boolean strict) {
    List<Criterion> out = new ArrayList<>();
    for (Node c : items(list)) {
      Criterion crit = criterion(c, compiler, citationIds, ids, strict, "criteria");
      if (crit != null) {
        out.add(crit);
      }
    }
    return out;
  }

  /**
   * Next steps: each with an id (unique among the steps), a text, a citation and an optional
   * condition.
   */
  private List<Criterion> steps(Node list, ConditionCompiler compiler, Set<String> citationIds) {
    List<Criterion> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node c : items(list)) {
      Criterion crit = criterion(c, compiler, citationIds, ids, false, "next_steps");
      if (crit != null) {
        out.add(crit);
      }
    }
    return out;
  }

  private Criterion criterion(
      Node node,
      ConditionCompiler compiler,
      Set<String> citationIds,
      Set<String> ids,
      boolean strict,
      String section) {
    Node.Mapping m = mapping(node);
    if (m == null) {
      return null;
    }
    unknownKeys(m, CRITERION_KEYS, "a criterion");
    String id = required(m, "id");
    unique(ids, id, m);
    String text = required(m, "text");
    current.twin().text(section, id, "text", text);
    current.twin().text(section, id, "question", text(m, "question"));
    Condition when = null;
    if (m.get("when") != null) {
      when = compiler.condition(m.get("when"));
    } else if (strict) {
      problems.add(
          Diagnostic.error(m.location(), "criterion '" + id + "' needs a 'when' condition"));
    }
    List<Cite> cites = cites(m, citationIds);
    if (strict && cites.isEmpty()) {
      problems.add(
          Diagnostic.error(
              m.location(), "criterion '" + id + "' needs a 'citation': the law it implements"));
    }
    String question = text(m, "question");
    if (strict && when != null && question == null) {
      problems.add(
          Diagnostic.warning(
              m.location(),
              "criterion '" + id + "' has no 'question' to ask when its facts are unknown"));
    }
    boolean lead = flag(m, "lead");
    boolean unverified = flag(m, "unverified");
    boolean defers = flag(m, "defers") || unverified;
    if (defers && when != null && when.canBeFalse()) {
      problems.add(
          Diagnostic.error(
              m.location(),
              "criterion '"
                  + id
                  + "' is marked "
                  + (unverified ? "unverified" : "defers")
                  + ": it may be met or unknown, never not met; write what is verified and an attorney review beside it, "
                  + "as any: [<the verified test>, {review: ..., id: ...}]"));
    }
    Criterion c = new Criterion(id, text, when, cites, question, lead, defers, m.location());
    c.opensOn(date(m.get("opens_on"), compiler));
    return c;
  }

  /** A date value ({@code ends}, {@code opens_on}), or null when there is none. */
  private DateExpression date(Node node, ConditionCompiler compiler) {
    if (node == null) {
      return null;
    }
    Operand op = compiler.operand(node, Operand.Type.DATE);
    return op == null ? null : new DateExpression(op);
  }

  private static boolean flag(Node.Mapping m, String key) {
    return m.get(key) instanceof Node.Scalar s && "true".equals(s.text());
  }

  /**
   * A mapping's citations: an id, a {@code {id, at}} pinpoint, or a list of them; each among the
   * file's.
   */
  private List<Cite> cites(Node.Mapping m, Set<String> citationIds) {
    List<Cite> out = new ArrayList<>();
    Node c = m.get("citation");
    List<Node> each = c instanceof Node.Seq seq ? seq.items() : c == null ? List.of() : List.of(c);
    for (Node n : each) {
      Cite cite = cite(n);
      if (cite == null) {
        continue;
      }
      if (!citationIds.contains(cite.id()) && !citationIds.contains(null)) {
        problems.add(
            Diagnostic.error(
                n.location(), "citation '" + cite.id() + "' is not among the file's citations"));
      }
      out.add(cite);
    }
    return out;
  }

  private Cite cite(Node n) {
    if (n instanceof Node.Scalar s && !s.isNull()) {
      return new Cite(s.text(), null);
    }
    if (n instanceof Node.Mapping cm) {
      unknownKeys(cm, Set.of("id", "at"), "a citation reference");
      String id = text(cm, "id");
      if (id == null) {
        problems.add(
            Diagnostic.error(
                cm.location(),
                "a citation reference needs the citation's 'id' (and may give "
                    + "'at', the pinpoint: at: \"(G)\")"));
        return null;
      }
      return new Cite(id, text(cm, "at"));
    }
    if (n instanceof Node.Scalar) {
      return null;
    }
    problems.add(Diagnostic.error(n.location(), "expected a citation id, or {id: ..., at: ...}"));
    return null;
  }

  /**
   * A file's citations as read, and their ids. When an entry could not be read, the ids also hold
   * null: a citation named elsewhere and not found may be that entry's, so it is not reported as
   * well. {@code parametersAmong}: the list held the file's parameters (the line 'parameters:'
   * deleted), so those are incomplete (see {@link ConditionCompiler#incomplete}).
   */
  private record Citations(List<Citation> all, Set<String> ids, boolean parametersAmong) {}

  private Citations citations(Node list) {
    List<Citation> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Strays parameters =
        new Strays("citations", "parameter", "parameters", "'type' or 'values', and no 'title'");
    for (Node n : items(list)) {
      Node.Mapping m = mapping(n);
      if (m == null) {
        ids.add(null);
        continue;
      }
      if (parameters.take(
          m, m.get("title") == null && (m.get("type") != null || m.get("values") != null))) {
        continue;
      }
      unknownKeys(m, Set.of("id", "title", "url", "date"), "a citation");
      String id = required(m, "id");
      if (id == null) {
        ids.add(null); // an entry without its id: see Citations
      }
      unique(ids, id, m);
      out.add(new Citation(id, required(m, "title"), text(m, "url"), text(m, "date")));
    }
    parameters.report();
    return new Citations(out, ids, parameters.count > 0);
  }

  /**
   * The entries of one list that belong to the next one down ({@code kind}s of {@code section}),
   * because that list's own line is missing and they joined this one: counted as they are met, and
   * said once, at the first, instead of as every problem each has as an entry of this list.
   */
  private final class Strays {
    private final String list;
    private final String kind;
    private final String section;
    private final String sign;
    private int count;
    private Location first;

    Strays(String list, String kind, String section, String sign) {
      this.list = list;
      this.kind = kind;
      this.section = section;
      this.sign = sign;
    }

    /** Counts the entry when {@code stray}; says whether it did. */
    boolean take(Node.Mapping m, boolean stray) {
      if (stray && count++ == 0) {
        first = m.location();
      }
      return stray;
    }

    void report() {
      if (count == 0) {
        return;
      }
      problems.add(
          Diagnostic.error(
              first,
              count == 1
                  ? "this entry under '"
                      + list
                      + "' is a "
                      + kind
                      + " (it has "
                      + sign
                      + "): move it under '"
                      + section
                      + ":'"
                  : count
                      + " entries under '"
                      + list
                      + "', from here on, are "
                      + section
                      + " (they have "
                      + sign
                      + "): is the line '"
                      + section
                      + ":' missing above this one?"));
    }
  }

  private Map<String, Parameter> parameters(Node list, Set<String> citationIds) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Strays definitions =
        new Strays("parameters", "definition", "definitions", "'when' or 'value', and no 'type'");
    for (Node n : items(list)) {
      Node.Mapping m = mapping(n);
      if (m == null) {
        continue;
      }
      if (definitions.take(
          m,
          m.get("type") == null
              && (m.get("when") != null || m.get("value") != null || m.get("over") != null))) {
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
        if (typeWord != null) { // a missing type is reported already
          problems.add(
              Diagnostic.error(
                  m.location(), "parameter type must be date, number, boolean, word or periods"));
        }
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
            problems.add(
                Diagnostic.error(vm.get("from").location(), "'from' must be a date YYYY-MM-DD"));
            continue;
          }
          from = d.first().toEpochDay();
        }
        if (from <= last && !values.isEmpty()) {
          problems.add(Diagnostic.error(vm.location(), "parameter values must be in date order"));
        }
        last = from;
        List<Cite> cites = cites(vm, citationIds);
        if (cites.size() != 1) {
          problems.add(
              Diagnostic.error(
                  vm.location(),
                  "each parameter value needs one 'citation' from the file's "
                      + "citations (an id, or {id: ..., at: ...})"));
        }
        Object value = paramValue(vm.get("value"), type);
        if (value != null) {
          values.add(new Parameter.Value(from, value, cites.isEmpty() ? null : cites.get(0)));
        }
      }
      if (values.isEmpty()) {
        problems.add(Diagnostic.error(m.location(), "parameter '" + id + "' needs 'values'"));
      }
      if (text(m, "text") == null) {
        problems.add(
            Diagnostic.error(
                m.location(), "parameter '" + id + "' needs a 'text' saying what the value is"));
      }
      if (out.containsKey(id)) {
        problems.add(
            Diagnostic.error(m.location(), "the parameter '" + id + "' is declared twice"));
      }
      out.put(
          id, new Parameter(id, text(m, "text"), type, values, flag(m, "screening"), m.location()));
    }
    definitions.report();
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
        String text = word(node, "true or false");
        if (text != null && !text.equals("true") && !text.equals("false")) {
          problems.add(
              Diagnostic.error(node.location(), "expected true or false, found '" + text + "'"));
          return null;
        }
        return text == null ? null : Boolean.valueOf(text);
      }
      case WORD -> {
        return word(node, "a word");
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
            problems.add(
                Diagnostic.error(
                    pm.location(), "a period needs 'start' (and may have 'end') as YYYY-MM-DD"));
            continue;
          }
          periods.add(
              new Parameter.Period(
                  start.first().toEpochDay(),
                  end == null ? Double.POSITIVE_INFINITY : end.last().toEpochDay(),
                  text(pm, "name")));
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

  /**
   * The categories or barriers ({@code kind}) listed in ruleset.yaml, each loaded by {@code load}
   * from {@code folder<id>/rule.yaml}; their ids go into {@code ids}. An entry that is not a word,
   * or names a missing file, leaves the manifest incomplete; a file with errors is flawed (see
   * {@link #lost}).
   */
  private <T> List<T> listed(
      List<Node> entries,
      String kind,
      String folder,
      List<String> ids,
      BiFunction<Node, String, T> load) {
    List<T> out = new ArrayList<>();
    for (Node item : entries) {
      String id = listedId(item, kind);
      if (id == null) {
        manifestIncomplete = true;
        continue;
      }
      ids.add(id);
      String rel = folder + id + "/rule.yaml";
      long fine = errors();
      Node doc = parse(rel);
      if (doc == null && !texts.containsKey(source.name(rel))) {
        problems.add(
            Diagnostic.error(
                item.location(),
                kind + " '" + id + "' is listed but " + source.name(rel) + " is missing"));
        manifestIncomplete = true; // perhaps a misspelt id: the one named elsewhere
        continue;
      }
      T loaded = doc == null ? null : load.apply(doc, id);
      if (loaded != null) {
        out.add(loaded);
      }
      if (errors() > fine) {
        flawed.add(kind + ":" + id);
      }
    }
    return out;
  }

  /**
   * The id of a category or barrier listed in ruleset.yaml (a word naming its folder), or null
   * after reporting what is there instead.
   */
  private String listedId(Node item, String what) {
    return word(item, "the id of a " + what + " (the name of its folder)");
  }

  /** The text of a scalar, or null after reporting what is there instead of {@code expected}. */
  private String word(Node node, String expected) {
    if (node instanceof Node.Scalar s && !s.isNull()) {
      return s.text();
    }
    problems.add(
        Diagnostic.error(node.location(), "expected " + expected + ", found " + node.describe()));
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
        problems.add(
            Diagnostic.error(
                m.keyLocation(key),
                "unknown key '"
                    + key
                    + "' in "
                    + what
                    + "; expected "
                    + String.join(", ", allowed.stream().sorted().toList())));
      }
    }
  }

  private void unique(Set<String> seen, String id, Node.Mapping m) {
    if (id != null && !seen.add(id)) {
      problems.add(
          Diagnostic.error(
              m.get("id").location(), "the id '" + id + "' is used twice in this file"));
    }
  }

  private String required(Node.Mapping m, String key) {
    String v = text(m, key);
    if (v == null) {
      problems.add(Diagnostic.error(m.location(), "'" + key + "' is required here"));
    }
    return v;
  }

  private static String text(Node.Mapping m, String key) {
    return m.get(key) instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }
}
