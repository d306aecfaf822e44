package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.homeward.report.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages as a browser reads them: self-contained (nothing a browser would fetch), user data
 * only ever as text, and one page per person or one summary per batch.
 */
class HtmlPagesTest {
  /** Elements that load or run something, or send something somewhere. */
  private static final Set<String> LOADING_TAGS =
      Set.of(
          "script",
          "link",
          "img",
          "iframe",
          "frame",
          "object",
          "embed",
          "base",
          "audio",
          "video",
          "source",
          "track",
          "picture",
          "form",
          "image",
          "use",
          "foreignobject",
          "noscript",
          "template",
          "portal");

  private static final String HOSTILE = "<script>alert(1)</script>\"&'";

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static CliRun html(String... inputsAndOptions) {
    List<String> args = new ArrayList<>(List.of("screen"));
    args.addAll(List.of(inputsAndOptions));
    args.addAll(List.of("--format", "html", "--as-of", "2026-11-28", "--threads", "1"));
    return run(args.toArray(String[]::new));
  }

  @TestFactory
  Stream<DynamicTest> noPageLoadsAnything() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> samples;
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      samples = files.map(Path::toString).filter(f -> f.endsWith(".json")).sorted().toList();
    }
    for (String sample : samples) {
      for (String lang : List.of("en", "es")) {
        tests.add(
            DynamicTest.dynamicTest(
                sample + " " + lang,
                () -> {
                  CliRun r = html(sample, "--lang", lang);
                  assertThat(r.code()).as(r.err()).isZero();
                  assertSelfContained(r.out());
                  assertThat(Jsoup.parse(r.out()).select("section.category")).isNotEmpty();
                }));
      }
    }
    tests.add(
        DynamicTest.dynamicTest(
            "batch summary of intake.csv",
            () -> assertSelfContained(html("samples/intake.csv").out())));
    tests.add(
        DynamicTest.dynamicTest(
            "batch summary of every sample, in Spanish, explained",
            () -> {
              List<String> args = new ArrayList<>(samples);
              args.addAll(List.of("--lang", "es", "--explain"));
              CliRun r = html(args.toArray(String[]::new));
              assertSelfContained(r.out());
              assertThat(Jsoup.parse(r.out()).selectFirst("dd.screened").text())
                  .isEqualTo(String.valueOf(samples.size()));
            }));
    tests.add(
        DynamicTest.dynamicTest(
            "explained person page",
            () -> assertSelfContained(html("samples/several-categories.json", "--explain").out())));
    return tests.stream();
  }

  /**
   * Fails on anything a browser would fetch or run: the page must stand alone, on paper or offline.
   */
  static void assertSelfContained(String page) {
    String lower = page.toLowerCase(Locale.ROOT);
    for (String banned :
        List.of("<script", "<link", "@import", "url(", " src=", "srcset=", "expression(")) {
      assertThat(lower).as("the page holds %s", banned).doesNotContain(banned);
    }
    Document doc = Jsoup.parse(page);
    assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .isEqualTo(Html.CSP);
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName().toLowerCase(Locale.ROOT);
      assertThat(LOADING_TAGS).as("element <%s>", tag).doesNotContain(tag);
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().toLowerCase(Locale.ROOT).strip();
        assertThat(name)
            .as("attribute of <%s>", tag)
            .isNotIn(
                "src",
                "srcset",
                "data",
                "poster",
                "background",
                "action",
                "formaction",
                "xlink:href",
                "ping",
                "manifest");
        assertThat(name).as("event handler on <%s>", tag).doesNotStartWith("on");
        if (name.equals("href")) {
          assertThat(tag).as("href on <%s>: %s", tag, value).isEqualTo("a");
          assertThat(
                  value.startsWith("#")
                      || value.startsWith("https://")
                      || value.startsWith("http://"))
              .as("link %s", value)
              .isTrue();
        }
        if (name.equals("style")) {
          assertThat(value).doesNotContain("url(", "@import");
        }
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "<img alt=x src=\"https://example.org/a.png\">",
        "<link rel=stylesheet href=\"https://example.org/a.css\">",
        "<script>1</script>",
        "<style>@import 'a.css';</style>",
        "<div style=\"background:URL(a.png)\"></div>",
        "<svg><image href=\"https://example.org/a.png\"/></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe srcdoc=x></iframe>",
        "<div onclick=\"x()\"></div>"
      })
  void theCheckCatchesEveryExternalReference(String snippet) {
    String page =
        html("samples/daca-may-fit.json").out().replace("</footer>", "</footer>" + snippet);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSelfContained(page))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aPersonsIdAndNameComeOutAsText() throws IOException {
    Path person = dir.resolve("hostile.json");
    Files.writeString(
        person, "{\"id\": " + json(HOSTILE) + ", \"name\": " + json("<b>" + HOSTILE) + "}");
    CliRun r = html(person.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertSelfContained(r.out());
    assertThat(r.out()).doesNotContain("<script>alert", "<b><script>", "\"&'");
    Document doc = Jsoup.parse(r.out());
    assertThat(doc.select("script, b")).isEmpty();
    assertThat(doc.title()).contains(HOSTILE);
    assertThat(doc.selectFirst("h1").text()).contains(HOSTILE);
    assertThat(doc.select("dl.meta dd").eachText()).contains(HOSTILE, "<b>" + HOSTILE);
  }

  @Test
  void anIdInARowInErrorComesOutAsText() throws IOException {
    Path sheet = dir.resolve("hostile.csv");
    Files.writeString(
        sheet,
        "id,name,birth_date\n"
            + csv(HOSTILE)
            + ","
            + csv(HOSTILE)
            + ",31/12/1994\n"
            + "ok-1,Fine,1990-01-01\n");
    CliRun r = html(sheet.toString());
    assertThat(r.code()).isEqualTo(1);
    assertSelfContained(r.out());
    Document doc = Jsoup.parse(r.out());
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("table.errors tbody tr")).hasSize(1);
    assertThat(doc.select("table.errors tbody td").eachText()).contains("2", HOSTILE);
  }

  @Test
  void escapingCoversTextAndAttributes() {
    assertThat(Html.escape(HOSTILE))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;");
    String out = new Html().el("span", HOSTILE, "title", HOSTILE).toString();
    Element span = Jsoup.parse(out).selectFirst("span");
    assertThat(span.text()).isEqualTo(HOSTILE);
    assertThat(span.attr("title")).isEqualTo(HOSTILE);
    assertThat(span.attributes().size()).isEqualTo(1);
  }

  @Test
  void oneObjectGivesThePersonPageAndSeveralPeopleTheSummary() throws IOException {
    Document one = Jsoup.parse(html("samples/daca-may-fit.json").out());
    assertThat(one.select("section.category")).isNotEmpty();
    assertThat(one.select("section.outcomes")).isEmpty();
    Path array = dir.resolve("two.json");
    Files.writeString(
        array,
        "["
            + Files.readString(Path.of("samples/daca-may-fit.json"))
            + ","
            + Files.readString(Path.of("samples/veteran-wartime-service.json"))
            + "]");
    Document two = Jsoup.parse(html(array.toString()).out());
    assertThat(two.select("section.category")).isEmpty();
    assertThat(two.selectFirst("dd.screened").text()).isEqualTo("2");
    assertThat(two.select("figure.chart svg")).hasSize(1);
  }

  @Test
  void anHtmlFileNameChoosesTheFormat() throws IOException {
    Path out = dir.resolve("report.htm");
    CliRun r =
        run("screen", "samples/daca-may-fit.json", "--as-of", "2026-11-28", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void theSummaryListsTheFirstRowsInErrorAndCountsTheRest() throws IOException {
    StringBuilder lines =
        new StringBuilder(Files.readString(Path.of("samples/daca-may-fit.json")).replace("\n", " "))
            .append('\n');
    int bad = org.homeward.batch.HtmlSummarySink.ERRORS_LISTED + 3;
    for (int i = 0; i < bad; i++) {
      lines.append("{\"id\": \"bad-").append(i).append("\", \"birth_date\": \"31/12/1994\"}\n");
    }
    Path jsonl = dir.resolve("many-bad.jsonl");
    Files.writeString(jsonl, lines);
    CliRun r = html(jsonl.toString());
    assertThat(r.code()).isEqualTo(1);
    Document doc = Jsoup.parse(r.out());
    assertThat(doc.select("table.errors tbody tr"))
        .hasSize(org.homeward.batch.HtmlSummarySink.ERRORS_LISTED);
    assertThat(doc.select("section.errors p").text()).contains("3 more rows");
    assertThat(doc.selectFirst("dd.errors").text()).isEqualTo(String.valueOf(bad));
    assertThat(r.err()).contains("the page lists the first 200");
  }

  @Test
  void spanishPagesUseSpanishWords() {
    Document doc = Jsoup.parse(html("samples/daca-may-fit.json", "--lang", "es").out());
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("es");
    assertThat(doc.selectFirst("section.overview h2").text()).isEqualTo("Resultados de un vistazo");
    assertThat(doc.select(".badge.may_fit").first().text()).contains("PODRÍA CALIFICAR");
    Document en = Jsoup.parse(html("samples/daca-may-fit.json").out());
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String csv(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
