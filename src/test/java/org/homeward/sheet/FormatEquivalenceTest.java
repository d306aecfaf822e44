package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.homeward.PopulationGenerator;
import org.homeward.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same people as a JSON array, JSON Lines, CSV and XLSX screen to identical results. */
class FormatEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static List<Map<String, Object>> people;
  private static List<JsonNode> expected;

  @BeforeAll
  static void writeEveryFormat() throws IOException {
    people = new ArrayList<>();
    try (Stream<Path> samples = Files.list(Path.of("samples"))) {
      for (Path p : samples.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        people.add(SheetFixtures.parse(Files.readString(p)));
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 120; i++) {
      Map<String, Object> p = PopulationGenerator.person(random);
      p.put("id", "gen-" + i);
      people.add(p);
    }
    Files.writeString(dir.resolve("people.json"), SheetFixtures.json(people));
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> p : people) {
      lines.append(SheetFixtures.json(p)).append('\n');
    }
    Files.writeString(dir.resolve("people.jsonl"), lines);
    List<Map<String, String>> rows = people.stream().map(SheetFixtures::flatten).toList();
    List<String> header = SheetFixtures.header(rows);
    SheetFixtures.writeCsv(dir.resolve("people.csv"), header, rows);
    SheetFixtures.writeXlsx(dir.resolve("people.xlsx"), header, rows);
    expected = screen("people.json");
  }

  private static List<JsonNode> screen(String file) throws IOException {
    CliRun run =
        CliRun.of(
            "screen",
            dir.resolve(file).toString(),
            "--format",
            "jsonl",
            "--as-of",
            "2026-11-28",
            "-q");
    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> docs = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      ObjectNode doc = (ObjectNode) JSON.readTree(line);
      doc.remove("row");
      doc.remove("source");
      docs.add(doc);
    }
    return docs;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"people.jsonl", "people.csv", "people.xlsx"})
  void everyFormatScreensTheSamePeopleAlike(String file) throws IOException {
    List<JsonNode> got = screen(file);
    assertThat(got).hasSize(people.size());
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i))
          .as("person %d (%s) from %s", i, expected.get(i).get("id"), file)
          .isEqualTo(expected.get(i));
    }
  }
}
