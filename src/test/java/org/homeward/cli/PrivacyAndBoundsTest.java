package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No personal data in messages, and files that only name settings (--map, --from) are bounded. */
class PrivacyAndBoundsTest {
  private static final String NAME = "Zacarias Quispe";
  private static final String A_NUMBER = "A099887766";
  private static final String BORN = "1987-31-14";
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void validationMessagesNameTheFieldAndWhatWasExpectedNeverTheValue() throws IOException {
    // given: a name, an A-number and a birth date in fields where they do not belong
    Path json =
        Files.writeString(
            dir.resolve("p.jsonl"),
            "{\"id\":\"p1\",\"birth_date\":\""
                + NAME
                + "\","
                + "\"currently_in_us\":\""
                + A_NUMBER
                + "\",\"entries\":[{\"date\":\""
                + BORN
                + "\",\"manner\":\""
                + NAME
                + "\",\"age_at_entry\":\""
                + A_NUMBER
                + "\"}]}\n{\"id\":\"p2\",\"birth_date\":"
                + A_NUMBER.substring(1)
                + "}\n");
    for (String format : new String[] {"csv", "jsonl", "text"}) {
      // when
      CliRun r = run("screen", json.toString(), "--format", format, "--as-of", "2026-11-28");
      // then
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.err() + r.out())
          .contains("at birth_date: is not a date")
          .contains("entries[0].manner")
          .doesNotContain("Zacarias")
          .doesNotContain(A_NUMBER)
          .doesNotContain(A_NUMBER.substring(1))
          .doesNotContain(BORN);
    }
  }

  @Test
  void internalErrorTextNeverCarriesTheExceptionsMessage() {
    StringWriter err = new StringWriter();
    Io io =
        new Io(
            null,
            new PrintWriter(Writer.nullWriter()),
            null,
            new PrintWriter(err, true),
            Map.of(),
            false,
            LocalDate.now());
    int code =
        Main.handle(new IllegalStateException("could not build " + NAME + " " + A_NUMBER), io);
    assertThat(code).isEqualTo(70);
    assertThat(err.toString())
        .contains("internal error (IllegalStateException")
        .doesNotContain(NAME)
        .doesNotContain(A_NUMBER);
  }

  @Test
  void aHugeMappingFileIsRefusedNotHeldInMemory() throws IOException {
    Path map = dir.resolve("map.yaml");
    try (Writer w = Files.newBufferedWriter(map)) {
      w.write("columns:\n  X: \"");
      char[] chunk = new char[1 << 16];
      java.util.Arrays.fill(chunk, 'a');
      for (int i = 0; i < 64; i++) {
        w.write(chunk);
      }
      w.write("\"\n");
    }
    Path csv = Files.writeString(dir.resolve("in.csv"), "id\nx\n");
    CliRun r = run("screen", csv.toString(), "--map", map.toString(), "--format", "csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("longer than 1024 KB");
  }

  @Test
  void aHugeFileGivenToFromIsRefused() throws IOException {
    Path from = dir.resolve("p.json");
    Files.write(from, new byte[2 << 20]);
    CliRun r = run("interview", "--from", from.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("larger than 1 MB");
  }
}
