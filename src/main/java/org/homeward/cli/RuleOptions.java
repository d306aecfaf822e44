package org.homeward.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.document.ProblemException;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by the commands that load a rule set. */
final class RuleOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Rule set directory (default: the rule set bundled in the program, built from rules/).")
  Path dir;

  RuleSource source() {
    if (dir == null) {
      return RuleSource.bundled();
    }
    if (!Files.isDirectory(dir)) {
      throw new ProblemException(
          ProblemException.Kind.USAGE,
          Diagnostic.error(
              Location.of(dir.toString()),
              "no such rule directory; give the folder that holds ruleset.yaml"));
    }
    return RuleSource.directory(dir);
  }

  RuleSet load() {
    return RuleLoader.load(source());
  }
}
