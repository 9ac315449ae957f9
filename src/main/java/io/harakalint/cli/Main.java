package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.ToolVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Only {@link #main} calls System.exit; tests call {@link #run}. */
@Command(name = "haraka-lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Lint Haraka SMTP server configuration before it reaches a mail server.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing at or above --fail-on",
        "1:findings at or above --fail-on",
        "2:usage error or unusable input (not a Haraka tree, nothing readable)",
        "3:internal error (a bug: rerun with --debug and report it)"})
public final class Main {
  /**
   * The subcommands, created on demand: picocli builds a command's model by reflection when it is
   * registered, so a run registers only the command it names (all of them for help or a typo).
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("check", CheckCommand::new);
    m.put("diff", DiffCommand::new);
    m.put("baseline", BaselineCommand::new);
    m.put("rules", RulesCommand::new);
    m.put("explain", ExplainCommand::new);
    m.put("install-hook", InstallHookCommand::new);
    m.put("fix", FixCommand::new);
    m.put("legacy-client", LegacyClientCommand::new);
    m.put("migrate", MigrateCommand::new);
    m.put("compat", CompatCommand::new);
    m.put("logs", LogsCommand::new);
    m.put("history", HistoryCommand::new);
    m.put("server", ServerCommand::new);
    return m;
  }

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
    String named = args.length > 0 ? args[0] : "";
    if (COMMANDS.containsKey(named)) {
      cl.addSubcommand(named, COMMANDS.get(named).get());
    } else {
      COMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
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
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only Exceptions to the handler above; an Error would end in a stack trace.
      err.println("haraka-lint: out of memory; give the JVM more heap, e.g. HARAKA_LINT_JAVA_OPTS=-Xmx2g");
      code = ExitCode.INTERNAL;
    } catch (StackOverflowError e) {
      // Hostile input must still end in one line and exit 3.
      boolean debug = java.util.Arrays.asList(args).contains("--debug");
      err.println("haraka-lint: internal error: " + e.getClass().getSimpleName()
          + (debug ? "" : " (rerun with --debug for details, and please report it)"));
      if (debug) e.printStackTrace(err);
      code = ExitCode.INTERNAL;
    }
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
