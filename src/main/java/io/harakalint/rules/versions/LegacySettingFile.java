package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.FlatDocument;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.IniFile;
import io.harakalint.model.LegacySetting;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Map;
import java.util.Set;

/** See rules/HL606.md. */
public final class LegacySettingFile implements Rule {
  public static final RuleMeta META = new RuleMeta("HL606", "v2 setting file that Haraka 3.1 no longer reads",
      Severity.MEDIUM, Category.VERSIONS, "all", Set.of("versions", "upgrade", "connection.ini"), false,
      "Haraka 3.1 moved the single-value files (databytes, smtpgreeting, haproxy_hosts, max_line_length, ...) into connection.ini and stopped reading them: the setting silently falls back to connection.ini's value, for example the PROXY peers are no longer trusted and the size limit changes.",
      "Move the value to the connection.ini key the finding names, then delete the old file.");

  /** Where each setting lives now, as section and key, and from which version the old file is ignored. */
  private record Moved(String section, String key, HarakaVersion ignoredFrom) {}

  private static final HarakaVersion V310 = new HarakaVersion(3, 1, 0);

  private static final Map<LegacySetting, Moved> MOVED = Map.ofEntries(
      Map.entry(LegacySetting.HAPROXY_HOSTS, new Moved("haproxy", "hosts", V310)),
      Map.entry(LegacySetting.SMTPGREETING, new Moved("message", "greeting", V310)),
      Map.entry(LegacySetting.EHLO_HELLO_MESSAGE, new Moved("message", "helo", V310)),
      Map.entry(LegacySetting.CONNECTION_CLOSE_MESSAGE, new Moved("message", "close", V310)),
      Map.entry(LegacySetting.BANNER_INCLUDES_UUID, new Moved("uuid", "banner_chars", V310)),
      Map.entry(LegacySetting.DENY_INCLUDES_UUID, new Moved("uuid", "deny_chars", V310)),
      Map.entry(LegacySetting.DATABYTES, new Moved("max", "bytes", V310)),
      Map.entry(LegacySetting.MAX_MIME_PARTS, new Moved("max", "mime_parts", V310)),
      Map.entry(LegacySetting.MAX_LINE_LENGTH, new Moved("max", "line_length", V310)),
      Map.entry(LegacySetting.MAX_DATA_LINE_LENGTH, new Moved("max", "data_line_length", V310)),
      Map.entry(LegacySetting.MAX_RECEIVED_COUNT, new Moved("headers", "max_received", V310)),
      Map.entry(LegacySetting.MAX_HEADER_LINES, new Moved("headers", "max_lines", V310)),
      Map.entry(LegacySetting.STRICT_RFC1869, new Moved("main", "strict_rfc1869", V310)),
      Map.entry(LegacySetting.HEADER_HIDE_VERSION, new Moved("headers", "show_version", new HarakaVersion(3, 0, 4))));

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    HarakaVersion v = tree.harakaVersion();
    IniFile connection = tree.ini("connection.ini");
    for (LegacySetting s : LegacySetting.values()) {
      // Only the operator's own file: Haraka's package may ship some of these as its defaults.
      if (!tree.has(s.fileName())) continue;
      Moved m = MOVED.get(s);
      Span at = tree.flat(s.fileName()).map(FlatDocument::items).filter(i -> !i.isEmpty()).map(i -> i.get(0).span())
          .orElse(Span.startOf(tree.pathOf(s.fileName())));
      if (v.compareTo(m.ignoredFrom()) < 0) {
        ctx.report(at, "legacy-file:" + s.fileName(),
            "Haraka " + v + " reads config/" + s.fileName() + ", but from " + m.ignoredFrom() + " it is ignored: move it to connection.ini "
                + s.replacement() + " before upgrading.",
            Severity.LOW);
        continue;
      }
      boolean replaced = connection.get(m.section(), m.key()).filter(p -> !p.isDefault()).isPresent();
      ctx.report(at, "legacy-file:" + s.fileName(),
          "Haraka " + v + " ignores config/" + s.fileName() + " (read only before " + m.ignoredFrom() + ")"
              + (replaced ? "; connection.ini " + s.replacement() + " is set, so this file is a leftover to delete."
                  : ": set connection.ini " + s.replacement() + " instead, or this setting is lost."),
          replaced ? Severity.LOW : Severity.MEDIUM);
    }
  }
}
