package org.homeward.sheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.facts.FactCatalogue;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.homeward.facts.Shape;

/**
 * The spreadsheet form of the fact catalogue, used by the reader, the template and the data
 * dictionary alike. One row per person; a top-level fact is a column named by its path ({@code
 * birth_date}); a list of records is a group of numbered columns per item ({@code
 * convictions.1.statute}, {@code convictions.2.statute}) plus a column named by the list ({@code
 * convictions}) where {@code none} says "known: none"; a field of a record is reached with a dot
 * ({@code removals.1.pfr.filed_date}). Headers match whatever their case, spacing or accents, and
 * the catalogue's aliases ({@code dob}, {@code fecha_de_nacimiento}) name their facts.
 */
public final class Columns {
  private final FactCatalogue facts;
  private final Map<String, String> aliases = new HashMap<>();

  public Columns(FactCatalogue facts) {
    this.facts = facts;
    for (FactDef def : facts.root().fields()) {
      for (String alias : def.aliases()) {
        aliases.put(normalise(alias), def.name());
      }
    }
  }

  public FactCatalogue facts() {
    return facts;
  }

  /**
   * A header as the reader compares it: lower case, without accents, {@code [2]} as {@code .2}, and
   * spaces, hyphens and slashes as underscores ({@code "Fecha de Nacimiento"} becomes {@code
   * fecha_de_nacimiento}).
   */
  public static String normalise(String header) {
    String s = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("\\[(\\d+)]", ".$1");
    s = s.replaceAll("[\\s/-]+", "_").replaceAll("[^a-z0-9._]", "");
    s = s.replaceAll("_*\\._*", ".").replaceAll("_+", "_");
    return s.replaceAll("^[_.]+|[_.]+$", "");
  }

  /** The column a header names, or null when it names no fact. */
  public Column resolve(String header) {
    String norm = normalise(header);
    if (norm.isEmpty()) {
      return null;
    }
    String alias = aliases.get(norm);
    if (alias != null) {
      norm = alias;
    }
    String[] parts = norm.split("\\.");
    Shape shape = facts.root();
    List<Column.Step> steps = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      int index = shape.indexOf(parts[i]);
      if (index < 0) {
        return null;
      }
      FactDef def = shape.field(index);
      boolean last = i == parts.length - 1;
      if (def.isListOfRecords()) {
        if (last) {
          steps.add(new Column.Step(def.name(), 0));
          return column(steps, def, Column.Kind.NONE);
        }
        int item = itemNumber(parts[i + 1]);
        if (item < 1 || i + 2 >= parts.length) {
          return null;
        }
        steps.add(new Column.Step(def.name(), item));
        shape = def.shape();
        i += 2;
      } else if (def.type() == FactType.RECORD) {
        if (last) {
          return null;
        }
        steps.add(new Column.Step(def.name(), 0));
        shape = def.shape();
        i++;
      } else {
        if (!last) {
          return null;
        }
        steps.add(new Column.Step(def.name(), 0));
        return column(steps, def, Column.Kind.VALUE);
      }
    }
    return null;
  }

  private static int itemNumber(String part) {
    if (!part.matches("\\d{1,4}")) {
      return -1;
    }
    return Integer.parseInt(part);
  }

  private static Column column(List<Column.Step> steps, FactDef def, Column.Kind kind) {
    StringBuilder name = new StringBuilder();
    for (Column.Step s : steps) {
      if (!name.isEmpty()) {
        name.append('.');
      }
      name.append(s.field());
      if (s.isItem()) {
        name.append('.').append(s.item());
      }
    }
    return new Column(name.toString(), steps, def, kind);
  }

  /**
   * The canonical columns in catalogue order, as the template lays them out: {@code items} numbered
   * groups for each list of the person, one for a list inside a list's item.
   */
  public List<Column> canonical(int items) {
    List<Column> out = new ArrayList<>();
    addShape(facts.root(), new ArrayList<>(), items, out);
    return out;
  }

  private void addShape(Shape shape, List<Column.Step> prefix, int items, List<Column> out) {
    for (FactDef def : shape.fields()) {
      List<Column.Step> steps = new ArrayList<>(prefix);
      if (def.isListOfRecords()) {
        steps.add(new Column.Step(def.name(), 0));
        out.add(column(steps, def, Column.Kind.NONE));
        int n = prefix.isEmpty() ? items : 1;
        for (int k = 1; k <= n; k++) {
          List<Column.Step> item = new ArrayList<>(prefix);
          item.add(new Column.Step(def.name(), k));
          addShape(def.shape(), item, items, out);
        }
      } else if (def.type() == FactType.RECORD) {
        steps.add(new Column.Step(def.name(), 0));
        addShape(def.shape(), steps, items, out);
      } else {
        steps.add(new Column.Step(def.name(), 0));
        out.add(column(steps, def, Column.Kind.VALUE));
      }
    }
  }

  /** The canonical column nearest a header that names none, for "did you mean" hints, or null. */
  public String suggest(String header) {
    if (header.length() > 80) {
      return null; // no column is that long, and comparing a long text with every column costs its
      // length each time
    }
    String hint = facts.suggest(normalise(header).replaceAll("\\.\\d+", "[]"));
    return hint == null ? null : hint.replace("[]", ".1");
  }
}
