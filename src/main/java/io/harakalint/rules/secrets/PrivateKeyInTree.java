package io.harakalint.rules.secrets;

import io.harakalint.model.ConfigTree;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.SourceFile;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL502.md. */
public final class PrivateKeyInTree implements Rule {
  public static final RuleMeta META = new RuleMeta("HL502", "Private key stored in the config tree",
      Severity.MEDIUM, Category.SECRETS, "all", Set.of("secrets", "tls", "dkim"), false,
      "Whoever reads this file can impersonate the server's TLS name or sign mail as the domain (DKIM); in a git repository the key stays in history even after it is deleted.",
      "Keep keys out of version control (gitignore, or a secrets store that writes them at deploy time), mode 0600, owned by Haraka's user; rotate any key that was ever committed.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    for (String name : tree.fileNames()) {
      SourceFile f = tree.source(name).orElseThrow();
      int line = lineOf(f.text(), "PRIVATE KEY-----");
      if (line < 0) continue;
      ctx.report(new Span(f.path(), line, 1), "private-key:" + name,
          "This file holds a private key (content not shown).");
    }
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    if (at < 0) return -1;
    int line = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) line++;
    }
    return line;
  }
}
