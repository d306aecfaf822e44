package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} writes where it was told or says why not: never over the input, a folder, a device or
 * a link.
 */
class OutputSafetyTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path csv() throws IOException {
    return Files.writeString(dir.resolve("in.csv"), "id,birth_date\na,1990\n");
  }

  @Test
  void theInputFileIsNeverOverwritten() throws IOException {
    Path in = csv();
    CliRun r = run("screen", in.toString(), "-o", in.toString(), "--format", "csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is the input file");
    assertThat(Files.readString(in)).isEqualTo("id,birth_date\na,1990\n");
  }

  @Test
  void aFolderADeviceAndASymbolicLinkAreRefused() throws IOException {
    Path in = csv();
    assertThat(run("screen", in.toString(), "-o", dir.toString()).err()).contains("is a folder");
    assumeTrue(Files.exists(Path.of("/dev/null")));
    CliRun dev = run("screen", in.toString(), "-o", "/dev/null", "--format", "csv");
    assertThat(dev.code()).isEqualTo(2);
    assertThat(dev.err()).contains("not a regular file");
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("target.csv");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), elsewhere);
    CliRun linked = run("screen", in.toString(), "-o", link.toString());
    assertThat(linked.code()).isEqualTo(2);
    assertThat(linked.err()).contains("is a symbolic link");
    assertThat(elsewhere).doesNotExist();
  }

  @Test
  void aFifoIsRefused() throws Exception {
    Path in = csv();
    Path fifo = dir.resolve("pipe.csv");
    assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is there");
    CliRun r = run("screen", in.toString(), "-o", fifo.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a regular file (a device or a pipe)");
  }

  @Test
  void aMissingFolderOrAFolderWithoutPermissionIsSaidPlainly() throws IOException {
    Path in = csv();
    CliRun missing = run("screen", in.toString(), "-o", dir.resolve("nope/out.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("the folder")
        .contains("does not exist")
        .doesNotContain(".part");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    assumeTrue(!Files.isWritable(locked), "root may write anywhere");
    CliRun denied = run("screen", in.toString(), "-o", locked.resolve("out.csv").toString());
    assertThat(denied.err()).contains("no permission to write");
  }

  @Test
  void aWriteThatFailsHasItsOwnExitCode() {
    assertThat(
            Main.handle(
                new OutputFailed(
                    "cannot write x.csv: the disk is full", new IOException("No space left")),
                new Io(
                    null,
                    new java.io.PrintWriter(new java.io.StringWriter()),
                    null,
                    new java.io.PrintWriter(new java.io.StringWriter()),
                    Map.of(),
                    false,
                    LocalDate.now())))
        .isEqualTo(ExitCode.OUTPUT.code())
        .isEqualTo(5);
  }

  @Test
  void anOutputExtensionThatDoesNotMatchTheFormatIsRefused() throws IOException {
    Path in = csv();
    CliRun r =
        run("screen", in.toString(), "--format", "json", "-o", dir.resolve("out.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--format json does not match the -o file's extension");
    assertThat(run("template", "--format", "csv", "-o", dir.resolve("t.xlsx").toString()).code())
        .isEqualTo(2);
  }

  @Test
  void temporaryFilesLeftByAKilledRunAreRemovedByTheNextRunWritingThere() throws IOException {
    // given: what a killed run leaves (a process that no longer exists; an older name without one)
    Path in = csv();
    Path dead = Files.writeString(dir.resolve(".out.csv.999999999-123.part"), "personal data");
    Path old = Files.writeString(dir.resolve(".out.csv.4567.part"), "personal data");
    Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Path other =
        Files.writeString(dir.resolve(".other.csv.999999999-1.part"), "not ours to remove");
    // when
    CliRun r =
        run(
            "screen",
            in.toString(),
            "-o",
            dir.resolve("out.csv").toString(),
            "--as-of",
            "2026-11-28");
    // then
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dead).doesNotExist();
    assertThat(old).doesNotExist();
    assertThat(other).exists();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("in.csv", "out.csv", ".other.csv.999999999-1.part");
    }
  }

  @Test
  void quietPrintsNothingOnSuccess() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,birth_date,Notes\na,1990,x\n");
    CliRun r = run("screen", in.toString(), "-q", "--format", "csv", "--as-of", "2026-11-28");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aBatchAsJsonIsOneValidJsonArray() throws Exception {
    Path in =
        Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\"}\n{\"id\":\n{\"id\":\"c\"}\n");
    CliRun r = run("screen", in.toString(), "--format", "json", "--as-of", "2026-11-28", "-q");
    var doc =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(r.out());
    assertThat(doc.isArray()).isTrue();
    assertThat(doc).hasSize(3);
    assertThat(doc.get(1).get("errors").get(0).get("location").asText()).endsWith("in.jsonl:2:7");
  }

  @Test
  void theTextOutputListsTheRowsInError() throws IOException {
    Path in =
        Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\"}\n{\"birth_date\":\"soon\"}\n");
    CliRun r = run("screen", in.toString(), "--as-of", "2026-11-28", "-q");
    assertThat(r.out())
        .contains("Homeward screening: a")
        .contains("Could not be screened: line 2")
        .contains("at birth_date: is not a date");
  }

  @Test
  void textReportsStripTerminalEscapesFromNamesAndIds() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("p.json"),
            "{\"id\":\"x\\u001b[2J\\u001b]0;pwned\\u0007y\","
                + "\"name\":\"A\\u001b[31mB\\u009b1m\"}");
    CliRun r = run("screen", in.toString(), "--as-of", "2026-11-28");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Homeward screening: xy")
        .contains("Name: AB")
        .doesNotContain("\u001b")
        .doesNotContain("\u009b");
  }
}
