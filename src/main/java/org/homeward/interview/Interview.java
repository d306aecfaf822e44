package org.homeward.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactPath;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;
import org.homeward.sheet.Cells;

/**
 * One interview: the person's facts so far (a JSON object, as the person file holds them), the
 * facts the user chose not to answer, and the answers given, in order, so that one can be taken
 * back. Each question is the fact whose answer could settle the most open results: the facts the
 * open categories and possible barriers are missing, counted over the results that miss them.
 */
public final class Interview {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The most items an answer to "how many?" may make; more is a typing mistake in an interview. */
  public static final int MAX_COUNT = 20;

  private final RuleSet rules;
  private final Screener screener;
  private final PersonBuilder builder;
  private final LocalDate asOf;
  private final ObjectNode facts;
  private final Set<String> skipped = new HashSet<>();
  private final Deque<Step> history = new ArrayDeque<>();
  private Screening screening;

  /**
   * A question: the fact's concrete path, its catalogue entry, what to ask, and how many results
   * wait on it.
   */
  public record Question(
      String at,
      FactDef fact,
      MissingFact missing,
      boolean count,
      int weight,
      List<String> waiting) {}

  /**
   * One answer or skip, with what the fact held before (when it changed) and whether the question
   * was set aside, so that it can be taken back.
   */
  private record Step(String at, JsonNode before, boolean changed, boolean setAside) {}

  /** Starts from {@code facts} (an empty object, or a partial person file). */
  public Interview(RuleSet rules, ObjectNode facts, LocalDate asOf) {
    this.rules = rules;
    this.screener = new Screener(rules);
    this.builder = new PersonBuilder(rules.facts());
    this.asOf = asOf;
    this.facts = facts;
    rescreen();
  }

  /** Reads a partial person file's object, checking it as {@code homeward screen} would. */
  public static ObjectNode read(String json, String source, RuleSet rules) {
    Node node = NodeReader.readJson(new StringReader(json), source);
    PersonBuilder.Result r = new PersonBuilder(rules.facts()).build(node, source);
    if (!r.ok()) {
      throw new ProblemException(ProblemException.Kind.INPUT, r.problems());
    }
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public ObjectNode facts() {
    return facts;
  }

  public Screening screening() {
    return screening;
  }

  /** How many answers (and skips) there are to take back. */
  public int answered() {
    return history.size();
  }

  private void rescreen() {
    Node node = NodeReader.readJson(new StringReader(facts.toString()), "interview");
    PersonBuilder.Result r = builder.build(node, "interview");
    if (!r.ok()) {
      throw new IllegalStateException("the interview built an invalid person: " + r.problems());
    }
    Person person = r.person();
    screening = screener.screen(person, Screener.asOf(person, asOf, asOf), false);
  }

  /** The next question, or null when no answer can change any result any more. */
  public Question next() {
    return choose(screening, rules, skipped);
  }

  /**
   * The most decisive open question of a screening: among the facts the open categories (and the
   * possible barriers) are missing, the one the most of them wait on; ties go to the one met first,
   * in report order. Attorney-review points and facts already skipped are not asked.
   */
  public static Question choose(Screening s, RuleSet rules, Set<String> skipped) {
    Map<String, MissingFact> first = new LinkedHashMap<>();
    Map<String, List<String>> waiting = new LinkedHashMap<>();
    openResults(
        s,
        (result, m) -> {
          if (!m.at().contains("[]") && !skipped.contains(m.at())) {
            first.putIfAbsent(m.at(), m);
            List<String> w = waiting.computeIfAbsent(m.at(), k -> new ArrayList<>());
            if (!w.contains(result)) {
              w.add(result);
            }
          }
        });
    Question best = null;
    for (Map.Entry<String, MissingFact> e : first.entrySet()) {
      FactDef def = rules.facts().get(e.getValue().path());
      if (def == null) {
        continue;
      }
      int weight = waiting.get(e.getKey()).size();
      if (best == null || weight > best.weight()) {
        best =
            new Question(
                e.getKey(),
                def,
                e.getValue(),
                def.isListOfRecords(),
                weight,
                waiting.get(e.getKey()));
      }
    }
    return best;
  }

  /**
   * Hands every fact an open result is missing (attorney-review points aside) to {@code each}, with
   * the result's id: the categories that need information, then the possible barriers.
   */
  private static void openResults(Screening s, BiConsumer<String, MissingFact> each) {
    for (CategoryResult c : s.categories()) {
      if (c.outcome() == Outcome.NEEDS_INFO) {
        c.missing().stream()
            .filter(m -> m.kind() != Missing.Kind.REVIEW)
            .forEach(m -> each.accept(c.id(), m));
      }
    }
    for (BarrierResult b : s.barriers()) {
      if (b.status() == BarrierStatus.POSSIBLE) {
        b.missing().stream()
            .filter(m -> m.kind() != Missing.Kind.REVIEW)
            .forEach(m -> each.accept(b.id(), m));
      }
    }
  }

  /**
   * Answers a question: the text is read as a spreadsheet cell is (dates in any accepted form,
   * yes/no in English or Spanish, a choice by its number or its word; for a list, how many there
   * are). Returns null when the answer is taken, or the key of the words that say what is expected
   * ({@code answer.date}, {@code answer.choice}...), and nothing changes. A blank answer or "don't
   * know" skips the question, keeping the fact unknown.
   */
  public String answer(Question q, String text) {
    if (Cells.isUnknown(text)) {
      skip(q);
      return null;
    }
    JsonNode value = value(q, text.strip());
    if (value == null) {
      return expected(q);
    }
    JsonNode before = get(q.at());
    set(q.at(), value);
    try {
      rescreen();
    } catch (IllegalStateException | ProblemException e) {
      set(q.at(), before);
      rescreen();
      return expected(q);
    }
    // An answer that leaves the fact still open (a year given again where the day is wanted) is all
    // the person knows: the question is not asked again.
    boolean stillOpen = stillMissing(q.at());
    if (stillOpen) {
      skipped.add(q.at());
    }
    history.push(new Step(q.at(), before, true, stillOpen));
    return null;
  }

  private boolean stillMissing(String at) {
    boolean[] found = {false};
    openResults(screening, (result, m) -> found[0] |= m.at().equals(at));
    return found[0];
  }

  /** The key of the words saying what kind of answer a question takes. */
  public static String expected(Question q) {
    if (q.count()) {
      return "answer.count";
    }
    if (!q.fact().values().isEmpty()) {
      return q.fact().isScalarList() ? "answer.list" : "answer.choice";
    }
    return "answer." + q.fact().scalarType().word();
  }

  /** Leaves a question unanswered: its fact stays unknown and it is not asked again. */
  public void skip(Question q) {
    skipped.add(q.at());
    history.push(new Step(q.at(), null, false, true));
  }

  /** Takes back the last answer or skip; false when there is none. */
  public boolean back() {
    Step last = history.poll();
    if (last == null) {
      return false;
    }
    if (last.setAside()) {
      skipped.remove(last.at());
    }
    if (last.changed()) {
      set(last.at(), last.before());
      rescreen();
    }
    return true;
  }

  /** The answer as the person file holds it, or null when it is not an answer to the question. */
  private static JsonNode value(Question q, String text) {
    FactDef def = q.fact();
    try {
      if (q.count()) {
        int n = Cells.listCount(text);
        if (n < 0 || n > MAX_COUNT) {
          return null;
        }
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < n; i++) {
          items.addObject();
        }
        return items;
      }
      String typed = text;
      List<String> choices = choices(def);
      if (!choices.isEmpty() && def.isScalarList() && text.matches("\\d{1,2}([\\s,;]+\\d{1,2})*")) {
        List<String> picked = new ArrayList<>();
        for (String k : text.split("[\\s,;]+")) {
          int i = Integer.parseInt(k);
          if (i < 1 || i > choices.size()) {
            return null;
          }
          picked.add(choices.get(i - 1));
        }
        typed = String.join("; ", picked);
      } else if (!choices.isEmpty() && text.matches("\\d{1,2}")) {
        int k = Integer.parseInt(text);
        if (k < 1 || k > choices.size()) {
          return null;
        }
        typed = choices.get(k - 1);
      }
      Node node = Cells.value(typed, def, Location.of("answer"));
      if (node == null
          || (node instanceof Node.Scalar s
              && s.kind() == Node.Scalar.Kind.STRING
              && !def.values().isEmpty()
              && !def.values().contains(s.text()))) {
        return null;
      }
      return json(node);
    } catch (Cells.Problem e) {
      return null;
    }
  }

  /**
   * The choices a question offers, numbered from 1, in catalogue order (never "unknown": skip
   * instead).
   */
  public static List<String> choices(FactDef def) {
    List<String> out = new ArrayList<>();
    for (String v : def.sortedValues()) {
      if (!v.equals("unknown")) {
        out.add(v);
      }
    }
    return out;
  }

  private static JsonNode json(Node node) {
    if (node instanceof Node.Seq seq) {
      ArrayNode a = JSON.arrayNode();
      seq.items().forEach(i -> a.add(json(i)));
      return a;
    }
    Node.Scalar s = (Node.Scalar) node;
    return switch (s.kind()) {
      case NUMBER -> JSON.numberNode(new BigDecimal(s.text()));
      case BOOLEAN -> JSON.booleanNode(Boolean.parseBoolean(s.text()));
      case NULL -> JSON.nullNode();
      case STRING -> JSON.textNode(s.text());
    };
  }

  /** The value at a concrete path ({@code entries[0].date}), or null. */
  private JsonNode get(String at) {
    JsonNode here = facts;
    for (FactPath.Step step : FactPath.parse(at).steps()) {
      here = here == null ? null : here.get(step.field());
      if (step.index() >= 0 && here != null) {
        here = here.get(step.index());
      }
    }
    return here == null || here.isMissingNode() ? null : here.deepCopy();
  }

  /** Sets (or, with null, removes) the value at a concrete path, making the records on the way. */
  private void set(String at, JsonNode value) {
    List<FactPath.Step> steps = FactPath.parse(at).steps();
    ObjectNode here = facts;
    for (int i = 0; i < steps.size() - 1; i++) {
      FactPath.Step step = steps.get(i);
      if (step.index() < 0) {
        JsonNode next = here.get(step.field());
        here = next instanceof ObjectNode o ? o : here.putObject(step.field());
      } else {
        ArrayNode list = (ArrayNode) here.get(step.field());
        here = (ObjectNode) list.get(step.index());
      }
    }
    String last = steps.get(steps.size() - 1).field();
    if (value == null) {
      here.remove(last);
    } else {
      here.set(last, value);
    }
  }

  /** The person file as it stands, pretty-printed. */
  public String json() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(facts) + "\n";
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
