package io.harakalint.model;

import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waivers written in a config file as a whole-line comment just above the line they cover (Haraka
 * skips whole-line comments, so the file stays valid):
 *
 * <pre>
 * ; haraka-lint: allow HL303 until=2027-03-31 owner=mail-team@example.com reason="Java 8 billing app, OPS-812"
 * 198.18.7.21
 * </pre>
 */
public final class InlineWaivers {
  private static final Pattern ALLOW = Pattern.compile("^\\s*[;#]\\s*haraka-lint:\\s*allow\\s+(\\S+)(.*)$");
  private static final Pattern ATTR = Pattern.compile("(\\w+)=(\"([^\"]*)\"|(\\S+))");

  private InlineWaivers() {}

  /** Every inline waiver in the tree's text config files (worked out once per tree: the policy and HL901 both ask). */
  public static List<Waiver> in(ConfigTree tree) {
    return tree.inlineWaivers();
  }

  static List<Waiver> scan(ConfigTree tree) {
    List<Waiver> out = new ArrayList<>();
    for (String name : tree.fileNames()) {
      SourceFile f = tree.source(name).orElseThrow();
      // Every waiver line names the tool: one search per file spares the per-line regex in files without one.
      if (f.containsNul() || !f.text().contains("haraka-lint")) continue;
      List<SourceFile.Line> lines = f.lines();
      for (int i = 0; i < lines.size(); i++) {
        String text = lines.get(i).text();
        if (!text.contains("haraka-lint:")) continue; // the regex only for the rare line that can match
        Matcher m = ALLOW.matcher(text);
        if (!m.matches()) continue;
        String reason = null;
        String owner = null;
        String until = null;
        Matcher a = ATTR.matcher(m.group(2));
        while (a.find()) {
          String v = a.group(3) != null ? a.group(3) : a.group(4);
          switch (a.group(1)) {
            case "reason" -> reason = v;
            case "owner" -> owner = v;
            case "until", "expires" -> until = v;
            default -> { }
          }
        }
        int target = nextConfigLine(lines, i + 1);
        out.add(new Waiver("inline " + f.path() + ":" + lines.get(i).number(), m.group(1), f.path(), null, target,
            reason, owner, PolicyFile.date(until), until, f.spanAt(lines.get(i).number(), 1), true));
      }
    }
    return List.copyOf(out);
  }

  /** The next line that is not blank and not a comment: the one the waiver stands above. */
  private static int nextConfigLine(List<SourceFile.Line> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      String t = lines.get(j).text();
      if (!JsPatterns.isBlank(t) && !JsPatterns.isComment(t)) return lines.get(j).number();
    }
    return -1;
  }
}
