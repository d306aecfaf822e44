package org.homeward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.homeward.document.Node;
import org.homeward.document.NodeReader;
import org.homeward.person.Person;
import org.homeward.person.PersonBuilder;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;

/** Shared test fixtures: the working tree's rule set, loaded once, and persons from JSON text. */
public final class Fixtures {
  public static final Path RULES_DIR = Path.of("rules");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RuleSet rules;

  private Fixtures() {}

  /** Copies a directory tree (a rule set) into {@code to}, which may not exist yet. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a directory tree. */
  public static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public static synchronized RuleSet rules() {
    if (rules == null) {
      rules = RuleLoader.load(RuleSource.directory(RULES_DIR));
    }
    return rules;
  }

  /** A person from JSON text (single quotes allowed for readability); fails the test if invalid. */
  public static Person person(String json) {
    Node node = NodeReader.readJson(new StringReader(json.replace('\'', '"')), "test.json");
    PersonBuilder.Result r = new PersonBuilder(rules().facts()).build(node, "test");
    if (!r.ok()) {
      throw new AssertionError("invalid test person: " + r.problems().get(0).render());
    }
    return r.person();
  }

  /** A person from a generated map of facts; fails the test if invalid. */
  public static Person person(Map<String, Object> facts) {
    try {
      return person(JSON.writeValueAsString(facts));
    } catch (JsonProcessingException e) {
      throw new AssertionError("test person not writable as JSON", e);
    }
  }
}
