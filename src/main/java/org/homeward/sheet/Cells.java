package org.homeward.sheet;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.document.Location;
import org.homeward.document.Node;
import org.homeward.facts.FactDef;
import org.homeward.facts.FactType;
import org.homeward.person.PartialDate;
import org.homeward.person.PersonBuilder;

/**
 * Turns spreadsheet cells into the typed values a person file holds, accepting what people type
 * into spreadsheets: dates as ISO (also partial), US {@code MM/DD/YYYY} or {@code MM/YYYY}; yes/no
 * in the usual spellings, English and Spanish; enum words in any case with spaces; country and
 * state codes in lower case. A blank cell, or one that says it is not known, is unknown: never
 * false, never zero. The interview reads its answers the same way.
 */
public final class Cells {
  private static final Set<String> YES = Set.of("yes", "y", "true", "t", "1", "si");
  private static final Set<String> NO = Set.of("no", "n", "false", "f", "0");
  private static final Set<String> UNKNOWN =
      Set.of(
          "unknown",
          "unk",
          "?",
          "dont_know",
          "don_t_know",
          "not_known",
          "n_a",
          "na",
          "no_se",
          "desconocido",
          "desconocida",
          "se_desconoce");
  private static final Set<String> NONE =
      Set.of(
          "none",
          "no",
          "n",
          "0",
          "false",
          "nothing",
          "ninguno",
          "ninguna",
          "nada",
          "[]",
          "known_none");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})");
  private static final Pattern US_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
  private static final Pattern ITEMS = Pattern.compile("[;,|]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s'’/-]+");
  private static final Pattern MIDNIGHT = Pattern.compile("[ T]0?0:00(:00(\\.0+)?)?$");
  private static final String DATE_FORMS =
      "expected YYYY-MM-DD, YYYY-MM, YYYY or MM/DD/YYYY (month first)";

  private Cells() {}

  /**
   * A cell that cannot be read as its fact; the message says what is expected, never what the cell
   * holds (it may be a name, an A-number or a birth date typed into the wrong column).
   */
  public static final class Problem extends Exception {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /** A word as the reader compares it: lower case, no accents, spaces as underscores. */
  static String word(String text) {
    String s = text.strip();
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (plain) {
      return s;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        break;
      }
    }
    return SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  /** Whether a cell says nothing: blank, or a way of saying "not known". */
  public static boolean isUnknown(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    char first = text.strip().charAt(0);
    return (first == '?' || Character.isLetter(first)) && UNKNOWN.contains(word(text));
  }

  /**
   * What a list's column says: 0 for "known: none", a number for "there are exactly this many"
   * (their details in the numbered columns, blank where unknown), or -1 for "there are some" (yes),
   * which leaves the list to its numbered columns.
   */
  public static int listCount(String text) throws Problem {
    String w = word(text);
    if (COUNT.matcher(w).matches() && Integer.parseInt(w) <= PersonBuilder.MAX_LIST_ITEMS) {
      return Integer.parseInt(w);
    }
    if (NONE.contains(w)) {
      return 0;
    }
    if (YES.contains(w)) {
      return -1;
    }
    throw new Problem(
        "does not say how many there are; write none when it is known "
            + "there are none, or how many there are, or leave it blank and fill in the numbered columns");
  }

  /** The value a cell holds for a fact, or null when unknown. */
  public static Node value(String text, FactDef def, Location at) throws Problem {
    if (isUnknown(text)) {
      return null;
    }
    if (def.isScalarList()) {
      List<Node> items = new ArrayList<>();
      String w = word(text);
      if (NONE.contains(w) && !def.values().contains(w)) {
        return new Node.Seq(at, items);
      }
      for (String part : ITEMS.split(text)) {
        if (!part.isBlank()) {
          items.add(scalar(part, def, def.itemType(), at));
        }
      }
      return new Node.Seq(at, items);
    }
    return scalar(text, def, def.type(), at);
  }

  private static Node scalar(String raw, FactDef def, FactType type, Location at) throws Problem {
    String text = raw.strip();
    return switch (type) {
      case DATE -> new Node.Scalar(at, Node.Scalar.Kind.STRING, date(text).toString());
      case NUMBER -> {
        if (!NUMBER.matcher(text).matches()) {
          throw new Problem("is not a number; expected digits such as 3 or 2.5");
        }
        yield new Node.Scalar(at, Node.Scalar.Kind.NUMBER, text);
      }
      case BOOLEAN -> new Node.Scalar(at, Node.Scalar.Kind.BOOLEAN, String.valueOf(yesNo(text)));
      case ENUM -> {
        String w = word(text);
        if (def.values().contains("yes")
            && def.values().contains("no")
            && !def.values().contains(w)
            && (YES.contains(w) || NO.contains(w))) {
          w = YES.contains(w) ? "yes" : "no";
        }
        yield new Node.Scalar(
            at, Node.Scalar.Kind.STRING, def.values().contains(w) ? w : loosely(w, def));
      }
      case COUNTRY, STATE ->
          new Node.Scalar(at, Node.Scalar.Kind.STRING, text.toUpperCase(Locale.ROOT));
      default -> new Node.Scalar(at, Node.Scalar.Kind.STRING, text);
    };
  }

  /**
   * The allowed value a word spells with other punctuation ({@code n600} or {@code n-600} for
   * {@code n_600}, {@code U.S. state or DC} for {@code us_state_or_dc}), else the word as typed.
   */
  private static String loosely(String w, FactDef def) {
    String bare = alphanumeric(w);
    for (String v : def.values()) {
      if (alphanumeric(v).equals(bare)) {
        return v;
      }
    }
    return w;
  }

  private static String alphanumeric(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean yesNo(String text) throws Problem {
    String w = word(text);
    if (YES.contains(w)) {
      return true;
    }
    if (NO.contains(w)) {
      return false;
    }
    throw new Problem(
        "is not yes or no; expected yes/no, y/n, true/false, 1/0 or sí/no "
            + "(leave it blank when not known)");
  }

  /** A date in any of the accepted forms, as the partial date it names. */
  static PartialDate date(String raw) throws Problem {
    String text = raw.strip();
    if (text.length() > 10) {
      text = MIDNIGHT.matcher(text).replaceFirst("");
    }
    PartialDate iso = PartialDate.parse(text);
    if (iso != null) {
      return iso;
    }
    Matcher m = US_DATE.matcher(text);
    if (m.matches()) {
      if (m.group(3).length() != 4) {
        throw new Problem("has a two-digit year; write the year in full (MM/DD/YYYY)");
      }
      try {
        PartialDate d =
            PartialDate.of(
                LocalDate.of(
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))));
        if (PartialDate.parse(d.toString()) != null) {
          return d;
        }
      } catch (DateTimeException e) {
        // falls through to the message below
      }
      throw new Problem("is not a date; " + DATE_FORMS);
    }
    m = US_MONTH.matcher(text);
    if (m.matches()) {
      PartialDate d =
          PartialDate.parse(m.group(2) + "-" + (m.group(1).length() == 1 ? "0" : "") + m.group(1));
      if (d != null) {
        return d;
      }
    }
    throw new Problem("is not a date; " + DATE_FORMS);
  }

  static String shorten(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 37) + "..." : t;
  }
}
