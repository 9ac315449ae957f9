package io.harakalint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.UserError;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.model.PemFile;
import io.harakalint.model.TlsIni;
import io.harakalint.tls.ClientProfile;
import io.harakalint.tls.ClientProfiles;
import io.harakalint.tls.HandshakePredictor;
import io.harakalint.tls.NodeRuntime;
import io.harakalint.tls.Prediction;
import io.harakalint.tls.ServerTlsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint compat}: which TLS clients complete the handshake with this tls.ini, and why not. */
@Command(name = "compat", mixinStandardHelpOptions = true,
    description = {"Predict which TLS clients can connect to Haraka's inbound TLS with this tls.ini and Node version,",
        "and the exact error Haraka logs for those that cannot. Exit code 1 when a client named with --client fails."})
final class CompatCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..1", description = "a Haraka root or its config folder (default: .)")
  String path = ".";

  @Option(names = "--client", paramLabel = "ID", description = "a client profile id (repeatable; default: all)")
  List<String> clients = new ArrayList<>();

  @Option(names = "--node-version", paramLabel = "N", description = "18, 20, 22, 24, or with a minor (22.20, 24.4); default 20")
  String nodeVersion = "20";

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or markdown")
  String format = "text";

  @Option(names = "--explain", paramLabel = "ID", description = "show the chain of reasoning for one client")
  String explain;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    NodeRuntime node = NodeRuntime.parse(nodeVersion).orElseThrow(() -> new UserError("--node-version: '"
        + nodeVersion + "' is not a Node line Haraka runs on (18, 20, 22, 24, optionally with a minor: 22.20)"));
    if (!List.of("text", "json", "markdown").contains(format)) {
      throw new UserError("--format: '" + format + "' is not one of text, json, markdown");
    }
    ConfigTree tree = ConfigLoader.load(new FileSystemTreeSource(Path.of(path), path), null);
    HandshakePredictor predictor = new HandshakePredictor(node, ServerTlsConfig.fromTree(tree));
    List<ClientProfile> selected = new ArrayList<>();
    List<String> wanted = new ArrayList<>(clients);
    if (explain != null) wanted.add(explain);
    if (wanted.isEmpty()) selected.addAll(ClientProfiles.get().all());
    for (String id : wanted) {
      ClientProfile p = ClientProfiles.get().byId(id).orElseThrow(() -> new UserError("no client profile '" + id
          + "'; known: " + String.join(", ", ClientProfiles.get().all().stream().map(ClientProfile::id).toList())));
      if (!selected.contains(p)) selected.add(p);
    }
    List<Prediction> predictions = predictor.predict(selected);
    PrintWriter out = spec.commandLine().getOut();
    if (explain != null) {
      explain(out, predictions.stream().filter(p -> p.client().id().equals(explain)).findFirst().orElseThrow());
    } else {
      switch (format) {
        case "json" -> json(out, node, predictor, predictions);
        case "markdown" -> markdown(out, node, predictor, predictions);
        default -> text(out, node, predictor, predictions);
      }
    }
    out.flush();
    boolean namedFails = !clients.isEmpty() && predictions.stream()
        .anyMatch(p -> clients.contains(p.client().id()) && !p.ok());
    return namedFails ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static String header(NodeRuntime node, HandshakePredictor predictor) {
    return "Node " + node.describe() + " (OpenSSL " + node.opensslLine() + "), minVersion " + predictor.minVersion()
        + ", security level " + predictor.securityLevel() + "; assumes an RSA certificate";
  }

  private static void text(PrintWriter out, NodeRuntime node, HandshakePredictor predictor, List<Prediction> ps) {
    out.println(header(node, predictor));
    if (predictor.startupError() != null) out.println("Haraka does not start: " + predictor.startupError());
    int w = ps.stream().mapToInt(p -> p.client().id().length()).max().orElse(6);
    for (Prediction p : ps) {
      out.printf("%-" + w + "s  %-4s  %-7s  %-30s  %s%n", p.client().id(), p.ok() ? "ok" : "FAIL",
          p.protocol() == null ? "-" : p.protocol(), p.cipher() == null ? "-" : p.cipher(),
          p.ok() ? "" : p.reason() + (p.serverError() == null ? "" : "; Haraka logs: " + p.serverError()));
    }
    long ok = ps.stream().filter(Prediction::ok).count();
    out.printf("%d of %d clients connect%n", ok, ps.size());
  }

  private static void markdown(PrintWriter out, NodeRuntime node, HandshakePredictor predictor, List<Prediction> ps) {
    out.println("**TLS client compatibility**: " + header(node, predictor));
    if (predictor.startupError() != null) out.println("\n**Haraka does not start:** `" + predictor.startupError() + "`");
    out.println();
    out.println("| client | outcome | protocol | cipher | reason / server log |");
    out.println("|---|---|---|---|---|");
    for (Prediction p : ps) {
      out.println("| " + md(p.client().name()) + " (`" + p.client().id() + "`) | " + (p.ok() ? "ok" : "**fail**") + " | "
          + (p.protocol() == null ? "" : p.protocol()) + " | " + (p.cipher() == null ? "" : "`" + p.cipher() + "`")
          + " | " + (p.ok() ? "" : md(p.reason()) + (p.serverError() == null ? "" : "<br>`" + p.serverError() + "`"))
          + " |");
    }
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;");
  }

  private static void json(PrintWriter out, NodeRuntime node, HandshakePredictor predictor, List<Prediction> ps) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("nodeVersion", node.label());
      g.writeStringField("openssl", node.opensslLine());
      g.writeStringField("minVersion", predictor.minVersion().label());
      g.writeNumberField("securityLevel", predictor.securityLevel());
      g.writeStringField("startupError", predictor.startupError());
      g.writeArrayFieldStart("clients");
      for (Prediction p : ps) {
        g.writeStartObject();
        g.writeStringField("id", p.client().id());
        g.writeStringField("name", p.client().name());
        g.writeStringField("outcome", p.ok() ? "ok" : "fail");
        g.writeStringField("protocol", p.protocol());
        g.writeStringField("cipher", p.cipher());
        g.writeStringField("serverError", p.serverError());
        g.writeStringField("reason", p.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void explain(PrintWriter out, Prediction p) {
    out.println(p.client().id() + ": " + p.client().name());
    out.println("source: " + p.client().source());
    int i = 1;
    for (String s : p.steps()) out.printf("%2d. %s%n", i++, s);
    out.println("=> " + (p.ok() ? "ok: " : "FAIL: ") + p.reason());
    if (p.serverError() != null) out.println("   Haraka logs: client connection error: Error: ...:error:...:" + p.serverError() + ":...");
  }
}
