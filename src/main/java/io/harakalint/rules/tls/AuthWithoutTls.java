package io.harakalint.rules.tls;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** See rules/HL301.md. */
public final class AuthWithoutTls implements Rule {
  public static final RuleMeta META = new RuleMeta("HL301", "AUTH plugin listed but TLS cannot work",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("auth", "tls", "starttls"), false,
      "Haraka's AUTH plugins advertise AUTH only after TLS, so without a working tls plugin (or SMTPS) no client on a public address can ever authenticate, and auth/flat_file offers AUTH in clear text to private and loopback clients.",
      "List 'tls' in config/plugins and put the key and certificate named in tls.ini (default tls_key.pem, tls_cert.pem) in config/.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    List<PluginList.Plugin> auth = TlsReadiness.authPlugins(tree);
    if (auth.isEmpty()) return;
    PluginList.Plugin first = auth.get(0);
    boolean tlsPlugin = tree.plugins().loads("tls");
    boolean smtps = TlsReadiness.hasSmtpsListener(tree);
    String names = auth.stream().map(PluginList.Plugin::name).collect(Collectors.joining(", "));
    if (!tlsPlugin && !smtps) {
      ctx.report(first.written().span(), "auth-no-tls:plugin",
          names + " is listed but the tls plugin is not (and no SMTPS listener): STARTTLS is never offered, so AUTH is"
              + " never offered to clients on public addresses" + flatFileNote(auth) + ".");
      return;
    }
    List<Located<String>> missing = TlsReadiness.missingKeyMaterial(tree);
    if (!missing.isEmpty()) {
      Located<String> m = missing.get(0);
      String list = missing.stream().map(Located::value).collect(Collectors.joining(", "));
      // A default file name has no line of its own: point at the tls plugin line (or the AUTH plugin).
      boolean fromDefault = m.span().equals(tree.tls().file().fileSpan());
      ctx.report(fromDefault ? tree.plugins().find("tls").map(t -> t.written().span()).orElse(first.written().span()) : m.span(),
          "auth-no-tls:files",
          names + " needs TLS, but " + list + " (named by tls.ini or its defaults) "
              + (missing.size() == 1 ? "is" : "are") + " not in " + tree.pathOf("")
              + ": Haraka logs 'tls key ... could not be loaded', TLS stays invalid and AUTH is never offered to public clients"
              + (smtps ? "; with an SMTPS listener Haraka does not start at all" : "") + ".",
          smtps ? Severity.CRITICAL : Severity.HIGH);
    }
  }

  private static String flatFileNote(List<PluginList.Plugin> auth) {
    return auth.stream().anyMatch(p -> p.loads().equals("auth/flat_file"))
        ? ", while auth/flat_file still offers it in clear text to private and loopback clients" : "";
  }
}
