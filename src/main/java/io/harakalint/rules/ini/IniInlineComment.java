package io.harakalint.rules.ini;

import io.harakalint.model.IniEntry;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.SecretFiles;
import io.harakalint.rules.Severity;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See rules/HL102.md. */
public final class IniInlineComment implements Rule {
  public static final RuleMeta META = new RuleMeta("HL102", "Inline comment becomes part of the value",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "comment"), true,
      "haraka-config has no inline comments: \"acl=true ; note\" is the string \"true ; note\", which a declared boolean reads as false and a number reads as text.",
      "Move the comment to its own line above the setting.");

  // What people write as an end-of-line comment: " ; ..." or " # ...". A '#' inside a token (a
  // password, a URL fragment) or before a word ("the #1 service") is not flagged.
  private static final Pattern COMMENT = Pattern.compile("\\s;|\\s#(\\s|$)");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (var doc : ctx.tree().iniDocuments()) {
      String name = doc.path().substring(ctx.tree().configPrefix().length());
      IniFile typed = ctx.tree().ini(name);
      boolean secret = SecretFiles.holdsSecrets(doc.path());
      for (IniEntry e : doc.entries()) {
        if (e.rawValue() == null) continue;
        Matcher m = COMMENT.matcher(e.rawValue());
        if (!m.find()) continue;
        String where = "[" + e.section() + "] " + e.key();
        IniProperty now = typed.get(e.section(), e.isArray() ? e.baseKey() : e.key()).orElse(null);
        boolean declaredBool = now != null && now.entry() == e && now.value() instanceof IniValue.Bool;
        String effect;
        Severity sev = META.severity();
        if (declaredBool) {
          effect = "this declared boolean is read as " + ((IniValue.Bool) now.value()).value()
              + " whatever the text before the comment says";
          sev = Severity.HIGH;
        } else if (secret) {
          effect = "the comment becomes part of the secret";
        } else {
          String before = e.rawValue().substring(0, m.start()).trim();
          effect = "the value is the whole text, comment included, not '" + before + "'";
          if (before.matches("-?\\d+(\\.\\d+)?")) effect += " (so it is no longer a number)";
        }
        ctx.report(e.valueSpan(), "inline-comment:" + e.section() + "." + e.key(),
            where + " has an inline comment: " + effect + ".", sev);
      }
    }
  }
}
