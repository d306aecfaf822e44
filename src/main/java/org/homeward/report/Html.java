package org.homeward.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A small HTML writer that escapes every text and attribute value it is given, so that user data
 * (names, ids, rule texts) can only ever come out as text. Tag and attribute names are the
 * program's own constants and are checked. Pages it starts are self-contained: inline CSS only, and
 * a Content-Security-Policy that forbids the browser to load anything.
 */
public final class Html {
  /** Nothing may be loaded: no scripts, images, fonts or stylesheets; only the inline style. */
  public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
  private static final String STYLE = load("report.css");

  private final StringBuilder b = new StringBuilder(1 << 14);

  /** Text made safe for an element's content or a quoted attribute value. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Starts a page: the doctype, {@code <html lang>}, a head with the charset, the security policy,
   * the title and the inline style sheet, and opens {@code <body>}.
   */
  public Html begin(String lang, String title) {
    b.append("<!DOCTYPE html>\n");
    open("html", "lang", lang).nl();
    open("head").nl();
    open("meta", "charset", "utf-8").nl();
    open("meta", "http-equiv", "Content-Security-Policy", "content", CSP).nl();
    open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
    el("title", title).nl();
    open("style").nl();
    b.append(STYLE);
    close("style").nl();
    close("head").nl();
    return open("body").nl();
  }

  /** Closes the body and the page. */
  public Html end() {
    return close("body").nl().close("html").nl();
  }

  /**
   * An opening tag; {@code attrs} are name, value pairs (a null value leaves the attribute out).
   */
  public Html open(String tag, String... attrs) {
    b.append('<').append(name(tag));
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        b.append(' ').append(name(attrs[i])).append("=\"").append(escape(attrs[i + 1])).append('"');
      }
    }
    b.append('>');
    return this;
  }

  public Html close(String tag) {
    b.append("</").append(name(tag)).append('>');
    return this;
  }

  /** Escaped text. */
  public Html text(String s) {
    b.append(escape(s));
    return this;
  }

  /** An element holding escaped text. */
  public Html el(String tag, String text, String... attrs) {
    return open(tag, attrs).text(text).close(tag);
  }

  /** A line break in the source, to keep it readable (and its diffs small). */
  public Html nl() {
    b.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  private static String name(String n) {
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + n);
    }
    return n;
  }

  private static String load(String resource) {
    try (InputStream in = Html.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
