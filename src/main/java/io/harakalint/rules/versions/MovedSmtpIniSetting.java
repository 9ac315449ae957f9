package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.IniEntry;
import io.harakalint.model.IniFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL607.md. */
public final class MovedSmtpIniSetting implements Rule {
  public static final RuleMeta META = new RuleMeta("HL607", "smtp.ini setting that moved to connection.ini in 3.1",
      Severity.MEDIUM, Category.VERSIONS, "all", Set.of("versions", "upgrade", "smtp.ini", "connection.ini"), false,
      "Haraka 3.1 reads [headers], smtputf8, strict_rfc1869, spool_dir and spool_after from connection.ini only: left in smtp.ini they are silently ignored and the connection.ini value (or none) applies.",
      "Move the line into the same section of connection.ini and delete it from smtp.ini.");

  private static final Set<String> MAIN_KEYS = Set.of("smtputf8", "strict_rfc1869", "spool_dir", "spool_after");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    HarakaVersion v = tree.harakaVersion();
    IniFile connection = tree.ini("connection.ini");
    for (IniEntry e : tree.smtp().file().entries()) {
      boolean moved = e.section().equals("headers") || (e.section().equals("main") && MAIN_KEYS.contains(e.baseKey()));
      if (!moved) continue;
      String where = "[" + e.section() + "] " + e.key();
      if (v.below(3, 1, 0)) {
        ctx.report(e.keySpan(), "moved-smtp-ini:" + e.section() + "." + e.key(),
            where + " is read from smtp.ini by Haraka " + v + ", but Haraka 3.1 and later read it only from connection.ini: move it "
                + "there when you upgrade.",
            Severity.LOW);
        continue;
      }
      boolean there = connection.get(e.section(), e.baseKey()).filter(p -> !p.isDefault()).isPresent();
      ctx.report(e.keySpan(), "moved-smtp-ini:" + e.section() + "." + e.key(),
          where + " in smtp.ini is ignored by Haraka " + v
              + (there ? "; connection.ini sets it, so delete this leftover." : ": move it to connection.ini " + "[" + e.section() + "], or it does not apply."),
          there ? Severity.LOW : Severity.MEDIUM);
    }
  }
}
