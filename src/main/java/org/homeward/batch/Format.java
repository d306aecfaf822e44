package org.homeward.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formats Homeward reads and writes, and the one place that tells a format from a file's name:
 * the command line, the reader and sink factories and the launcher's choice of JVM flags (through
 * the list {@link LauncherList} writes at build time) all ask here.
 */
public enum Format {
  TEXT(List.of(), List.of("txt", "text")),
  HTML(List.of(), List.of("html", "htm")),
  JSON(List.of("json"), List.of("json")),
  JSONL(List.of("jsonl", "ndjson"), List.of("jsonl", "ndjson")),
  // A .txt input is a sheet (a tab-separated export); a .txt output is a text report.
  CSV(List.of("csv", "tsv", "txt"), List.of("csv", "tsv")),
  XLSX(List.of("xlsx"), List.of("xlsx"));

  private final List<String> reads;
  private final List<String> writes;

  Format(List<String> reads, List<String> writes) {
    this.reads = reads;
    this.writes = writes;
  }

  /** The format's name on the command line: {@code text}, {@code jsonl}, {@code xlsx}... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether people can be read from this format. */
  public boolean readable() {
    return !reads.isEmpty();
  }

  /**
   * Whether an input in this format is a batch of rows read in bulk (a sheet or JSON Lines), for
   * which the launcher starts the JVM with the full JIT rather than the quick one-person flags.
   */
  public boolean rows() {
    return this == JSONL || this == CSV || this == XLSX;
  }

  /** Whether the output is a result sheet: one row of cells per input row. */
  public boolean sheet() {
    return this == CSV || this == XLSX;
  }

  /**
   * The format a word names ({@code --format}, {@code --input-format}), whatever its case; null
   * when none.
   */
  public static Format named(String word) {
    for (Format f : values()) {
      if (f.word().equals(word.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /** The format an input file's name says ({@code people.csv}: CSV), or null when it says none. */
  public static Format ofInput(String fileName) {
    String ext = extension(fileName);
    for (Format f : values()) {
      if (f.reads.contains(ext)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The format an output file's name says ({@code results.xlsx}: XLSX), or null when it says none.
   */
  public static Format ofOutput(String fileName) {
    String ext = extension(fileName);
    for (Format f : values()) {
      if (f.writes.contains(ext)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The words of the formats people can be read from, for messages: {@code json, jsonl, csv or
   * xlsx}.
   */
  public static String inputWords() {
    return words(values(), true);
  }

  /** The words of every output format, for messages. */
  public static String outputWords() {
    return words(values(), false);
  }

  /**
   * The input extensions of the formats read as batches of rows ({@link #rows()}), lower case, in
   * enum order.
   */
  public static List<String> rowExtensions() {
    List<String> out = new ArrayList<>();
    for (Format f : values()) {
      if (f.rows()) {
        f.reads.stream().filter(e -> !out.contains(e)).forEach(out::add);
      }
    }
    return out;
  }

  private static String words(Format[] formats, boolean inputs) {
    List<String> w = new ArrayList<>();
    for (Format f : formats) {
      if (!inputs || f.readable()) {
        w.add(f.word());
      }
    }
    return String.join(", ", w.subList(0, w.size() - 1)) + " or " + w.get(w.size() - 1);
  }

  private static String extension(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    int dot = name.lastIndexOf('.');
    return dot <= slash ? "" : name.substring(dot + 1);
  }
}
