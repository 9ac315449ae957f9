package io.harakalint.rules.ini;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.FlatDocument;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.model.Located;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See rules/HL108.md. */
public final class OffWordReadAsOn implements Rule {
  public static final RuleMeta META = new RuleMeta("HL108", "\"false\" that Haraka reads as on",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "boolean"), false,
      "These settings are not declared booleans, so haraka-config keeps \"false\", \"no\", \"off\" (or \"0 ; comment\") as a non-empty string, and the code tests it with if (value): the setting is ON.",
      "Delete the line (or write 0) to turn the setting off.");

  /**
   * A setting Haraka tests for truthiness without declaring it a boolean (smtp.ini
   * ignore_bad_plugins is HL404's).
   *
   * @param section the INI section, or null for a flat value file
   * @param plugin the plugin that reads it, or null when Haraka core always does
   */
  private record Setting(String file, String section, String key, String plugin, String effect, Severity severity) {}

  private static final List<Setting> SETTINGS = List.of(
      // haraka-plugin-limit@1.3.2 register(): if (this.cfg.concurrency.enabled); load_limit_ini declares every other [x] enabled.
      new Setting("limit.ini", "concurrency", "enabled", "limit",
          "connection concurrency limiting is ON (and needs redis)", Severity.MEDIUM),
      // haraka-plugin-clamd@1.0.6 load_clamd_ini: only_with_attachments = !!only_with_attachment (the singular is not declared).
      new Setting("clamd.ini", "main", "only_with_attachment", "clamd",
          "clamd scans only messages with attachments, so a message without one is never scanned", Severity.MEDIUM),
      // Haraka plugins/rcpt_to.host_list_base.js hook_mail: config.get('host_list.anti_spoof') || false.
      new Setting("host_list.anti_spoof", null, null, "rcpt_to.in_host_list",
          "MAIL FROM any of your own domains is refused unless the client relays (mail from outside services sending as your domain bounces)",
          Severity.MEDIUM),
      // Haraka outbound/config.js load_config: if (!cfg.disabled && config.get('outbound.disabled')) cfg.disabled = true.
      new Setting("outbound.disabled", null, null, null,
          "outbound delivery is paused (relayed mail and bounces stay in the queue, retried every second and never sent)", Severity.HIGH));

  // The first word someone writes to mean "off"; "0" alone is the number 0, which is falsy, so only "0 <comment>" counts.
  private static final Pattern OFF = Pattern.compile("(?i)^(?:(?:false|no|off|disabled?|none|null|nil)\\b.*|0\\s*[;#].*)$");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    for (Setting s : SETTINGS) {
      if (s.plugin() != null && !tree.plugins().loads(s.plugin())) continue;
      Optional<Located<IniValue>> v = value(tree, s);
      if (v.isEmpty() || !(v.get().value() instanceof IniValue.Str str) || !OFF.matcher(str.value().trim()).matches()) continue;
      String where = s.section() == null ? "config/" + s.file() : s.file() + " [" + s.section() + "] " + s.key();
      ctx.report(v.get().span(), "off-word:" + s.file() + (s.section() == null ? "" : ":" + s.section() + "." + s.key()),
          where + " is the string \"" + str.value() + "\", which is truthy: " + s.effect() + ".", s.severity());
    }
  }

  private static Optional<Located<IniValue>> value(ConfigTree tree, Setting s) {
    if (s.section() == null) {
      // Only the operator's own file; a shipped default is not their "false".
      if (!tree.has(s.file())) return Optional.empty();
      return tree.flat(s.file()).flatMap(FlatDocument::value);
    }
    Optional<IniProperty> p = tree.ini(s.file()).get(s.section(), s.key()).filter(x -> !x.isDefault());
    return p.map(x -> new Located<>(x.value(), x.span()));
  }
}
