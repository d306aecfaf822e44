package org.homeward.person;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.document.ProblemException;
import org.homeward.document.TextCursor;

/**
 * Reads persons from JSON: one object, an array of objects (item by item) or JSON Lines (one object
 * per line). Each line or array item is cut out of the text first and then parsed on its own, so a
 * broken one is one bad row and reading goes on with the next: a syntax error, a value nested too
 * deep, a line or item longer than {@value #MAX_ITEM} characters, or bytes that are not UTF-8. An
 * array item left unclosed ends at the next line that starts an item as it did. Where nothing can
 * be recovered, the last row says where reading stopped and how much of the file was not read.
 */
public final class JsonPersonStream extends LazyPersonStream {
  /** Most characters in one line or array item: no person's facts come near it. */
  public static final int MAX_ITEM = 1_000_000;

  private final TextCursor in;
  private final String source;
  private final PersonBuilder builder;
  private final boolean lines;
  private boolean single;
  private boolean started;
  private boolean arrayDone;
  private long number;

  private JsonPersonStream(Reader in, String source, PersonBuilder builder, boolean lines) {
    this.in = new TextCursor(in);
    this.source = source;
    this.builder = builder;
    this.lines = lines;
  }

  /** JSON Lines: one person per non-blank line. */
  public static JsonPersonStream lines(Reader in, String source, PersonBuilder builder) {
    return new JsonPersonStream(in, source, builder, true);
  }

  /** A JSON document holding one person (an object) or many (an array). */
  public static JsonPersonStream document(Reader in, String source, PersonBuilder builder) {
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
    if (in.line() == 1 && in.column() == 1 && in.peek() == '\uFEFF') {
      in.next();
    }
    Piece piece;
    do {
      if (in.peek() < 0) {
        return null;
      }
      piece = new Piece(in.line(), in.column());
      int c;
      while ((c = in.next()) >= 0 && c != '\n') {
        piece.add((char) c);
      }
    } while (piece.isBlank());
    number = piece.line;
    return parse(piece, "line " + piece.line, false);
  }

  private Row nextItem() throws IOException {
    if (!started) {
      started = true;
      in.skipSpace();
      if (in.peek() == '\uFEFF') {
        in.next();
        in.skipSpace();
      }
      int first = in.peek();
      if (first < 0) {
        throw new ProblemException(
            ProblemException.Kind.INPUT,
            Diagnostic.error(
                Location.of(source), "the input is empty; expected a JSON object or array"));
      }
      if (first != '[') {
        single = true;
        number = 1;
        Piece whole = new Piece(in.line(), in.column());
        int c;
        while ((c = in.next()) >= 0) {
          whole.add((char) c);
        }
        return parse(whole, "the person", true);
      }
      in.next();
    }
    if (single || arrayDone) {
      return null;
    }
    in.skipSpace();
    int c = in.peek();
    if (c == ']') {
      in.next();
      arrayDone = true;
      return trailing();
    }
    if (c < 0) {
      arrayDone = true;
      number++;
      finish();
      return new Row(
          number,
          "item " + number,
          null,
          List.of(
              Diagnostic.error(
                  Location.at(source, in.line(), in.column()),
                  "the file ends before the array is closed with ]; it may be cut short (item "
                      + number
                      + " and any after it "
                      + "were not read)")),
          true);
    }
    number++;
    Piece item = new Piece(in.line(), in.column());
    String label = "item " + number;
    int depth = 0;
    boolean quoted = false;
    boolean escaped = false;
    while (true) {
      c = in.peek();
      if (c < 0) {
        return unclosed(item, label);
      }
      if (quoted) {
        in.next();
        item.add((char) c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"' || c == '\n') {
          quoted = false; // a string cannot hold a line break: it ends there, broken
        }
        continue;
      }
      if (depth == 0 && (c == ',' || c == ']')) {
        if (c == ',') {
          in.next();
        }
        break;
      }
      in.next();
      item.add((char) c);
      if (c == '"') {
        quoted = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
      }
    }
    if (item.isBlank()) {
      return new Row(
          number,
          label,
          null,
          List.of(
              Diagnostic.error(
                  Location.at(source, item.line, item.col),
                  "an empty item: nothing between two commas, or a comma before ]; expected a person's object")));
    }
    return parse(item, label, false);
  }

  /**
   * An item still open at the end of the file: it ends before the next line that starts an item as
   * it did (a { at its indentation or less), and reading goes on from there; or, when there is
   * none, reading stops here.
   */
  private Row unclosed(Piece item, String label) {
    Location at = Location.at(source, item.line, item.col);
    if (!item.truncated) {
      String text = item.text.toString();
      int lineStart = text.indexOf('\n');
      int lineNo = item.line;
      while (lineStart >= 0) {
        lineNo++;
        int i = lineStart + 1;
        int indent = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
          indent++;
        }
        if (i < text.length() && text.charAt(i) == '{' && indent + 1 <= item.col) {
          in.pushBack(text.substring(lineStart + 1), lineNo, 1);
          return new Row(
              number,
              label,
              null,
              List.of(
                  Diagnostic.error(
                      at,
                      "this item is not closed (a } or ] is "
                          + "missing); it is read as ending at line "
                          + (lineNo - 1)
                          + ", and reading goes on at line "
                          + lineNo)));
        }
        lineStart = text.indexOf('\n', lineStart + 1);
      }
    }
    finish();
    long unreadLines = item.lines();
    return new Row(
        number,
        label,
        null,
        List.of(
            Diagnostic.error(
                at,
                "this item is not closed (a } or ] is missing) "
                    + "before the end of the file, so nothing after it can be told apart: "
                    + String.format(
                        Locale.ROOT,
                        "the rest of the file from line %d (%,d line%s, %,d characters) was not read",
                        item.line,
                        unreadLines,
                        unreadLines == 1 ? "" : "s",
                        item.length))),
        true);
  }

  /** Anything after the array's closing ] is reported, never silently dropped. */
  private Row trailing() throws IOException {
    in.skipSpace();
    if (in.peek() < 0) {
      return null;
    }
    number++;
    Piece rest = new Piece(in.line(), in.column());
    while (in.next() >= 0) {
      rest.length++;
    }
    finish();
    return new Row(
        number,
        "item " + number,
        null,
        List.of(
            Diagnostic.error(
                Location.at(source, rest.line, rest.col),
                String.format(
                    Locale.ROOT,
                    "unexpected text after the array's closing ]: the %,d characters from here to the "
                        + "end of the file were not read (one array holds every person)",
                    rest.length))),
        true);
  }

  private Row parse(Piece piece, String label, boolean whole) {
    Location at = Location.at(source, piece.line, piece.col);
    if (piece.truncated) {
      return error(
          label,
          Diagnostic.error(
              at,
              String.format(
                  Locale.ROOT,
                  "this %s is longer than %,d characters; "
                      + "no person's facts come near that, so it is not read",
                  lines ? "line" : whole ? "file" : "item",
                  MAX_ITEM)));
    }
    int bad = piece.text.indexOf(String.valueOf(TextDecoding.BAD));
    if (bad >= 0) {
      return error(
          label,
          Diagnostic.error(
              at,
              "this "
                  + (lines ? "line" : whole ? "file" : "item")
                  + " holds bytes that are not UTF-8 text; save the file as UTF-8"));
    }
    int lineOffset = piece.line - 1;
    int columnOffset = piece.col - 1;
    try (JsonParser p = NodeReader.jsonParser(new StringReader(piece.text.toString()))) {
      p.nextToken();
      Node node = NodeReader.read(p, source, lineOffset, columnOffset);
      if (p.nextToken() != null) {
        String what =
            lines
                ? "more than one JSON value on this line"
                : whole
                    ? "unexpected text after the person's object (for many people use a JSON array or JSON Lines)"
                    : "unexpected text after this item's value (a missing comma?)";
        return error(
            label, Diagnostic.error(NodeReader.here(p, source, lineOffset, columnOffset), what));
      }
      PersonBuilder.Result r = builder.build(node, label);
      return new Row(number, label, r.person(), r.problems());
    } catch (ProblemException e) {
      return new Row(number, label, null, e.diagnostics());
    } catch (IOException e) {
      Diagnostic d = NodeReader.syntaxError(e, source, "JSON", lineOffset, columnOffset);
      // A limit passed (nesting too deep) comes without a place: the line or item's start is the
      // place.
      return error(label, d.location().line() > 0 ? d : Diagnostic.error(at, d.message()));
    }
  }

  private Row error(String label, Diagnostic d) {
    return new Row(number, label, null, List.of(d));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A line or item cut out of the text, where it starts, and its text up to {@link #MAX_ITEM}. */
  private static final class Piece {
    final int line;
    final int col;
    final StringBuilder text = new StringBuilder();
    long length;
    boolean truncated;

    Piece(int line, int col) {
      this.line = line;
      this.col = col;
    }

    void add(char c) {
      length++;
      if (text.length() < MAX_ITEM) {
        text.append(c);
      } else {
        truncated = true;
      }
    }

    boolean isBlank() {
      for (int i = 0; i < text.length(); i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    long lines() {
      return text.chars().filter(ch -> ch == '\n').count() + 1;
    }
  }
}
