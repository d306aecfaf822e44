package org.homeward.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads located {@link Node} trees from JSON or YAML with Jackson's streaming parsers. Input is
 * untrusted: nesting depth, string length and YAML aliases are bounded, and duplicate keys are
 * errors.
 */
public final class NodeReader {
  private static final int MAX_DEPTH = 64;

  /**
   * YAML's own tags ({@code !!str}, {@code !!int}...), which say no more than the value's plain
   * form.
   */
  private static final String STANDARD_TAG = "tag:yaml.org,2002:";

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(1_000_000)
                  .build())
          .build();

  private static final YAMLFactory YAML = yamlFactory();

  private NodeReader() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(8 * 1024 * 1024);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** A streaming JSON parser over the reader. */
  public static JsonParser jsonParser(Reader in) throws IOException {
    return JSON.createParser(in);
  }

  /** Reads one whole YAML document. */
  public static Node readYaml(Reader in, String source) {
    try (JsonParser p = YAML.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Node.Scalar(Location.at(source, 1, 1), Node.Scalar.Kind.NULL, "");
      }
      return read(p, source);
    } catch (IOException e) {
      throw new ProblemException(ProblemException.Kind.INPUT, syntaxError(e, source, "YAML"));
    }
  }

  /** Reads one whole JSON document; anything after it is an error. */
  public static Node readJson(Reader in, String source) {
    try (JsonParser p = jsonParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(Location.of(source), "the file is empty; expected a JSON object"));
      }
      Node node = read(p, source);
      if (p.nextToken() != null) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(here(p, source), "unexpected text after the end of the JSON value"));
      }
      return node;
    } catch (IOException e) {
      throw new ProblemException(ProblemException.Kind.INPUT, syntaxError(e, source, "JSON"));
    }
  }

  /**
   * Reads the value at the parser's current token (which must already have been advanced to) and
   * leaves the parser on the value's last token.
   */
  public static Node read(JsonParser p, String source) throws IOException {
    return read(p, source, 0);
  }

  /**
   * As {@link #read(JsonParser, String)}, for text that starts {@code lineOffset} lines into the
   * source.
   */
  public static Node read(JsonParser p, String source, int lineOffset) throws IOException {
    return read(p, source, lineOffset, 0);
  }

  /**
   * As {@link #read(JsonParser, String)}, for text that starts {@code lineOffset} lines into the
   * source and {@code columnOffset} characters into that line.
   */
  public static Node read(JsonParser p, String source, int lineOffset, int columnOffset)
      throws IOException {
    Location loc = here(p, source, lineOffset, columnOffset);
    JsonToken t = p.currentToken();
    if (p.canReadTypeId()) {
      Object tag = p.getTypeId();
      if (tag != null && !tag.toString().startsWith(STANDARD_TAG)) {
        // A tag asks for a type the rule language does not have; silently reading its text would
        // hide the mistake.
        String shown =
            tag.toString().startsWith("!") || tag.toString().contains(":")
                ? tag.toString()
                : "!" + tag;
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                loc,
                "unknown YAML tag '"
                    + shown
                    + "'; rule and mapping files hold plain values (remove the tag, or quote the value)"));
      }
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Location keyLoc = here(p, source, lineOffset, columnOffset);
          if (entries.containsKey(name)) {
            throw new ProblemException(
                ProblemException.Kind.INPUT,
                Diagnostic.error(
                    keyLoc, "the key '" + name + "' appears twice in the same object"));
          }
          p.nextToken();
          entries.put(name, read(p, source, lineOffset, columnOffset));
          keys.put(name, keyLoc);
        }
        return new Node.Mapping(loc, entries, keys);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, source, lineOffset, columnOffset));
        }
        return new Node.Seq(loc, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(loc, Node.Scalar.Kind.STRING, p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(loc, Node.Scalar.Kind.NUMBER, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(loc, Node.Scalar.Kind.BOOLEAN, p.getText());
      }
      case VALUE_NULL -> {
        return new Node.Scalar(loc, Node.Scalar.Kind.NULL, "null");
      }
      default ->
          throw new ProblemException(
              ProblemException.Kind.INPUT, Diagnostic.error(loc, "unexpected " + t));
    }
  }

  /** The location of the parser's current token. */
  public static Location here(JsonParser p, String source) {
    return here(p, source, 0);
  }

  private static Location here(JsonParser p, String source, int lineOffset) {
    return here(p, source, lineOffset, 0);
  }

  /** The location of the parser's current token, in text that starts at the given offsets. */
  public static Location here(JsonParser p, String source, int lineOffset, int columnOffset) {
    return located(p.currentTokenLocation(), source, lineOffset, columnOffset);
  }

  private static Location located(JsonLocation l, String source, int lineOffset, int columnOffset) {
    int line = Math.max(1, l.getLineNr());
    return Location.at(
        source, line + lineOffset, Math.max(1, l.getColumnNr()) + (line == 1 ? columnOffset : 0));
  }

  /** Turns a parser's exception into a located, plain-language diagnostic. */
  public static Diagnostic syntaxError(IOException e, String source, String format) {
    return syntaxError(e, source, format, 0);
  }

  /**
   * As {@link #syntaxError(IOException, String, String)}, for text starting {@code lineOffset}
   * lines in.
   */
  public static Diagnostic syntaxError(
      IOException e, String source, String format, int lineOffset) {
    return syntaxError(e, source, format, lineOffset, 0);
  }

  /**
   * As {@link #syntaxError(IOException, String, String, int)}, for text starting {@code
   * columnOffset} into its line.
   */
  public static Diagnostic syntaxError(
      IOException e, String source, String format, int lineOffset, int columnOffset) {
    Location loc = Location.of(source);
    if (e instanceof StreamReadException sre && sre.getLocation() != null) {
      loc = located(sre.getLocation(), source, lineOffset, columnOffset);
    }
    String detail = e.getMessage() == null ? "" : e.getMessage();
    int cut = detail.indexOf('\n');
    if (cut > 0) {
      detail = detail.substring(0, cut);
    }
    detail =
        detail
            .replaceAll("\\s*\\(start marker at \\[Source.*$", "")
            .replaceAll(" at \\[Source.*$", "")
            .replaceAll(", from `[^`]*`", "")
            .trim();
    if (format.equals("JSON")) {
      // The parser quotes what it found; in a person file that may be a name or an A-number.
      detail =
          detail
              .replaceAll("'(?!(null|true|false|NaN)')[^',\\s][^']+'", "'…'")
              .replaceAll("\\(\\d{4,}[^)]*\\)", "(…)");
    }
    String hint =
        detail.contains("flow")
            ? "; inside { } or [ ], quote values containing [ ] ? : or #, such as \"entries[].date\""
            : "";
    return Diagnostic.error(loc, "this is not valid " + format + " (" + detail + ")" + hint);
  }
}
