package org.homeward.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes, at build time, the list of input extensions the launcher ({@code ./homeward}) reads to
 * decide, before Java starts, whether a run is a batch: one extension a line, from {@link Format},
 * so that the script and the program can never disagree about which files are sheets.
 */
public final class LauncherList {
  /** Where the build writes the list, relative to the build directory ({@code target/}). */
  public static final String FILE = "launcher/batch-extensions";

  private LauncherList() {}

  /** The file's lines: a comment saying where they come from, then the extensions. */
  public static List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        "# Written by the build from org.homeward.batch.Format: the input extensions read as batches of rows.");
    out.add(
        "# ./homeward reads it to start batches with the full JIT. Do not edit; rebuild instead.");
    out.addAll(Format.rowExtensions());
    return out;
  }

  /** {@code args[0]}: the build directory. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.write(file, lines(), StandardCharsets.UTF_8);
  }
}
