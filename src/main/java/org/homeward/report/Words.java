package org.homeward.report;

import java.util.Locale;
import java.util.ResourceBundle;
import org.homeward.document.Translations;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;

/**
 * Every human-facing word of the reports and the interview in one language: the program's own (the
 * {@code words} resource bundles, English and Spanish) and the rule set's (their Spanish twins from
 * the rule files). Legal citations and machine words (ids, fact paths) are never translated.
 */
public final class Words {
  /** The languages there are words for. */
  public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "es");

  private final String lang;
  private final ResourceBundle bundle;
  private final Translations rules;

  private Words(String lang, Translations rules) {
    this.lang = lang;
    this.bundle =
        ResourceBundle.getBundle(
            "org.homeward.report.words",
            Locale.forLanguageTag(lang),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.rules = rules;
  }

  /** The words of a language ({@code en} or {@code es}), with the rule set's translations. */
  public static Words of(String lang, Translations rules) {
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("no words for language " + lang);
    }
    return new Words(lang, rules);
  }

  /** English, with no rule translations needed. */
  public static Words english() {
    return new Words("en", new Translations());
  }

  public String lang() {
    return lang;
  }

  /** A program text by key, {@code {0}}, {@code {1}}... replaced by the arguments. */
  public String ui(String key, Object... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /**
   * How many open results wait on an answer: "(1 open result waits...)", "(3 open results
   * wait...)".
   */
  public String settles(int results) {
    return results == 1 ? ui("interview.settles.one") : ui("interview.settles", results);
  }

  /** A rule set's text (a title, a criterion, a question, a note) in this language. */
  public String rule(String english) {
    return rules.get(english, lang);
  }

  /** The question that asks for a missing fact; attorney-review points and exact dates say so. */
  public String question(MissingFact m) {
    return switch (m.kind()) {
      case REVIEW -> ui("question.review", rule(m.question()));
      case INEXACT -> ui("question.exact", rule(m.bare()));
      case UNKNOWN -> rule(m.question());
    };
  }

  /** An outcome for people: may fit, needs information, does not fit. */
  public String outcome(Outcome o) {
    return ui("outcome." + o.word());
  }

  /** A barrier status for people. */
  public String status(BarrierStatus s) {
    return ui("barrier." + s.word());
  }
}
