package org.homeward.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.document.Diagnostic;
import org.homeward.document.Node;
import org.homeward.document.ProblemException;
import org.homeward.document.SpanishTwin;
import org.homeward.document.Translations;

/** The catalogue of facts, loaded once from {@code facts.yaml}; immutable and thread-safe. */
public final class FactCatalogue {
  private static final Set<String> KEYS =
      Set.of(
          "path",
          "type",
          "items",
          "values",
          "meaning",
          "question",
          "aliases",
          "used_by",
          "implied");

  private final Map<String, FactDef> byPath;
  private final Shape root;
  private final String version;
  private final Translations translations;

  private FactCatalogue(
      Map<String, FactDef> byPath, Shape root, String version, Translations translations) {
    this.byPath = byPath;
    this.root = root;
    this.version = version;
    this.translations = translations;
  }

  /** The Spanish twins of the facts' meanings and questions (from {@code facts.es.yaml}). */
  public Translations translations() {
    return translations;
  }

  /** The person's own fields. */
  public Shape root() {
    return root;
  }

  public String version() {
    return version;
  }

  /** Every fact, in catalogue order. */
  public Collection<FactDef> all() {
    return byPath.values();
  }

  /** The fact at a catalogue path such as {@code convictions[].level}, or null. */
  public FactDef get(String path) {
    return byPath.get(path);
  }

  /** The catalogue path nearest to a misspelt one, or null when nothing is close. */
  public String suggest(String path) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : byPath.keySet()) {
      int d = distance(path, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, path.length() / 4) ? best : null;
  }

  /**
   * The catalogue path for a concrete path: {@code convictions[2].level} becomes {@code
   * convictions[].level}.
   */
  public static String generic(String concretePath) {
    return FactPath.parse(concretePath).catalogue();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Builds the catalogue from the parsed {@code facts.yaml} alone (no Spanish twins). */
  public static FactCatalogue load(Node doc) {
    return load(doc, null);
  }

  /**
   * Builds the catalogue from the parsed {@code facts.yaml} and its Spanish twin {@code
   * facts.es.yaml} (null when there is none); every problem is reported together.
   */
  public static FactCatalogue load(Node doc, Node twinDoc) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, FactDef> byPath = new LinkedHashMap<>();
    Map<String, Shape> shapes = new LinkedHashMap<>();
    Shape root = new Shape("");
    shapes.put("", root);
    String version = "0";
    if (!(doc instanceof Node.Mapping top) || !(top.get("facts") instanceof Node.Seq facts)) {
      throw new ProblemException(
          ProblemException.Kind.RULES,
          Diagnostic.error(doc.location(), "expected a map with a 'facts' list"));
    }
    if (top.get("version") instanceof Node.Scalar v) {
      version = v.text();
    }
    Translations translations = new Translations();
    SpanishTwin twin = new SpanishTwin(twinDoc, translations, problems);
    Set<String> rejected = new HashSet<>();
    for (Node item : facts.items()) {
      FactDef def = parseFact(item, shapes, problems, rejected);
      if (def != null) {
        twin.text("facts", def.path(), "meaning", def.meaning());
        twin.text("facts", def.path(), "question", def.question());
      }
      if (def == null) {
        continue;
      }
      if (byPath.containsKey(def.path())) {
        problems.add(
            Diagnostic.error(item.location(), "fact '" + def.path() + "' is defined twice"));
        continue;
      }
      byPath.put(def.path(), def);
      if (def.shape() != null) {
        shapes.put(def.shape().path(), def.shape());
      }
    }
    // With errors here, a translation of a fact that could not be read is not an orphan.
    twin.finish(problems.stream().noneMatch(Diagnostic::isError));
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      throw new ProblemException(ProblemException.Kind.RULES, problems);
    }
    return new FactCatalogue(byPath, root, version, translations);
  }

  /**
   * One fact of the catalogue, or null after reporting why not. {@code rejected} holds the paths of
   * the facts that could not be read: a fact inside one of them is dropped without a report of its
   * own, as its parent's problem is reported already.
   */
  private static FactDef parseFact(
      Node item, Map<String, Shape> shapes, List<Diagnostic> problems, Set<String> rejected) {
    if (!(item instanceof Node.Mapping m)) {
      problems.add(Diagnostic.error(item.location(), "each fact must be a map with path and type"));
      return null;
    }
    for (String key : m.entries().keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(Diagnostic.error(m.keyLocation(key), "unknown key '" + key + "' in a fact"));
      }
    }
    String path = text(m, "path");
    String typeWord = text(m, "type");
    FactType type = typeWord == null ? null : FactType.parse(typeWord);
    if (path == null || type == null) {
      problems.add(
          Diagnostic.error(
              m.location(), "a fact needs a 'path' and a known 'type' (found " + typeWord + ")"));
      if (path != null) {
        rejected.add(path);
      }
      return null;
    }
    String parentShapePath;
    String name;
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      parentShapePath = "";
      name = path;
    } else {
      parentShapePath = path.substring(0, dot);
      name = path.substring(dot + 1);
    }
    Shape parent = shapes.get(parentShapePath);
    // the parent's path: a list's items are under its path with [] (convictions[].level)
    if (parent == null && rejected.contains(parentShapePath.replaceFirst("\\[]$", ""))) {
      rejected.add(path);
      return null;
    }
    if (parent == null) {
      problems.add(
          Diagnostic.error(
              m.keyLocation("path"),
              "the parent of '"
                  + path
                  + "' ('"
                  + parentShapePath
                  + "') must be defined before it"));
      return null;
    }
    FactType itemType = null;
    if (m.get("items") != null) {
      itemType = FactType.parse(text(m, "items"));
      if (type != FactType.LIST
          || itemType == null
          || itemType == FactType.LIST
          || itemType == FactType.RECORD) {
        problems.add(
            Diagnostic.error(
                m.keyLocation("items"), "'items' must be a scalar type of a list fact"));
        return null;
      }
    }
    Set<String> values = new HashSet<>(words(m, "values", problems));
    FactType scalar = type == FactType.LIST && itemType != null ? itemType : type;
    if (scalar == FactType.ENUM && values.isEmpty()) {
      problems.add(Diagnostic.error(m.location(), "enum fact '" + path + "' needs 'values'"));
    }
    Shape shape = null;
    if (type == FactType.RECORD) {
      shape = new Shape(path);
    } else if (type == FactType.LIST && itemType == null) {
      shape = new Shape(path + "[]");
    }
    FactDef def =
        new FactDef(
            path,
            name,
            type,
            itemType,
            values,
            text(m, "meaning"),
            text(m, "question"),
            words(m, "aliases", problems),
            words(m, "used_by", problems),
            shape,
            implied(m, parent, path, values, problems));
    parent.add(def);
    return def;
  }

  /**
   * {@code implied: {value: granted, when: date}}: a value of this enum fact, a sibling field
   * already defined.
   */
  private static FactDef.Implied implied(
      Node.Mapping m, Shape parent, String path, Set<String> values, List<Diagnostic> problems) {
    if (!(m.get("implied") instanceof Node.Mapping im)) {
      return null;
    }
    String value = text(im, "value");
    String when = text(im, "when");
    if (value == null || !values.contains(value) || when == null || parent.indexOf(when) < 0) {
      problems.add(
          Diagnostic.error(
              im.location(),
              "'implied' of '"
                  + path
                  + "' needs 'value' (one of its values) and "
                  + "'when' (a field of the same record, defined before it)"));
      return null;
    }
    return new FactDef.Implied(value, when);
  }

  private static String text(Node.Mapping m, String key) {
    return m.get(key) instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }

  /** A list of words under {@code key} (none when absent); anything else is a located error. */
  private static List<String> words(Node.Mapping m, String key, List<Diagnostic> problems) {
    Node node = m.get(key);
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      return List.of();
    }
    if (!(node instanceof Node.Seq seq)) {
      problems.add(
          Diagnostic.error(
              node.location(), "'" + key + "' needs a list of words, found " + node.describe()));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node n : seq.items()) {
      if (n instanceof Node.Scalar w && !w.isNull()) {
        out.add(w.text());
      } else {
        problems.add(
            Diagnostic.error(n.location(), "'" + key + "' holds words, found " + n.describe()));
      }
    }
    return out;
  }
}
