package org.homeward.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.homeward.document.Diagnostic;
import org.homeward.document.ProblemException;
import picocli.CommandLine;

/** The program's entry point: wires the streams, runs the command, exits with what it returns. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code =
        run(args, System.in, out, err, System.getenv(), System.console() != null, LocalDate.now());
    out.flush();
    System.exit(code);
  }

  /** Runs a command line with the given streams and environment; returns the exit code. */
  public static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean terminal,
      LocalDate today) {
    PrintWriter o =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    PrintWriter e =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Io io = new Io(in, o, out, e, env, terminal, today);
    try {
      return commandLine(io).execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  static CommandLine commandLine(Io io) {
    CommandLine cl = new CommandLine(new HomewardCommand(), new Factory(io));
    cl.setOut(io.out());
    cl.setErr(io.err());
    cl.setExitCodeExceptionMapper(t -> ExitCode.USAGE.code());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          io.err().println("homeward: " + ex.getMessage());
          io.err()
              .println(
                  "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE.code();
        });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, io));
    Map<String, String> codes = new LinkedHashMap<>();
    for (String line : ExitCode.helpLines()) {
      int colon = line.indexOf(':');
      codes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    apply(cl, codes);
    return cl;
  }

  private static void apply(CommandLine cl, Map<String, String> codes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cl.getSubcommands().values().forEach(sub -> apply(sub, codes));
  }

  /**
   * Maps the exceptions of user mistakes to located messages and exit codes; never a stack trace
   * for those.
   */
  static int handle(Exception ex, Io io) {
    if (ex instanceof ProblemException p) {
      for (Diagnostic d : p.diagnostics()) {
        io.err().println(d.render());
      }
      int n = (int) p.diagnostics().stream().filter(Diagnostic::isError).count();
      return switch (p.kind()) {
        case INPUT -> {
          io.err()
              .println(
                  "homeward: the input could not be read ("
                      + n
                      + " problem"
                      + (n == 1 ? "" : "s")
                      + "); nothing was screened.");
          yield ExitCode.INPUT.code();
        }
        case RULES -> {
          io.err()
              .println(
                  "homeward: the rule set is invalid ("
                      + n
                      + " problem"
                      + (n == 1 ? "" : "s")
                      + "); run 'homeward rules check' for details.");
          yield ExitCode.RULES.code();
        }
        case USAGE -> ExitCode.USAGE.code();
      };
    }
    if (ex instanceof OutputFailed) {
      io.err().println("homeward: " + ex.getMessage() + "; nothing was written.");
      return ExitCode.OUTPUT.code();
    }
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
      io.err().println("homeward: " + ex.getMessage());
      return ExitCode.INPUT.code();
    }
    // The exception's message may quote the input (a name, an A-number): only its kind and where it
    // arose are shown.
    StackTraceElement where =
        java.util.Arrays.stream(ex.getStackTrace())
            .filter(f -> f.getClassName().startsWith("org.homeward."))
            .findFirst()
            .orElse(null);
    io.err()
        .println(
            "homeward: internal error ("
                + ex.getClass().getSimpleName()
                + (where == null
                    ? ""
                    : " at "
                        + where.getClassName().replace("org.homeward.", "")
                        + "."
                        + where.getMethodName()
                        + ":"
                        + where.getLineNumber())
                + "). This is a bug; please report it with the command you ran (not the person's data).");
    return ExitCode.INTERNAL.code();
  }

  /** Builds commands with the run's streams. */
  private record Factory(Io io) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Io.class).newInstance(io);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
