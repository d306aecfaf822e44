package org.homeward.person;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;

/**
 * Reads persons from JSON: one object, an array of objects (streamed item by item) or JSON Lines
 * (one object per line, each line parsed on its own so a broken line is one bad row).
 */
public final class JsonPersonStream extends LazyPersonStream {
  private final BufferedReader in;
  private final String source;
  private final PersonBuilder builder;
  private final boolean lines;
  private JsonParser parser;
  private boolean single;
  private boolean started;
  private long number;
  private long lineNumber;

  private JsonPersonStream(BufferedReader in, String source, PersonBuilder builder, boolean lines) {
    this.in = in;
    this.source = source;
    this.builder = builder;
    this.lines = lines;
  }

  /** JSON Lines: one person per non-blank line. */
  public static JsonPersonStream lines(BufferedReader in, String source, PersonBuilder builder) {
    return new JsonPersonStream(in, source, builder, true);
  }

  /** A JSON document holding one person (an object) or many (an array). */
  public static JsonPersonStream document(BufferedReader in, String source, PersonBuilder builder) {
    return new JsonPersonStream(in, source, builder, false);
  }

  @Override
  public boolean single() {
    if (!started) {
      hasNext();
    }
    return single;
  }

  @Override
  protected Row read() throws IOException {
    return lines ? nextLine() : nextItem();
  }

  private Row nextLine() throws IOException {
    started = true;
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
    } while (line.isBlank());
    number = lineNumber;
    String label = "line " + lineNumber;
    int offset = (int) lineNumber - 1;
    try (JsonParser p = NodeReader.jsonParser(new StringReader(line))) {
      p.nextToken();
      Node node = NodeReader.read(p, source, offset);
      if (p.nextToken() != null) {
        return error(label, Diagnostic.error(at(lineNumber, p), "more than one JSON value on this line"));
      }
      return build(node, label);
    } catch (ProblemException e) {
      return new Row(number, label, null, e.diagnostics());
    } catch (IOException e) {
      return error(label, NodeReader.syntaxError(e, source, "JSON", offset));
    }
  }

  private Row nextItem() throws IOException {
    if (!started) {
      started = true;
      parser = NodeReader.jsonParser(in);
      JsonToken t;
      try {
        t = parser.nextToken();
      } catch (IOException e) {
        number++;
        single = true;
        finish();
        return error("the file", NodeReader.syntaxError(e, source, "JSON"));
      }
      if (t == null) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(Location.of(source), "the input is empty; expected a JSON object or array"));
      }
      if (t != JsonToken.START_ARRAY) {
        single = true;
        number++;
        return readOne("the person");
      }
    }
    if (single) {
      return null;
    }
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (IOException e) {
      number++;
      finish();
      return error("item " + number, NodeReader.syntaxError(e, source, "JSON"));
    }
    if (t == null || t == JsonToken.END_ARRAY) {
      return null;
    }
    number++;
    return readOne("item " + number);
  }

  private Row readOne(String label) {
    try {
      Node node = NodeReader.read(parser, source);
      if (single && parser.nextToken() != null) {
        return error(label, Diagnostic.error(NodeReader.here(parser, source),
            "unexpected text after the person's object (for many people use a JSON array or JSON Lines)"));
      }
      return build(node, label);
    } catch (ProblemException e) {
      return new Row(number, label, null, e.diagnostics());
    } catch (IOException e) {
      finish();
      return error(label, NodeReader.syntaxError(e, source, "JSON"));
    }
  }

  private Row build(Node node, String label) {
    PersonBuilder.Result r = builder.build(node, label);
    return new Row(number, label, r.person(), r.problems());
  }

  private Row error(String label, Diagnostic d) {
    return new Row(number, label, null, List.of(d));
  }

  private Location at(long line, JsonParser p) {
    return Location.at(source, (int) line, p.currentTokenLocation().getColumnNr());
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    in.close();
  }
}
