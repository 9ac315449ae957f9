package io.harakalint.rules.ini;

import io.harakalint.model.Fix;
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
import io.harakalint.text.SourceFile;
import io.harakalint.text.TextEdit;
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

  /**
   * The comment goes on its own line above the entry, with the entry's indentation and the file's
   * own line ending; the value keeps the text before the comment. Not offered for secrets (the
   * comment may be part of a password) or continued lines.
   */
  private static Fix moveCommentUp(SourceFile f, IniEntry e, int commentAt, String before, boolean declaredBool) {
    SourceFile.Line line = f.line(e.startLine());
    int valueStart = e.valueSpan().column() - 1;
    String text = line.text();
    String indent = text.substring(0, text.length() - text.stripLeading().length());
    String comment = e.rawValue().substring(commentAt).trim();
    String eol = f.lineEnding(e.startLine()).isEmpty() ? "\n" : f.lineEnding(e.startLine());
    String kept = (text.substring(0, valueStart) + e.rawValue().substring(0, commentAt)).stripTrailing();
    return Fix.of("[" + e.section() + "] " + e.key() + " becomes '" + before + "'"
            + (declaredBool ? " (so this boolean is read as " + io.harakalint.model.IniTyping.isTruth(before) + ")" : ""),
        TextEdit.replaceLine(f, e.startLine(), indent + comment + eol + kept));
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (var doc : ctx.tree().iniDocuments()) {
      String name = doc.path().substring(ctx.tree().configPrefix().length());
      IniFile typed = null; // typed only when a comment is found: most files have none
      boolean secret = SecretFiles.holdsSecrets(doc.path());
      for (IniEntry e : doc.entries()) {
        if (e.rawValue() == null || (e.rawValue().indexOf(';') < 0 && e.rawValue().indexOf('#') < 0)) continue; // spares the regex
        Matcher m = COMMENT.matcher(e.rawValue());
        if (!m.find()) continue;
        String where = "[" + e.section() + "] " + e.key();
        if (typed == null) typed = ctx.tree().ini(name);
        IniProperty now = typed.get(e.section(), e.isArray() ? e.baseKey() : e.key()).orElse(null);
        boolean declaredBool = now != null && now.entry() == e && now.value() instanceof IniValue.Bool;
        String effect;
        Severity sev = META.severity();
        boolean secretValue = secret || SecretFiles.isSecretKey(e.key());
        if (declaredBool) {
          effect = "this declared boolean is read as " + ((IniValue.Bool) now.value()).value()
              + " whatever the text before the comment says";
          sev = Severity.HIGH;
        } else if (secretValue) {
          effect = "the comment becomes part of the secret";
        } else {
          String before = e.rawValue().substring(0, m.start()).trim();
          effect = "the value is the whole text, comment included, not '" + before + "'";
          if (before.matches("-?\\d+(\\.\\d+)?")) effect += " (so it is no longer a number)";
        }
        String before = e.rawValue().substring(0, m.start()).trim();
        ctx.report(e.valueSpan(), "inline-comment:" + e.section() + "." + e.key(),
            where + " has an inline comment: " + effect + ".", sev,
            secretValue || e.continued() ? null : moveCommentUp(doc.source(), e, m.start(), before, declaredBool));
      }
    }
  }
}
