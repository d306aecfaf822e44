package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One place tells a format from a file's name, for inputs and outputs alike. */
class FormatTest {
  @Test
  void inputsAreToldByTheirExtensionWhateverItsCase() {
    assertThat(Format.ofInput("people.CSV")).isEqualTo(Format.CSV);
    assertThat(Format.ofInput("export.tsv")).isEqualTo(Format.CSV);
    assertThat(Format.ofInput("export.txt"))
        .as("a .txt input is a tab-separated export")
        .isEqualTo(Format.CSV);
    assertThat(Format.ofInput("people.xlsx")).isEqualTo(Format.XLSX);
    assertThat(Format.ofInput("people.ndjson")).isEqualTo(Format.JSONL);
    assertThat(Format.ofInput("dir.v2/person.json")).isEqualTo(Format.JSON);
    assertThat(Format.ofInput("dir.v2/person")).isNull();
    assertThat(Format.ofInput("old.xls")).isNull();
    assertThat(Format.ofInput("page.html")).as("people are not read from pages").isNull();
  }

  @Test
  void outputsAreToldByTheirExtension() {
    assertThat(Format.ofOutput("report.txt"))
        .as("a .txt output is a text report")
        .isEqualTo(Format.TEXT);
    assertThat(Format.ofOutput("page.HTM")).isEqualTo(Format.HTML);
    assertThat(Format.ofOutput("results.xlsx")).isEqualTo(Format.XLSX);
    assertThat(Format.ofOutput("results")).isNull();
  }

  @Test
  void wordsNameFormatsAndListThemForMessages() {
    assertThat(Format.named("JSONL")).isEqualTo(Format.JSONL);
    assertThat(Format.named("pdf")).isNull();
    assertThat(Format.inputWords()).isEqualTo("json, jsonl, csv or xlsx");
    assertThat(Format.outputWords()).isEqualTo("text, html, json, jsonl, csv or xlsx");
  }

  @Test
  void batchesAreSheetsAndJsonLines() {
    assertThat(Format.rowExtensions())
        .containsExactly("jsonl", "ndjson", "csv", "tsv", "txt", "xlsx");
    for (String extension : Format.rowExtensions()) {
      assertThat(Format.ofInput("x." + extension).rows()).isTrue();
    }
    assertThat(Format.JSON.rows()).as("a .json file is usually one person").isFalse();
  }
}
