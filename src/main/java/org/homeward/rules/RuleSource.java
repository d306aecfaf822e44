package org.homeward.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where rule files are read from: a directory, or the rule set bundled in the jar. */
public interface RuleSource {

  /**
   * The largest rule file read (the YAML reader's own limit is the same); a larger one is refused,
   * not loaded.
   */
  long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** The text of a file relative to the rule set's root, or null when there is none. */
  String read(String relative) throws IOException;

  /** How a file is named in messages, e.g. {@code rules/daca/rule.yaml}. */
  String name(String relative);

  /** Whether the file is stored as JSON rather than YAML (the bundled copy is). */
  default boolean isJson(String relative) {
    return false;
  }

  /**
   * The sub-folders of the root, for spotting categories missing from the manifest; empty if
   * unknown.
   */
  List<String> folders() throws IOException;

  /** A rule set in a directory. */
  static RuleSource directory(Path root) {
    return new RuleSource() {
      @Override
      public String read(String relative) throws IOException {
        Path p = root.resolve(relative);
        if (!Files.isRegularFile(p)) {
          return null;
        }
        if (Files.size(p) > MAX_FILE_BYTES) {
          throw new IOException(
              "it is larger than "
                  + MAX_FILE_BYTES / (1024 * 1024)
                  + " MB, more than any rule file needs; check that the right file is in the rule set");
        }
        return Files.readString(p, StandardCharsets.UTF_8);
      }

      @Override
      public String name(String relative) {
        return root.resolve(relative).toString();
      }

      @Override
      public List<String> folders() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
          return s.filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .sorted()
              .toList();
        }
      }
    };
  }

  /** The rule set bundled as resources under {@code rules/}. */
  static RuleSource bundled() {
    return new RuleSource() {
      @Override
      public String read(String relative) throws IOException {
        String text = resource(jsonName(relative));
        return text != null ? text : resource(relative);
      }

      @Override
      public boolean isJson(String relative) {
        return RuleSource.class.getClassLoader().getResource("rules/" + jsonName(relative)) != null;
      }

      private String jsonName(String relative) {
        return relative.endsWith(".yaml")
            ? relative.substring(0, relative.length() - 5) + ".json"
            : relative;
      }

      private String resource(String relative) throws IOException {
        try (InputStream in =
            RuleSource.class.getClassLoader().getResourceAsStream("rules/" + relative)) {
          return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }

      @Override
      public String name(String relative) {
        return "rules/" + relative;
      }

      @Override
      public List<String> folders() {
        return List.of();
      }
    };
  }
}
