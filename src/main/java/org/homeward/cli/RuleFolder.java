package org.homeward.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The rule set a {@code rules} subcommand works on: a folder given as its argument, or with {@code
 * --rules}, or else the bundled one.
 */
final class RuleFolder {
  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "Rule set directory (default: the bundled rule set).")
  Path dir;

  @Mixin RuleOptions options;

  /** The {@code --rules} options, with the folder argument (when given) taking its place. */
  RuleOptions options() {
    if (dir != null) {
      options.dir = dir;
    }
    return options;
  }
}
