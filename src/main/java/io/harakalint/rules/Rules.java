package io.harakalint.rules;

import io.harakalint.rules.ini.FileNotReadable;
import io.harakalint.rules.ini.IniContinuationSurprise;
import io.harakalint.rules.ini.IniHeaderWithComment;
import io.harakalint.rules.ini.IniInlineComment;
import io.harakalint.rules.ini.IniInvalidLine;
import io.harakalint.rules.ini.IniIpSectionHeader;
import io.harakalint.rules.ini.IniMixedScalarArray;
import io.harakalint.rules.plugins.DeprecatedPluginName;
import io.harakalint.rules.plugins.DuplicatePlugin;
import io.harakalint.rules.plugins.IgnoreBadPluginsTruthy;
import io.harakalint.rules.plugins.UnknownPlugin;
import io.harakalint.rules.relay.AclBareIpv6;
import io.harakalint.rules.relay.AclMalformed;
import io.harakalint.rules.relay.AclTooBroad;
import io.harakalint.rules.relay.AclUnused;
import io.harakalint.rules.relay.DestDomainsOpenRelay;
import io.harakalint.rules.relay.RelayAllEnabled;
import io.harakalint.rules.secrets.PlaintextPasswords;
import io.harakalint.rules.secrets.PrivateKeyInTree;
import io.harakalint.rules.tls.AuthWithoutTls;
import io.harakalint.rules.tls.FlatFilePlaintextAuth;
import io.harakalint.rules.tls.NoTlsHostsBlockAuth;
import io.harakalint.rules.tls.TlsInvalidMinVersion;
import io.harakalint.rules.tls.TlsMinVersionWeak;
import io.harakalint.rules.tls.TlsWeakCiphers;
import java.util.List;
import java.util.Optional;

/** Every rule, listed by hand in id order (no classpath scanning: start-up stays fast and explicit). */
public final class Rules {
  public static final List<Rule> ALL = List.of(
      new IniInvalidLine(),
      new IniInlineComment(),
      new IniHeaderWithComment(),
      new IniContinuationSurprise(),
      new IniMixedScalarArray(),
      new IniIpSectionHeader(),
      new FileNotReadable(),
      new RelayAllEnabled(),
      new AclTooBroad(),
      new AclBareIpv6(),
      new AclMalformed(),
      new AclUnused(),
      new DestDomainsOpenRelay(),
      new AuthWithoutTls(),
      new FlatFilePlaintextAuth(),
      new NoTlsHostsBlockAuth(),
      new TlsMinVersionWeak(),
      new TlsWeakCiphers(),
      new TlsInvalidMinVersion(),
      new UnknownPlugin(),
      new DuplicatePlugin(),
      new DeprecatedPluginName(),
      new IgnoreBadPluginsTruthy(),
      new PlaintextPasswords(),
      new PrivateKeyInTree());

  private Rules() {}

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
  }
}
