package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.RulePage;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint explain ID}: a rule's page, readable in a terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show a rule's page: why it matters, examples, how to fix it.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "a rule id, e.g. HL303")
  String id;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    RuleMeta m = Rules.byId(id).orElseThrow(() -> new UserError("explain: no rule '" + id + "' (see 'haraka-lint rules')")).meta();
    String page = RulePage.markdown(m.id()).orElseThrow(() -> new UserError("explain: the page of " + m.id() + " is missing from this build"));
    PrintWriter out = spec.commandLine().getOut();
    String text = RulePage.forTerminal(page);
    int nl = text.indexOf('\n');
    out.println(text.substring(0, nl));
    out.printf("severity: %s   category: %s   Haraka versions: %s   autofix: %s%n", m.severity().label(),
        m.category().name().toLowerCase(Locale.ROOT), m.appliesTo(), m.fixable() ? "yes (haraka-lint fix)" : "no");
    out.println();
    out.print(text.substring(nl).stripLeading());
    out.flush();
    return ExitCode.OK;
  }
}
