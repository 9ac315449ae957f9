package io.harakalint.live;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.model.AclEntry;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * haraka-lint run in-process, with every rule and default options, on the very copy Haraka runs
 * (harness changes included), told the installed Haraka version.
 */
public final class Lint {
  private final ConfigTree tree;
  private final List<Finding> findings;

  private Lint(ConfigTree tree, List<Finding> findings) {
    this.tree = tree;
    this.findings = findings;
  }

  public static Lint of(ScenarioTree.Prepared prepared) {
    ConfigTree tree = ConfigLoader.load(new FileSystemTreeSource(prepared.root(), prepared.scenario()),
        prepared.install().version());
    return new Lint(tree, new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(tree));
  }

  public ConfigTree tree() {
    return tree;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Finding> findings(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  /** "haraka-lint reports {@code ruleId}" (holds when at least one finding), with the findings as evidence. */
  public Verdict reports(String ruleId) {
    return reports(ruleId, f -> true, "");
  }

  /** "haraka-lint reports {@code ruleId} {@code what}": only findings that match count. */
  public Verdict reports(String ruleId, Predicate<Finding> which, String what) {
    List<Finding> hits = findings(ruleId).stream().filter(which).toList();
    if (hits.isEmpty()) {
      List<Finding> other = findings(ruleId);
      return new Verdict(false, "no " + ruleId + (what.isEmpty() ? "" : " " + what)
          + (other.isEmpty() ? "" : " (other " + ruleId + ": " + describe(other) + ")"));
    }
    return new Verdict(true, describe(hits));
  }

  static String describe(List<Finding> fs) {
    return fs.stream().map(Lint::describe).collect(Collectors.joining("; "));
  }

  static String describe(Finding f) {
    return f.ruleId() + " " + f.severity().label() + " at " + f.span().file() + ":" + f.span().line() + ": " + f.message();
  }

  /** Whether any of the rules reports something. */
  public Verdict reportsAny(String... ruleIds) {
    List<Finding> hits = findings.stream().filter(f -> List.of(ruleIds).contains(f.ruleId())).toList();
    return hits.isEmpty() ? new Verdict(false, "none of " + String.join(", ", ruleIds)) : new Verdict(true, describe(hits));
  }

  /**
   * Whether haraka-lint's model of the relay ACL lets {@code ip} relay: the relay plugin listed,
   * {@code [relay] acl} on, and an entry that (with the detected relay version's semantics) covers it.
   */
  public Verdict aclAllows(String ip) {
    RelayConfig relay = tree.relay();
    IPAddress client = new IPAddressString(ip).getAddress();
    boolean listed = tree.plugins().loads("relay");
    boolean on = relay.acl().value();
    for (AclEntry e : relay.aclEntries()) {
      AclEntry.Effect effect = relay.semantics() == RelayConfig.AclSemantics.LEGACY ? e.legacyEffect() : e.currentEffect();
      boolean covers = effect instanceof AclEntry.Effect.Everything
          || effect instanceof AclEntry.Effect.Allows a && a.block().contains(client);
      if (covers) {
        String how = effect instanceof AclEntry.Effect.Allows a ? "read as " + a.block().toCanonicalString() : "matches everything";
        return new Verdict(listed && on, "relay_acl_allow '" + e.raw().value() + "' " + how + " (" + relay.semantics()
            + " relay semantics)" + (listed ? "" : ", but relay is not listed") + (on ? "" : ", but [relay] acl is off"));
      }
    }
    return new Verdict(false, "no relay_acl_allow entry covers " + ip + " (" + relay.semantics() + " relay semantics)");
  }

  /** Every finding, one per line, for failure messages. */
  public String dump() {
    return findings.stream().map(Lint::describe).collect(Collectors.joining("\n  ", "  ", ""));
  }
}
