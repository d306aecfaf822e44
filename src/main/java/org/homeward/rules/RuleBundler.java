package org.homeward.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.homeward.document.Diagnostic;
import org.homeward.document.ProblemException;

/**
 * Build step: checks the rule set in a folder (the build fails on any error) and writes a JSON copy
 * of every YAML file beside the bundled resources, with the rule set's version. JSON loads several
 * times faster than YAML, which is most of a one-person run's start-up.
 */
public final class RuleBundler {
  private RuleBundler() {}

  /** {@code RuleBundler SRC_DIR OUT_DIR}. */
  public static void main(String[] args) throws IOException {
    Path src = Path.of(args[0]);
    Path out = Path.of(args[1]);
    RuleSet rules;
    try {
      rules = RuleLoader.load(RuleSource.directory(src));
    } catch (ProblemException e) {
      e.diagnostics().stream().map(Diagnostic::render).forEach(System.err::println);
      throw new IllegalStateException(
          "the rule set in " + src + " is invalid; run 'homeward rules check " + src + "'");
    }
    YAMLMapper yaml = new YAMLMapper();
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(src)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode tree = yaml.readTree(file.toFile());
      String name = src.relativize(file).toString().replace('\\', '/');
      Path target = out.resolve(name.substring(0, name.length() - ".yaml".length()) + ".json");
      Files.createDirectories(target.getParent());
      json.writeValue(target.toFile(), tree);
    }
    Files.writeString(out.resolve("version.txt"), rules.version());
  }
}
