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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /**
   * haraka-lint on a copy of the prepared tree without the harness's own {@code live_rdns} plugin
   * (which only answers lookup_rdns). For rules about something <em>missing</em> from
   * config/plugins (HL407, HL408): they rightly stay silent while a local plugin they cannot judge
   * is listed, and live_rdns is one, so on the exact copy they could never fire.
   */
  public static Lint withoutHarnessPlugin(ScenarioTree.Prepared prepared) {
    Path copy = null;
    try {
      copy = Files.createTempDirectory("haraka-lint-live-lint-" + prepared.scenario() + "-");
      TempDirs.deleteOnExit(copy);
      Path from = prepared.root();
      Path to = copy;
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : s.toList()) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(target);
          else Files.copy(p, target);
        }
      }
      Files.deleteIfExists(copy.resolve("plugins").resolve(ScenarioTree.RDNS_PLUGIN + ".js"));
      Path plugins = copy.resolve("config/plugins");
      List<String> kept = Files.readAllLines(plugins, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.trim().equals(ScenarioTree.RDNS_PLUGIN)).toList();
      Files.write(plugins, kept, StandardCharsets.UTF_8);
      ConfigTree tree = ConfigLoader.load(new FileSystemTreeSource(copy, prepared.scenario()), prepared.install().version());
      return new Lint(tree, new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null) TempDirs.delete(copy);
    }
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
