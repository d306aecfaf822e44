package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the command line: each folder under src/test/resources/golden holds {@code args}
 * (one argument per line), optionally {@code stdin}, and the expected {@code stdout}, {@code
 * stderr} and {@code exit}. {@code mvn test -Dgolden.update=true} rewrites them; review the diff
 * (refused when the environment variable CI is set). Cases whose output depends on the rules'
 * wording run against the small fixture rule set in src/test/resources/fixture-rules; those named
 * bundled-* are about the bundled rules themselves.
 */
class CliGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /**
   * The update mode rewrites the expected files; in CI that would make every case pass, so it is
   * refused there.
   */
  static void refuseUpdateInCi(boolean update, Map<String, String> env) {
    String ci = env.get("CI");
    if (update && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      throw new IllegalStateException(
          "-Dgolden.update=true is refused when CI is set: golden files are rewritten by a "
              + "person, whose diff is reviewed, never by a CI run");
    }
  }

  @Test
  void theUpdateModeIsRefusedInCi() {
    assertThatThrownBy(() -> refuseUpdateInCi(true, Map.of("CI", "true")))
        .hasMessageContaining("refused");
    refuseUpdateInCi(true, Map.of());
    refuseUpdateInCi(false, Map.of("CI", "true"));
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseMatches() throws IOException {
    refuseUpdateInCi(UPDATE, System.getenv());
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private static void check(Path dir) throws IOException {
    // given
    List<String> args =
        Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isEmpty())
            .toList();
    Path stdinFile = dir.resolve("stdin");
    byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : new byte[0];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // when
    int code =
        Main.run(
            args.toArray(String[]::new),
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            false,
            LocalDate.of(2026, 11, 28));
    String actualOut = normalise(out.toString(StandardCharsets.UTF_8));
    String actualErr = normalise(err.toString(StandardCharsets.UTF_8));
    // then
    if (UPDATE) {
      Files.writeString(dir.resolve("stdout"), actualOut);
      Files.writeString(dir.resolve("stderr"), actualErr);
      Files.writeString(dir.resolve("exit"), code + "\n");
      return;
    }
    assertThat(actualOut)
        .as("stdout of %s", dir)
        .isEqualTo(Files.readString(dir.resolve("stdout")));
    assertThat(actualErr)
        .as("stderr of %s", dir)
        .isEqualTo(Files.readString(dir.resolve("stderr")));
    assertThat(code + "\n")
        .as("exit code of %s", dir)
        .isEqualTo(Files.readString(dir.resolve("exit")));
  }

  /** Only the rule-set hash changes with every rule edit; everything else must match exactly. */
  private static String normalise(String s) {
    return s.replaceAll("\\+[0-9a-f]{12}", "+<hash>").replace("\r\n", "\n");
  }
}
