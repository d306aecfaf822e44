package org.homeward.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.ProblemException;
import org.homeward.person.LazyPersonStream;
import org.homeward.person.PersonBuilder;
import org.homeward.person.Row;

/**
 * Reads persons from a spreadsheet (CSV or XLSX), one per row, streaming. Each row's cells become
 * the same located tree a JSON person file gives, and the same {@link PersonBuilder} checks it, so
 * a person reads alike from every format. A bad cell makes its row an error row naming the row and
 * column; the rows after it are read as usual. Fully blank rows are skipped (and counted).
 */
public final class SheetPersonStream extends LazyPersonStream {
  /** Unknown headers named in the warning; more are counted. */
  private static final int UNKNOWN_LISTED = 20;

  private final SheetSource source;
  private final Columns model;
  private final ColumnMap map;
  private final PersonBuilder builder;
  private final Consumer<Diagnostic> warnings;
  private List<String> headers;
  private Column[] plan;
  private int idColumn = -1;

  /** The first header cell that names no column (nor one the mapping ignores); -1 when none. */
  private int unknownAt = -1;

  private boolean blankHeaderWarned;

  /**
   * A CSV header that is two columns' headers run together, until the first row says whether the
   * header lost a cell (the row is wider than it): then the sheet is refused. Null when there is
   * none, or once the first row has been read.
   */
  private Diagnostic joined;

  private long blankRows;

  private SheetPersonStream(
      SheetSource source,
      Columns model,
      ColumnMap map,
      PersonBuilder builder,
      Consumer<Diagnostic> warnings) {
    this.source = source;
    this.model = model;
    this.map = map;
    this.builder = builder;
    this.warnings = warnings;
  }

  /** A CSV file's people. */
  public static SheetPersonStream csv(
      InputStream in,
      String name,
      Columns model,
      ColumnMap map,
      PersonBuilder builder,
      Consumer<Diagnostic> warnings)
      throws IOException {
    return new SheetPersonStream(new CsvSource(in, name, warnings), model, map, builder, warnings);
  }

  /**
   * An XLSX workbook's people (the sheet named People, else the first), from a file when {@code
   * file} is given (read in place), else from {@code in}.
   */
  public static SheetPersonStream xlsx(
      java.io.File file,
      InputStream in,
      String name,
      Columns model,
      ColumnMap map,
      PersonBuilder builder,
      Consumer<Diagnostic> warnings) {
    try {
      SheetSource source = file != null ? new XlsxSource(file, name) : new XlsxSource(in, name);
      return new SheetPersonStream(source, model, map, builder, warnings);
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(name),
              "cannot be read as an Excel workbook (.xlsx); is it an older .xls or another kind of file? "
                  + "Save it from Excel as .xlsx or CSV UTF-8"));
    }
  }

  @Override
  public boolean single() {
    return false;
  }

  /** How many fully blank rows were skipped so far. */
  public long blankRows() {
    return blankRows;
  }

  /**
   * Reads and checks the header: each header names a column (directly, by alias or through the
   * mapping), is ignored by the mapping, or is reported once as unknown. Two headers naming the
   * same column, or a header naming none at all, make the sheet unreadable.
   */
  private void start() throws IOException {
    headers = source.header();
    if (headers.isEmpty() || headers.stream().allMatch(h -> h == null || h.isBlank())) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(source.name()),
              "the sheet is empty; expected a header row naming the columns ('homeward template' writes one)"));
    }
    plan = new Column[headers.size()];
    Map<String, Integer> seen = new HashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int unknownMore = 0;
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i);
      if (h == null || h.isBlank() || map.ignores(h)) {
        continue;
      }
      Column c = map.get(h);
      if (c == null) {
        c = model.resolve(h);
      }
      if (c == null) {
        if (unknownAt < 0) {
          unknownAt = i;
        }
        String[] parts = joined == null && source instanceof CsvSource ? joined(h) : null;
        if (parts != null) {
          joined =
              Diagnostic.error(
                  Location.cell(source.name(), 1, "#" + (i + 1)),
                  "this header runs two columns together (\""
                      + Diagnostic.printable(parts[0])
                      + "\" and \""
                      + Diagnostic.printable(parts[1])
                      + "\") and the rows have a cell more than the header: a separator is"
                      + " missing between them, so every value after it would be read under the"
                      + " header before its own; put the separator back");
        }
        if (unknown.size() < UNKNOWN_LISTED) {
          String hint = model.suggest(h);
          unknown.add(
              "\""
                  + Diagnostic.printable(Cells.shorten(h))
                  + "\""
                  + (hint != null ? " (did you mean " + hint + "?)" : ""));
        } else {
          unknownMore++;
        }
        continue;
      }
      Integer before = seen.putIfAbsent(c.name(), i);
      if (before != null) {
        problems.add(
            Diagnostic.error(
                Location.cell(source.name(), 1, h),
                "this column and column \""
                    + headers.get(before)
                    + "\" both hold "
                    + c.name()
                    + "; keep one, "
                    + "or point one elsewhere with --map"));
        continue;
      }
      plan[i] = c;
      if (c.name().equals("id")) {
        idColumn = i;
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(ProblemException.Kind.INPUT, problems);
    }
    if (seen.isEmpty()) {
      throw new ProblemException(
          ProblemException.Kind.INPUT,
          Diagnostic.error(
              Location.of(source.name()),
              "no header names a fact ("
                  + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                  + (unknown.size() > 5 ? ", ..." : "")
                  + "); map your headers to columns with --map mapping.yaml, "
                  + "or start from 'homeward template'"));
    }
    if (!unknown.isEmpty()) {
      int count = unknown.size() + unknownMore;
      boolean one = count == 1;
      warnings.accept(
          Diagnostic.warning(
              Location.of(source.name()),
              count
                  + (one ? " column is not a fact" : " columns are not facts")
                  + " and will be ignored: "
                  + String.join(", ", unknown)
                  + (unknownMore > 0 ? " and " + unknownMore + " more" : "")
                  + ". Map "
                  + (one ? "it" : "them")
                  + " with --map, or list "
                  + (one ? "it" : "them")
                  + " under 'ignore:' there."));
    }
  }

  @Override
  protected Row read() throws IOException {
    if (plan == null) {
      start();
    }
    SheetSource.RawRow raw;
    do {
      try {
        raw = source.next();
      } catch (SheetSource.Broken e) {
        finish();
        long row = e.row();
        Location at =
            row > 0 ? Location.cell(source.name(), row, null) : Location.of(source.name());
        String unread = source.unread();
        return new Row(
            Math.max(row, 0),
            label(row),
            null,
            List.of(
                Diagnostic.error(at, e.getMessage() + (unread != null ? " (" + unread + ")" : ""))),
            true);
      }
      if (raw == null) {
        return null;
      }
      if (raw.isBlank()) {
        blankRows++;
      }
    } while (raw.isBlank());
    if (joined != null) {
      // every row of a file that a program wrote is as wide as its header: one cell more, and a
      // header that is two run together, mean that the header lost a separator
      Diagnostic header = joined;
      joined = null; // the first row decides
      if (raw.cells().length > headers.size()) {
        throw new ProblemException(ProblemException.Kind.INPUT, header);
      }
    }
    return build(raw);
  }

  private static String label(long row) {
    return "row " + row;
  }

  private Row build(SheetSource.RawRow raw) {
    List<Diagnostic> problems = new ArrayList<>();
    for (SheetSource.CellProblem p : raw.problems()) {
      String header =
          p.column() >= 0 && p.column() < headers.size() && !headers.get(p.column()).isBlank()
              ? headers.get(p.column())
              : null;
      problems.add(
          Diagnostic.error(Location.cell(source.name(), raw.number(), header), p.message()));
    }
    Draft root = new Draft(Location.cell(source.name(), raw.number(), null));
    String[] cells = raw.cells();
    boolean shifted = shifted(cells);
    for (int i = 0; i < cells.length; i++) {
      String text = cells[i];
      if (text == null || text.isBlank()) {
        continue;
      }
      Column c = i < plan.length ? plan[i] : null;
      if (c == null) {
        if (!shifted) {
          warnBlankHeader(i, raw.number());
        }
        continue;
      }
      Location at = Location.cell(source.name(), raw.number(), headers.get(i));
      try {
        if (text.startsWith("#ERROR ")) {
          throw new Cells.Problem(
              "the cell holds a spreadsheet error ("
                  + text.substring(7)
                  + "); fix the formula or clear the cell");
        }
        if (c.kind() == Column.Kind.NONE) {
          int count = Cells.listCount(text);
          if (count >= 0) {
            DraftList list = root.list(c.steps(), at);
            list.count = count;
            list.countAt = at;
          }
        } else {
          Node value = Cells.value(text, c.fact(), at);
          if (value != null) {
            root.put(c.steps(), value, at);
          }
        }
      } catch (Cells.Problem p) {
        problems.add(Diagnostic.error(at, p.getMessage()));
      }
    }
    String label = label(raw.number());
    if (shifted) {
      return new Row(raw.number(), label, idCell(cells), null, shiftedError(raw, cells, problems));
    }
    Node node = root.toNode(problems);
    if (problems.isEmpty()) {
      PersonBuilder.Result r = builder.build(node, label);
      if (r.ok()) {
        return new Row(raw.number(), label, r.person().id(), r.person(), r.problems());
      }
      problems = r.problems();
    }
    return new Row(raw.number(), label, idCell(cells), null, problems);
  }

  /**
   * The two column names an unknown header is made of, when it is one column's header followed by
   * another's (the separator between two header cells deleted, or never typed); else null. Only
   * headers no longer than a column's name could be are tried.
   */
  private String[] joined(String header) {
    if (header.length() > 160) {
      return null;
    }
    // the longest first part: a header's own punctuation ("In the US now?") stays with it
    for (int k = header.length() - 1; k > 0; k--) {
      String first = header.substring(0, k).strip();
      String second = header.substring(k).strip();
      if (named(first) && named(second)) {
        return new String[] {first, second};
      }
    }
    return null;
  }

  /**
   * Whether a header is one the sheet may have: a column's, or one the mapping names or ignores.
   */
  private boolean named(String header) {
    return !header.isEmpty()
        && (map.get(header) != null || map.ignores(header) || model.resolve(header) != null);
  }

  /**
   * Whether a CSV row is out of line with the header. A program that writes CSV writes every row as
   * wide as its header, so a row with a value beyond the header's last column has had its values
   * shifted (a separator inside a cell without quotes, a header cell missing), and a row wider than
   * the header, even with blank cells there, when a header cell names no column, is a row of a
   * header that has lost a cell (a separator, or a name, deleted). Either way its values cannot be
   * trusted to be the facts their columns name, even where each one reads, so it is not screened. A
   * workbook's cells cannot shift: there a column without a header is only ignored, with a warning.
   */
  private boolean shifted(String[] cells) {
    if (!(source instanceof CsvSource) || cells.length <= headers.size()) {
      return false;
    }
    return unknownAt >= 0 || beyond(cells) < cells.length;
  }

  /** The first column beyond the header's that holds a value; the row's width when none does. */
  private int beyond(String[] cells) {
    int i = headers.size();
    while (i < cells.length && (cells[i] == null || cells[i].isBlank())) {
      i++;
    }
    return i;
  }

  /**
   * The one error of a row whose values are out of line with the header: what is wrong, what shifts
   * a row, what to do, and the first problem it caused (if any), instead of one message for every
   * shifted cell.
   */
  private List<Diagnostic> shiftedError(
      SheetSource.RawRow raw, String[] cells, List<Diagnostic> problems) {
    int beyond = beyond(cells);
    StringBuilder message = new StringBuilder();
    if (beyond < cells.length) {
      message
          .append("the row has a value in column #")
          .append(beyond + 1)
          .append(", beyond the header's ")
          .append(headers.size())
          .append(
              " columns: a comma inside a cell without quotes around it, or a header cell"
                  + " missing, puts every value after it in the wrong column, so the row is not"
                  + " screened; put quotes around that cell, or give the column a header");
    } else {
      message
          .append("the row has ")
          .append(cells.length)
          .append(" cells and the header ")
          .append(headers.size())
          .append(", and the header's column #")
          .append(unknownAt + 1)
          .append(
              " names no column: either the header has lost a cell there or before it (a"
                  + " separator or a name deleted), which puts every value after it under the"
                  + " wrong header, or the row ends in separators too many; the row is not"
                  + " screened: put the header back as it was ('homeward template' writes one),"
                  + " or take the extra separators off the row");
    }
    List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      Diagnostic first = errors.get(0);
      String field = first.location().field();
      message
          .append("; the first of the ")
          .append(errors.size())
          .append(errors.size() == 1 ? " problem that follows: " : " problems that follow: ")
          .append(field != null ? "column " + field + ": " : "")
          .append(first.message());
    }
    return List.of(
        Diagnostic.error(Location.cell(source.name(), raw.number(), null), message.toString()));
  }

  /**
   * The row's id as typed, so that a row in error can still be told apart; null when there is none.
   */
  private String idCell(String[] cells) {
    return idColumn < 0
            || idColumn >= cells.length
            || cells[idColumn] == null
            || cells[idColumn].isBlank()
        ? null
        : cells[idColumn].strip();
  }

  private void warnBlankHeader(int index, long row) {
    if (blankHeaderWarned
        || index < plan.length && !(headers.get(index) == null || headers.get(index).isBlank())) {
      return;
    }
    blankHeaderWarned = true;
    warnings.accept(
        Diagnostic.warning(
            Location.cell(source.name(), row, "#" + (index + 1)),
            "a column without a header holds values; they are ignored (give the column a header to use it)"));
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** The facts of one record gathered from a row's cells, before they become a located tree. */
  private static final class Draft {
    private final Location at;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Location> keys = new LinkedHashMap<>();

    Draft(Location at) {
      this.at = at;
    }

    void put(List<Column.Step> steps, Node value, Location cell) {
      Draft d = this;
      for (int k = 0; k < steps.size() - 1; k++) {
        d = d.child(steps.get(k), cell);
      }
      String name = steps.get(steps.size() - 1).field();
      d.fields.put(name, value);
      d.keys.putIfAbsent(name, cell);
    }

    DraftList list(List<Column.Step> steps, Location cell) {
      Draft d = this;
      for (int k = 0; k < steps.size() - 1; k++) {
        d = d.child(steps.get(k), cell);
      }
      return d.listField(steps.get(steps.size() - 1).field(), cell);
    }

    private Draft child(Column.Step step, Location cell) {
      if (step.isItem()) {
        return listField(step.field(), cell)
            .items
            .computeIfAbsent(step.item(), k -> new Draft(cell));
      }
      keys.putIfAbsent(step.field(), cell);
      return (Draft) fields.computeIfAbsent(step.field(), k -> new Draft(cell));
    }

    private DraftList listField(String name, Location cell) {
      keys.putIfAbsent(name, cell);
      return (DraftList) fields.computeIfAbsent(name, k -> new DraftList());
    }

    Node toNode(List<Diagnostic> problems) {
      Map<String, Node> entries = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        Object v = e.getValue();
        Node node;
        if (v instanceof Draft d) {
          node = d.toNode(problems);
        } else if (v instanceof DraftList l) {
          node = l.toNode(e.getKey(), keys.get(e.getKey()), problems);
        } else {
          node = (Node) v;
        }
        if (node != null) {
          entries.put(e.getKey(), node);
        }
      }
      return new Node.Mapping(at, entries, keys);
    }
  }

  /** A list gathered from a row: its numbered items, and how many its own column says there are. */
  private static final class DraftList {
    private final TreeMap<Integer, Draft> items = new TreeMap<>();
    private int count = -1;
    private Location countAt;

    Node toNode(String name, Location at, List<Diagnostic> problems) {
      if (count >= 0 && !items.isEmpty() && items.lastKey() > count) {
        Draft beyond = items.lastEntry().getValue();
        String column = beyond.keys.values().iterator().next().field();
        problems.add(
            Diagnostic.error(
                countAt,
                (count == 0
                        ? "says there are no " + name.replace('_', ' ')
                        : "says there " + (count == 1 ? "is 1" : "are " + count))
                    + ", but column "
                    + column
                    + " describes "
                    + (count == 0 ? "one" : "another")
                    + "; correct one of them"));
        return null;
      }
      if (count < 0 && items.isEmpty()) {
        return null;
      }
      for (int k = 1; k <= count; k++) {
        items.computeIfAbsent(k, n -> new Draft(countAt));
      }
      List<Node> list = new ArrayList<>(items.size());
      for (Draft d : items.values()) {
        list.add(d.toNode(problems));
      }
      return new Node.Seq(countAt != null ? countAt : at, list);
    }
  }
}
