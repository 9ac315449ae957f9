package io.harakalint.rules.tls;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniProperty;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether inbound TLS can work: STARTTLS needs the {@code tls} plugin, SMTPS needs a listener on
 * {@code smtps_port}, and both need the key and certificate files that {@code tls_socket.js} loads
 * (a missing one logs an ERROR and leaves TLS invalid: no STARTTLS, hence no AUTH).
 */
public final class TlsReadiness {
  private static final Set<String> AUTH_PLUGINS = Set.of("auth/flat_file", "auth/auth_vpopmaild", "auth/auth_proxy",
      "auth/auth_bridge", "auth-ldap");

  private TlsReadiness() {}

  /** Plugins in config/plugins that offer AUTH (directly or through an alias). */
  public static List<PluginList.Plugin> authPlugins(ConfigTree tree) {
    List<PluginList.Plugin> out = new ArrayList<>();
    for (PluginList.Plugin p : tree.plugins().all()) {
      boolean auth = AUTH_PLUGINS.contains(p.loads()) || p.loads().startsWith("auth/")
          || p.catalog().map(e -> e.hasRole("auth")).orElse(false);
      if (auth && out.stream().noneMatch(q -> q.loads().equals(p.loads()))) out.add(p);
    }
    return out;
  }

  /** Key or certificate files named by tls.ini (or its defaults) that are not in the tree. */
  public static List<Located<String>> missingKeyMaterial(ConfigTree tree) {
    List<Located<String>> missing = new ArrayList<>();
    List<Located<String>> all = new ArrayList<>(tree.tls().keyFiles());
    all.addAll(tree.tls().certFiles());
    for (Located<String> f : all) {
      String name = f.value();
      // Outside the tree: unless --allow-outside read it, haraka-lint cannot say whether it exists.
      if (ConfigTree.isOutside(name)) continue;
      if (!tree.has(name)) missing.add(f);
    }
    return missing;
  }

  /** True when some listener in smtp.ini uses smtps_port (implicit TLS, no tls plugin needed). */
  public static boolean hasSmtpsListener(ConfigTree tree) {
    int port = tree.smtp().smtpsPort();
    Optional<IniProperty> listen = tree.smtp().listen();
    if (listen.isEmpty()) return false;
    for (String ep : listen.get().value().toString().split(",")) {
      String t = ep.trim();
      int colon = t.lastIndexOf(':');
      if (colon >= 0 && t.substring(colon + 1).equals(Integer.toString(port))) return true;
    }
    return false;
  }
}
