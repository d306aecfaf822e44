package org.homeward.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.homeward.document.Translations;
import org.homeward.rules.Missing;
import org.homeward.screening.MissingFact;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = WordsTest.class.getResourceAsStream("/org/homeward/report/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyProgramTextHasItsSpanishTwinAndNoMore() throws IOException {
    Properties en = bundle("words.properties");
    Properties es = bundle("words_es.properties");
    assertThat(es.keySet()).as("keys in Spanish").containsExactlyInAnyOrderElementsOf(en.keySet());
    for (Object key : en.keySet()) {
      assertThat(es.getProperty((String) key))
          .as("the Spanish of %s is not left in English", key)
          .isNotEqualTo(en.getProperty((String) key));
    }
  }

  @Test
  void ruleTextsAndQuestionsTakeTheirSpanishTwinAndKeepEnglishWithoutOne() {
    Translations t = new Translations();
    t.need("Born abroad.");
    t.add("Born abroad.", "Nació en el extranjero.");
    t.need("When?");
    Words es = Words.of("es", t);
    assertThat(es.rule("Born abroad.")).isEqualTo("Nació en el extranjero.");
    assertThat(es.rule("When?")).isEqualTo("When?");
    assertThat(t.untranslated()).containsExactly("When?");
    assertThat(Words.of("en", t).rule("Born abroad.")).isEqualTo("Born abroad.");
    t.add("When did the person come?", "¿Cuándo llegó la persona?");
    MissingFact inexact =
        new MissingFact(
            Missing.Kind.INEXACT,
            "entries[].date",
            "entries[0].date",
            MissingFact.EXACT + "When did the person come?");
    assertThat(es.question(inexact))
        .isEqualTo("Se necesita la fecha exacta. ¿Cuándo llegó la persona?");
    assertThat(Words.of("en", t).question(inexact)).isEqualTo(inexact.question());
  }
}
