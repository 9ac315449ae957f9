package io.harakalint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay plugin's three files: {@code relay.ini} (section {@code [relay]}, booleans
 * {@code +acl +force_routing -all -dest_domains}), {@code relay_acl_allow} and
 * {@code relay_dest_domains.ini}, plus which plugin version interprets them.
 */
public final class RelayConfig {
  /** Which {@code relay_acl_allow} semantics apply (see {@link AclEntry}). */
  public enum AclSemantics {
    /** haraka-plugin-relay 1.0.1 or the core relay of Haraka &lt;= 3.0.x. */
    LEGACY,
    /** haraka-plugin-relay 1.0.2 or later. */
    CURRENT,
    /** Haraka 3.1+ without a lock file or node_modules to say which relay version npm installed. */
    UNKNOWN
  }

  /** A {@code [domains]} line of relay_dest_domains.ini with its parsed action. */
  public record DestDomain(IniProperty property, Optional<String> action, boolean validJson) {}

  private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([^\"]*)\"");

  private final IniFile ini;
  private final List<AclEntry> acl;
  private final Optional<FlatDocument> aclFile;
  private final IniFile destDomainsIni;
  private final AclSemantics semantics;
  private final String aclPath;

  private RelayConfig(IniFile ini, List<AclEntry> acl, Optional<FlatDocument> aclFile, IniFile destDomainsIni,
      AclSemantics semantics, String aclPath) {
    this.ini = ini;
    this.acl = acl;
    this.aclFile = aclFile;
    this.destDomainsIni = destDomainsIni;
    this.semantics = semantics;
    this.aclPath = aclPath;
  }

  static RelayConfig from(ConfigTree tree) {
    Optional<FlatDocument> aclDoc = tree.flat("relay_acl_allow");
    List<AclEntry> entries = tree.fileView("acl:relay_acl_allow", aclDoc.orElse(null), () -> {
      List<AclEntry> parsed = new ArrayList<>();
      for (Located<String> item : aclDoc.map(FlatDocument::items).orElse(List.of())) parsed.add(AclEntry.parse(item));
      return List.copyOf(parsed);
    });
    return new RelayConfig(tree.ini("relay.ini"), entries, aclDoc, tree.ini("relay_dest_domains.ini"),
        semanticsFor(tree.install()), tree.pathOf("relay_acl_allow"));
  }

  static AclSemantics semanticsFor(InstallFacts install) {
    Optional<HarakaVersion> relay = install.packageVersion("haraka-plugin-relay");
    if (relay.isPresent()) return relay.get().atLeast(1, 0, 2) ? AclSemantics.CURRENT : AclSemantics.LEGACY;
    if (install.harakaVersion().below(3, 1, 0)) return AclSemantics.LEGACY;
    return AclSemantics.UNKNOWN;
  }

  public IniFile ini() {
    return ini;
  }

  public Located<Boolean> acl() {
    return ini.truthy("relay", "acl");
  }

  public Located<Boolean> all() {
    return ini.truthy("relay", "all");
  }

  public Located<Boolean> destDomains() {
    return ini.truthy("relay", "dest_domains");
  }

  public Located<Boolean> forceRouting() {
    return ini.truthy("relay", "force_routing");
  }

  public List<AclEntry> aclEntries() {
    return acl;
  }

  public boolean aclFileExists() {
    return aclFile.isPresent();
  }

  public String aclPath() {
    return aclPath;
  }

  public AclSemantics semantics() {
    return semantics;
  }

  public IniFile destDomainsIni() {
    return destDomainsIni;
  }

  /** {@code [domains] name = {"action":"accept"}}: the action is read from the JSON value. */
  public List<DestDomain> destDomainEntries() {
    List<DestDomain> out = new ArrayList<>();
    for (IniProperty p : destDomainsIni.section("domains").values()) {
      String raw = p.raw() == null ? "" : p.raw().trim();
      boolean json = raw.startsWith("{") && raw.endsWith("}");
      Matcher m = ACTION.matcher(raw);
      out.add(new DestDomain(p, m.find() ? Optional.of(m.group(1)) : Optional.empty(), json));
    }
    return out;
  }
}
