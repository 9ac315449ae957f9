package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.policy.Baseline;
import io.harakalint.report.LintReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint baseline}: record today's findings so that {@code check --baseline} reports only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write the fingerprints of the current findings (waived ones included) to a baseline file.")
final class BaselineCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Haraka root or config folder (default: .)")
  String path = ".";

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: ${DEFAULT-VALUE})",
      defaultValue = ".haraka-lint-baseline.json")
  Path output;

  @Mixin
  TreeOptions tree;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    LintReport report = tree.pipeline(null).run(path);
    Path tmp = null;
    try {
      Path dir = output.toAbsolutePath().getParent();
      tmp = Files.createTempFile(dir, ".baseline", ".tmp");
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
        Baseline.write(report.findings(), w);
      }
      OutputFiles.keepOrDefaultMode(tmp, output);
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError("--output " + output + ": cannot be written (" + e.getClass().getSimpleName() + ")");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the rename succeeded or the error above is the one worth reporting
        }
      }
    }
    spec.commandLine().getOut().println("haraka-lint: wrote " + report.findings().size() + " findings of " + path + " to " + output);
    return ExitCode.OK;
  }
}
