package org.homeward.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.homeward.document.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result workbook past Excel's row limit goes on in sheets "Results 2", "Results 3"...: reading
 * it (for {@code --compare}) reads every page, in order, and refuses a page whose header differs.
 */
class PlainSheetPagesTest {
  @TempDir Path dir;

  private Path workbook(List<String> secondHeader) throws IOException {
    Path file = dir.resolve("results.xlsx");
    try (OutputStream os = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(os, "test", "1.0");
      page(wb.newWorksheet("Results"), List.of("row", "id", "leads", "error"), 1, 3);
      page(wb.newWorksheet("Results 2"), secondHeader, 4, 2);
      page(wb.newWorksheet("Summary"), List.of("what", "count"), 0, 0);
      wb.finish();
    }
    return file;
  }

  private static void page(Worksheet ws, List<String> header, int first, int rows) {
    for (int c = 0; c < header.size(); c++) {
      ws.inlineString(0, c, header.get(c));
    }
    for (int r = 0; r < rows; r++) {
      ws.value(r + 1, 0, first + r);
      ws.inlineString(r + 1, 1, "id-" + (first + r));
    }
  }

  @Test
  void readsEveryPageOfTheResultsInOrder() throws IOException {
    Path file = workbook(List.of("row", "id", "leads", "error"));
    List<String> ids = new ArrayList<>();
    try (PlainSheet sheet = PlainSheet.xlsx(file.toFile(), "results.xlsx", "Results")) {
      assertThat(sheet.header()).containsExactly("row", "id", "leads", "error");
      for (PlainSheet.Row row = sheet.next(); row != null; row = sheet.next()) {
        ids.add(row.cells()[1]);
      }
    }
    assertThat(ids).containsExactly("id-1", "id-2", "id-3", "id-4", "id-5");
  }

  @Test
  void refusesAPageWithAnotherHeader() throws IOException {
    Path file = workbook(List.of("row", "id", "error"));
    try (PlainSheet sheet = PlainSheet.xlsx(file.toFile(), "results.xlsx", "Results")) {
      sheet.header();
      assertThatThrownBy(
              () -> {
                while (sheet.next() != null) {
                  // reads on to the second page
                }
              })
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("Results 2")
          .hasMessageContaining("header");
    }
  }
}
