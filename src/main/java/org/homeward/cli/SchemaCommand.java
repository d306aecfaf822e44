package org.homeward.cli;

import java.util.concurrent.Callable;
import org.homeward.facts.JsonSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code homeward schema}: prints the JSON Schema of the person file, derived from the fact
 * catalogue.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema of the person file (every fact, its type and allowed values).",
      "It is derived from the fact catalogue rules/facts.yaml, like the reader's checks."
    })
final class SchemaCommand implements Callable<Integer> {
  private final Io io;
  @Mixin RuleOptions rules;

  SchemaCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().print(JsonSchema.of(rules.load().facts()));
    return ExitCode.OK.code();
  }
}
