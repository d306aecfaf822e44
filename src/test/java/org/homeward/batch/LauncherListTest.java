package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./homeward}) decides before Java starts whether a run is a batch, from the
 * list the build writes out of {@link Format}: the list is the enum's, the script reads it and
 * keeps no list of its own, and its choice follows it.
 */
class LauncherListTest {
  private static final Path SCRIPT = Path.of("homeward");
  private static final String BATCH = "-XX:+UseParallelGC -XX:FreqInlineSize=100";
  @TempDir Path dir;

  @Test
  void theBuildWroteTheEnumsList() throws IOException {
    Path built = Path.of("target").resolve(LauncherList.FILE);
    assertThat(built).as("written by the build's process-classes phase").exists();
    assertThat(Files.readAllLines(built)).isEqualTo(LauncherList.lines());
    assertThat(Files.readAllLines(built).stream().filter(l -> !l.startsWith("#")).toList())
        .isEqualTo(Format.rowExtensions());
  }

  @Test
  void theScriptReadsTheBuildsListAndHasNoneOfItsOwn() throws IOException {
    String script = Files.readString(SCRIPT);
    assertThat(script).contains("target/" + LauncherList.FILE);
    assertThat(script).doesNotContainPattern("\\*\\.(csv|xlsx|jsonl|tsv)");
  }

  @Test
  void theScriptGivesBatchesTheFullJit() throws Exception {
    LauncherList.main(new String[] {dir.resolve("target").toString()});
    assertThat(flags("screen", "people.csv")).isEqualTo(BATCH);
    assertThat(flags("screen", "People.XLSX", "-o", "r.xlsx")).isEqualTo(BATCH);
    assertThat(flags("screen", "-", "--format", "jsonl")).isEqualTo(BATCH);
    assertThat(flags("screen", "export.txt")).isEqualTo(BATCH);
    assertThat(flags("screen", "person.json")).contains("TieredStopAtLevel=1");
    assertThat(flags("screen", "person.json", "-o", "results.csv"))
        .as("-o names an output")
        .contains("TieredStopAtLevel=1");
    assertThat(flags("screen", "person.json", "--output", "r.xlsx"))
        .contains("TieredStopAtLevel=1");
    assertThat(flags("rules", "list")).contains("TieredStopAtLevel=1");
  }

  @Test
  void theBatchFlagsStartThisJava() throws Exception {
    // A flag the JVM does not know would stop every batch before it began.
    LauncherList.main(new String[] {dir.resolve("target").toString()});
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(flags("screen", "people.csv").split(" ")));
    command.add("-version");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
  }

  /**
   * Runs the script's block that chooses the flags, with the list written into a scratch folder.
   */
  private String flags(String... args) throws Exception {
    String script = Files.readString(SCRIPT);
    String block =
        script.substring(
            script.indexOf("# begin batch flags"), script.indexOf("# end batch flags"));
    Path run = dir.resolve("run.sh");
    Files.writeString(
        run,
        "set -euo pipefail\nlist=\""
            + dir.resolve("target").resolve(LauncherList.FILE)
            + "\"\n"
            + block
            + "printf '%s' \"$opts\"\n");
    List<String> command = new ArrayList<>(List.of("bash", run.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
