package io.harakalint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.load.UserError;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint rules}: every rule with its metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule.")
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})",
      defaultValue = "text")
  String format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> {
        for (Rule r : Rules.ALL) {
          RuleMeta m = r.meta();
          out.printf("%s  %-8s  %-12s  %s%n", m.id(), m.severity().label(), m.category().name().toLowerCase(java.util.Locale.ROOT), m.title());
        }
        out.println(Rules.ALL.size() + " rules; 'haraka-lint explain ID' shows one in full.");
      }
      case "json" -> writeJson(out);
      default -> throw new UserError("--format: '" + format + "' is not text or json");
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void writeJson(PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (Rule r : Rules.ALL) {
        RuleMeta m = r.meta();
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("title", m.title());
        g.writeStringField("severity", m.severity().label());
        g.writeStringField("category", m.category().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("appliesTo", m.appliesTo());
        g.writeArrayFieldStart("tags");
        for (String t : new TreeSet<>(m.tags())) g.writeString(t);
        g.writeEndArray();
        g.writeBooleanField("fixable", m.fixable());
        g.writeStringField("why", m.why());
        g.writeStringField("fix", m.fix());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
