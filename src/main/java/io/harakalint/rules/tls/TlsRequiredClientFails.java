package io.harakalint.rules.tls;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniProperty;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import io.harakalint.tls.ClientProfile;
import io.harakalint.tls.ClientProfiles;
import io.harakalint.tls.HandshakePredictor;
import io.harakalint.tls.NodeRuntime;
import io.harakalint.tls.Prediction;
import io.harakalint.tls.ServerTlsConfig;
import io.harakalint.tls.TlsProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See rules/HL314.md. */
public final class TlsRequiredClientFails implements Rule {
  public static final RuleMeta META = new RuleMeta("HL314", "A client you promised to support cannot connect",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "legacy-client", "compat"), false,
      "The policy names the clients this server must accept ([compat] require_clients[] or --require-clients); with this tls.ini and Node version one of them fails its TLS handshake, so its mail stops the day the change is deployed.",
      "Upgrade the client (recommended), or make the smallest change the finding names and record it as a waiver with a reason, an owner and an end date; read its security cost first.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    List<String> ids = ctx.options().requiredClients();
    if (ids.isEmpty()) return;
    Optional<NodeRuntime> node = NodeRuntime.parse(ctx.options().nodeVersion());
    if (node.isEmpty()) return; // an unknown Node version is reported by the CLI or HL902
    ConfigTree tree = ctx.tree();
    ServerTlsConfig config = ServerTlsConfig.fromTree(tree);
    HandshakePredictor predictor = new HandshakePredictor(node.get(), config);
    for (String id : ids) {
      Optional<ClientProfile> client = ClientProfiles.get().byId(id);
      if (client.isEmpty()) continue; // HL902 / the CLI report unknown ids
      Prediction p = predictor.predict(client.get());
      if (p.ok()) continue;
      StringBuilder msg = new StringBuilder("'").append(id).append("' (").append(client.get().name())
          .append(") cannot connect on Node ").append(node.get().describe()).append(": ").append(p.reason());
      if (p.serverError() != null) msg.append("; Haraka logs '").append(p.serverError()).append('\'');
      msg.append(". ").append(smallestChange(node.get(), config, client.get()));
      ctx.report(where(tree), "required-client:" + id, msg.toString());
    }
  }

  /** The minVersion line, else the ciphers line, else the tls plugin line, else tls.ini. */
  private static Span where(ConfigTree tree) {
    Optional<IniProperty> at = tree.tls().inbound("minVersion").or(() -> tree.tls().inbound("ciphers"));
    if (at.isPresent() && !at.get().isDefault()) return at.get().span();
    return tree.plugins().find("tls").map(t -> t.written().span()).orElse(Span.startOf(tree.pathOf("tls.ini")));
  }

  /**
   * The first edit on a short ladder, weakest first, that the predictor says lets the client in,
   * with what it costs every other connection (also used by {@code haraka-lint logs} for clients seen failing).
   */
  public static String smallestChange(NodeRuntime node, ServerTlsConfig config, ClientProfile client) {
    String max = client.maxProtocol().label();
    boolean oldProtocol = !client.maxProtocol().atLeast(TlsProtocol.TLSv1_2);
    String ciphers = config.ciphers().orElse("DEFAULT");
    String firstSuite = client.suites().isEmpty() ? null : client.suites().get(0);
    List<String[]> ladder = new ArrayList<>();
    if (oldProtocol) {
      ladder.add(new String[] {"minVersion=" + max, null});
      ladder.add(new String[] {"minVersion=" + max, ciphers + ":@SECLEVEL=0"});
    }
    if (firstSuite != null) ladder.add(new String[] {null, ciphers + ":" + firstSuite});
    if (firstSuite != null && oldProtocol) ladder.add(new String[] {"minVersion=" + max, ciphers + ":" + firstSuite + ":@SECLEVEL=0"});
    for (String[] step : ladder) {
      ServerTlsConfig c = config;
      if (step[0] != null) c = c.withMinVersion(step[0].substring("minVersion=".length()));
      if (step[1] != null) c = c.withCiphers(step[1]);
      if (new HandshakePredictor(node, c).predict(client).ok()) {
        StringBuilder s = new StringBuilder("Smallest change that lets it in: ");
        if (step[0] != null) s.append(step[0]);
        if (step[0] != null && step[1] != null) s.append(" and ");
        if (step[1] != null) s.append("ciphers=").append(step[1]);
        s.append(" in tls.ini [main]; cost: ");
        if (step[1] != null && step[1].contains("@SECLEVEL=0")) {
          s.append("security level 0 re-enables SHA-1 signatures, small keys and weak suites for every client, and [outbound]"
              + " inherits [main], so outgoing deliveries weaken too");
        } else if (step[0] != null) {
          s.append("every client may now negotiate ").append(max).append(" (and [outbound] inherits the floor)");
        } else {
          s.append("the suite ").append(firstSuite).append(" is offered to every client");
        }
        return s.append(". Prefer upgrading the client, or relaying it by IP as a temporary waiver.").toString();
      }
    }
    return "No tls.ini change alone lets it in (it needs something Node no longer offers): upgrade the client, or relay it"
        + " by IP without TLS as a temporary, reviewed exception.";
  }
}
