package io.harakalint.cli;

import io.harakalint.load.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint install-hook}: a git pre-commit hook for people without the pre-commit framework. */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
    description = "Write .git/hooks/pre-commit to run 'haraka-lint check --staged' before every commit.")
final class InstallHookCommand implements Callable<Integer> {
  /** Marks hooks this command wrote, so it only replaces its own without --force. */
  static final String MARKER = "# installed by haraka-lint install-hook";

  @Parameters(paramLabel = "REPO", arity = "0..1", description = "the repository (default: .)")
  Path repo = Path.of(".");

  @Option(names = "--force", description = "replace an existing pre-commit hook that haraka-lint did not write")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path hooks = hooksDir(repo);
    Path hook = hooks.resolve("pre-commit");
    try {
      if (Files.exists(hook) && !force && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER)) {
        throw new UserError(hook + " exists and was not written by haraka-lint; keep it, call haraka-lint from it, or use --force");
      }
      Files.createDirectories(hooks);
      Path tmp = Files.createTempFile(hooks, ".pre-commit", ".tmp");
      Files.writeString(tmp, script(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError(hook + ": cannot be written (" + e.getClass().getSimpleName() + ")");
    }
    spec.commandLine().getOut().println("haraka-lint: installed " + hook);
    return ExitCode.OK;
  }

  private static Path hooksDir(Path repo) {
    Path git = repo.resolve(".git");
    if (Files.isDirectory(git)) return git.resolve("hooks");
    if (Files.isRegularFile(git)) throw new UserError(repo + ": .git is a file (worktree or submodule); install the hook in the main repository");
    throw new UserError(repo + ": no .git folder here; run install-hook at the top of the repository");
  }

  private static String script() {
    String launcher = launcherPath();
    return "#!/bin/sh\n" + MARKER + "\n"
        + "# Lints what the commit will contain (the index), only for Haraka trees the commit touches.\n"
        + "exec " + launcher + " check --staged \"$@\"\n";
  }

  /** The launcher this jar was started from, if known (HARAKA_LINT_HOME), else haraka-lint on PATH. */
  private static String launcherPath() {
    String home = System.getenv("HARAKA_LINT_HOME");
    if (home != null && !home.isBlank()) return "'" + home.replace("'", "'\\''") + "/bin/haraka-lint'";
    return "haraka-lint";
  }
}
