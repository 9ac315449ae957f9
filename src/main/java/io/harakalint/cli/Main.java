package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.ToolVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Only {@link #main} calls System.exit; tests call {@link #run}. */
@Command(name = "haraka-lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Lint Haraka SMTP server configuration before it reaches a mail server.",
    subcommands = {CheckCommand.class, DiffCommand.class, BaselineCommand.class, RulesCommand.class, ExplainCommand.class,
        InstallHookCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing at or above --fail-on",
        "1:findings at or above --fail-on",
        "2:usage error or unusable input (not a Haraka tree, nothing readable)",
        "3:internal error (a bug: rerun with --debug and report it)"})
public final class Main {
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs the CLI with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // No option takes a date, time or SQL type; picocli's documented switch skips registering those
    // converters, whose reflective look-ups load ~80 JDK classes and the time-zone database at start-up.
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
    }
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> t instanceof UserError || t instanceof CommandLine.ParameterException
        ? ExitCode.USAGE : ExitCode.INTERNAL);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof UserError) {
        e.println("haraka-lint: " + ex.getMessage());
        return ExitCode.USAGE;
      }
      boolean debug = parseResult.originalArgs().contains("--debug");
      e.println("haraka-lint: internal error: " + ex.getClass().getSimpleName()
          + (debug ? "" : " (rerun with --debug for details, and please report it)"));
      if (debug) ex.printStackTrace(e);
      return ExitCode.INTERNAL;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** picocli's --version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"haraka-lint " + ToolVersion.get()};
    }
  }
}
