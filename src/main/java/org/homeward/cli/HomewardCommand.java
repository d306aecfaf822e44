package org.homeward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;

/** The top-level {@code homeward} command. */
@Command(
    name = "homeward",
    mixinStandardHelpOptions = true,
    versionProvider = HomewardCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Screens people deported from the United States for the ways they might come back.",
      "For each return category it says: may fit, needs information (and which facts to ask), "
          + "or does not fit (and why), with the criteria, next steps and legal citations.",
      "A screening aid for lawyers and accredited representatives, never legal advice. "
          + "Offline: no data leaves this machine.",
      "",
      "Start with:  homeward screen samples/daca-may-fit.json",
      "A person:    homeward interview -o person.json   (--lang es: en español)",
      "A sheet:     homeward screen samples/intake.csv -o results.xlsx",
      "Then:        homeward screen --help"
    },
    subcommands = {
      ScreenCommand.class,
      InterviewCommand.class,
      TemplateCommand.class,
      RulesCommand.class,
      SchemaCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class HomewardCommand {

  /** Reads the version written into the jar at build time. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("/homeward.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"homeward " + p.getProperty("version", "unknown")};
    }
  }
}
