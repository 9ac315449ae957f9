package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.TreeCompleteness;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL603.md. */
public final class MissingConnectionIni implements Rule {
  public static final RuleMeta META = new RuleMeta("HL603", "connection.ini is missing",
      Severity.CRITICAL, Category.VERSIONS, "all", Set.of("versions", "startup", "upgrade", "connection.ini"), false,
      "From 3.1.0 Haraka reads the connection settings only from config/connection.ini and has no built-in defaults for them: without the file it crashes (3.1.x at start-up, 3.3.x on the first connection). Before 3.1.0 the file is not read, but an upgrade without it fails the same way.",
      "Copy connection.ini from the Haraka package you run (node_modules/Haraka/config/connection.ini) into config/ and move the v2 settings into it.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    if (!TreeCompleteness.isWholeConfig(tree) || hasConnectionIni(tree)) return;
    Span at = new Span(tree.pathOf(TreeCompleteness.anchorFile(tree)), 1, 1);
    HarakaVersion v = tree.harakaVersion();
    if (v.below(3, 1, 0)) {
      ctx.report(at, "missing-connection-ini",
          "There is no config/connection.ini: Haraka " + v + " does not need it, but Haraka 3.1 and later crash without it, so create it "
              + "before upgrading.",
          Severity.LOW);
      return;
    }
    ctx.report(at, "missing-connection-ini",
        "There is no config/connection.ini: Haraka " + v + " " + crash(v) + ".");
  }

  static boolean hasConnectionIni(ConfigTree tree) {
    return tree.has("connection.ini") || tree.fileOverrides().containsKey("connection.ini");
  }

  static String crash(HarakaVersion v) {
    if (v.below(3, 2, 0)) return "exits at start-up (TypeError: Cannot read properties of undefined (reading 'hosts'))";
    if (v.atLeast(3, 3, 1)) return "crashes on the first connection (TypeError reading the missing [message] section)";
    return "crashes at start-up or on the first connection (TypeError reading a missing section)";
  }
}
