package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniProperty;
import io.harakalint.model.Located;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See rules/HL605.md. */
public final class SmtpsWithoutKey implements Rule {
  public static final RuleMeta META = new RuleMeta("HL605", "SMTPS listener without a TLS key or certificate stops Haraka",
      Severity.CRITICAL, Category.VERSIONS, "all", Set.of("versions", "startup", "tls", "smtps"), false,
      "A listener on smtps_port (465 unless changed) is created with tls.createServer using tls.ini's key and certificate; when a file is missing Haraka passes null and Node throws, so Haraka exits at start-up, on every port.",
      "Put the key and certificate where tls.ini [main] key/cert point (default config/tls_key.pem and config/tls_cert.pem), or remove the smtps_port listener.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    int smtps = tree.smtp().smtpsPort();
    if (!Listeners.ports(tree.smtp().file()).contains(smtps)) return;
    List<Located<String>> missing = new ArrayList<>();
    List<Located<String>> files = new ArrayList<>(tree.tls().keyFiles());
    files.addAll(tree.tls().certFiles());
    for (Located<String> f : files) {
      // Outside the tree (absolute or ../): haraka-lint cannot tell whether it exists.
      if (!ConfigTree.isOutside(f.value()) && !tree.has(f.value())) missing.add(f);
    }
    if (missing.isEmpty()) return;
    Optional<IniProperty> listen = tree.smtp().listen();
    Optional<IniProperty> port = tree.smtp().file().get("main", "port");
    var span = listen.map(IniProperty::span).orElseGet(() -> port.map(IniProperty::span).orElse(tree.smtp().file().fileSpan()));
    List<String> names = missing.stream().map(Located::value).distinct().toList();
    ctx.report(span, "smtps-no-key",
        "Haraka listens on " + smtps + " (smtps_port), which needs tls.ini's key and certificate, but " + String.join(" and ", names)
            + (names.size() > 1 ? " are" : " is") + " not in " + tree.pathOf("") + ": tls.createServer throws and Haraka exits at start-up.");
  }
}
