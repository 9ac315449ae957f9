package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.IniFile;
import io.harakalint.model.TreeCompleteness;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** See rules/HL604.md. */
public final class ConnectionIniIncomplete implements Rule {
  public static final RuleMeta META = new RuleMeta("HL604", "connection.ini lacks a section Haraka needs",
      Severity.CRITICAL, Category.VERSIONS, ">= 3.1.0", Set.of("versions", "startup", "connection.ini"), false,
      "connection.js reads cfg.message.greeting, cfg.uuid.banner_chars and cfg.max.* without defaults: a connection.ini without [message], [uuid] or [max] crashes Haraka on the first connection, and before 3.3.1 one without [haproxy] hosts[] crashes it at start-up.",
      "Start from the connection.ini shipped with your Haraka version and keep all its sections; change values, do not delete sections.");

  private static final List<String> NEEDED = List.of("message", "uuid", "max");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    if (!TreeCompleteness.isWholeConfig(tree) || !MissingConnectionIni.hasConnectionIni(tree)) return;
    IniFile ini = tree.ini("connection.ini");
    List<String> missing = new ArrayList<>();
    for (String s : NEEDED) if (!ini.hasSection(s)) missing.add("[" + s + "]");
    if (!missing.isEmpty()) {
      ctx.report(ini.fileSpan(), "connection-ini-sections:" + String.join(",", missing),
          "connection.ini has no " + String.join(", ", missing) + " section" + (missing.size() > 1 ? "s" : "")
              + ": Haraka starts, then crashes on the first connection (TypeError reading "
              + (missing.contains("[message]") ? "'greeting'" : missing.contains("[max]") ? "a [max] setting" : "'banner_chars'") + ").");
    }
    HarakaVersion v = tree.harakaVersion();
    // 3.3.1 moved the check to haraka-net-utils is_haproxy_allowed, which reads `hosts ?? []`.
    if (v.below(3, 3, 1) && ini.get("haproxy", "hosts").isEmpty()) {
      Span at = ini.sectionHeader("haproxy").orElse(ini.fileSpan());
      ctx.report(at, "connection-ini-haproxy-hosts",
          "connection.ini has no [haproxy] hosts[] line: Haraka " + v + " iterates cfg.haproxy.hosts at start-up and exits "
              + "(TypeError: cfg.haproxy.hosts is not iterable). Keep the shipped 'hosts[] =' line if no proxy sends PROXY headers.");
    }
  }
}
