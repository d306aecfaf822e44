package org.homeward.sheet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;

/**
 * A clinic's own headers mapped to fact columns ({@code --map mapping.yaml}), so that their sheet
 * screens as it is:
 *
 * <pre>
 * columns:
 *   Client #: id
 *   Fecha de nacimiento: birth_date
 *   Conviction 1 - statute: convictions.1.statute
 * ignore: [Staff notes, Intake worker]
 * </pre>
 *
 * Headers match as written or whatever their case and spacing; every target must name a column of
 * the template, or the mapping is refused with the line that is wrong.
 */
public final class ColumnMap {
  /** Longest mapping file read, in characters. */
  static final int MAX_CHARS = 1024 * 1024;

  /** The mapping that maps nothing. */
  public static final ColumnMap NONE = new ColumnMap(Map.of(), Set.of());

  private final Map<String, Column> columns;
  private final Set<String> ignored;

  private ColumnMap(Map<String, Column> columns, Set<String> ignored) {
    this.columns = columns;
    this.ignored = ignored;
  }

  /** Reads a mapping file; every problem in it is reported together, each with its line. */
  public static ColumnMap load(Path file, Columns model) {
    String source = file.toString();
    Node doc;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      // A mapping is a few lines: read at most MAX_CHARS, so a huge file is refused, not held in
      // memory.
      char[] text = new char[MAX_CHARS + 1];
      int n = 0;
      for (int k; n < text.length && (k = in.read(text, n, text.length - n)) > 0; ) {
        n += k;
      }
      if (n > MAX_CHARS) {
        throw new ProblemException(
            ProblemException.Kind.USAGE,
            Diagnostic.error(
                Location.of(source),
                "a mapping file is a few lines, and this one is longer than "
                    + MAX_CHARS / 1024
                    + " KB; check the path "
                    + "given to --map"));
      }
      doc = NodeReader.readYaml(new java.io.StringReader(new String(text, 0, n)), source);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(source), "the mapping file is not UTF-8 text; save it as UTF-8"));
    } catch (NoSuchFileException e) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(source), "no such mapping file; check the path given to --map"));
    } catch (IOException e) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(Location.of(source), "cannot read the mapping file: " + e.getMessage()));
    } catch (ProblemException e) {
      throw new ProblemException(ProblemException.Kind.USAGE, e.diagnostics());
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Column> columns = new HashMap<>();
    Set<String> ignored = new HashSet<>();
    if (!(doc instanceof Node.Mapping root)) {
      throw problem(
          List.of(
              Diagnostic.error(
                  doc.location(),
                  "expected a mapping with 'columns:' (your header: fact column) and optionally 'ignore:' (a list of headers)")));
    }
    for (String key : root.entries().keySet()) {
      if (!key.equals("columns") && !key.equals("ignore")) {
        problems.add(
            Diagnostic.error(
                root.keyLocation(key),
                "unknown key '" + key + "'; a mapping file holds 'columns:' and 'ignore:'"));
      }
    }
    if (root.get("columns") instanceof Node.Mapping m) {
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        Node target = e.getValue();
        if (!(target instanceof Node.Scalar s) || s.isNull()) {
          problems.add(
              Diagnostic.error(
                  target.location(),
                  "expected the name of a column, such as birth_date "
                      + "or convictions.1.statute ('homeward template' lists them)"));
          continue;
        }
        Column c = model.resolve(s.text());
        if (c == null) {
          String hint = model.suggest(s.text());
          problems.add(
              Diagnostic.error(
                  target.location(),
                  "'"
                      + s.text()
                      + "' is not a column"
                      + (hint != null ? " — did you mean '" + hint + "'?" : "")
                      + " ('homeward template' lists the columns)"));
          continue;
        }
        columns.put(e.getKey().strip(), c);
        columns.putIfAbsent(Columns.normalise(e.getKey()), c);
      }
    } else if (root.get("columns") != null) {
      problems.add(
          Diagnostic.error(
              root.get("columns").location(), "expected 'columns:' to map headers to columns"));
    }
    Node ignore = root.get("ignore");
    if (ignore instanceof Node.Seq seq) {
      for (Node item : seq.items()) {
        if (item instanceof Node.Scalar s && !s.isNull()) {
          ignored.add(s.text().strip());
          ignored.add(Columns.normalise(s.text()));
        } else {
          problems.add(Diagnostic.error(item.location(), "expected a header to ignore"));
        }
      }
    } else if (ignore != null) {
      problems.add(
          Diagnostic.error(ignore.location(), "expected 'ignore:' to be a list of headers"));
    }
    if (!problems.isEmpty()) {
      throw problem(problems);
    }
    return new ColumnMap(Map.copyOf(columns), Set.copyOf(ignored));
  }

  private static ProblemException problem(List<Diagnostic> problems) {
    return new ProblemException(ProblemException.Kind.USAGE, problems);
  }

  /** The column a header is mapped to, or null. */
  Column get(String header) {
    Column c = columns.get(header.strip());
    return c != null ? c : columns.get(Columns.normalise(header));
  }

  /** Whether the mapping says to ignore a header. */
  boolean ignores(String header) {
    return ignored.contains(header.strip()) || ignored.contains(Columns.normalise(header));
  }
}
