package io.harakalint.rules.ini;

import inet.ipaddr.IPAddressString;
import io.harakalint.model.IniDocument;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL106.md. */
public final class IniIpSectionHeader implements Rule {
  public static final RuleMeta META = new RuleMeta("HL106", "Bracketed IP address opens a new section",
      Severity.HIGH, Category.INI, "all", Set.of("ini", "ipv6", "section"), true,
      "A line like [2001:db8::1] is a section header in Haraka's INI, not an address: the entry is lost and every key below it moves into a section named after the address.",
      "Write the address without brackets (2001:db8::1) as a key in the section where it belongs.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (IniDocument doc : ctx.tree().iniDocuments()) {
      for (IniDocument.SectionHeader h : doc.headers()) {
        if (!looksLikeAddress(h.name())) continue;
        io.harakalint.text.SourceFile f = doc.source();
        String text = f.line(h.line()).text();
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        ctx.report(new Span(doc.path(), h.line(), 1), "ip-section:" + h.name(),
            "[" + h.name() + "] is a section header, not an address entry: the keys after it belong to a section named '"
                + h.name() + "' and not to the section above.", META.severity(),
            io.harakalint.model.Fix.of(h.name() + " becomes an entry of the section above, and the keys after it return to that section",
                io.harakalint.text.TextEdit.replaceLine(f, h.line(), indent + h.name())));
      }
    }
  }

  private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,3})?");

  // IPAddressString alone is too lenient ("1" parses as inet_aton IPv4), so ask for an IPv6 colon
  // or a dotted quad before trusting it.
  private static boolean looksLikeAddress(String name) {
    boolean shaped = name.contains(":") || DOTTED_QUAD.matcher(name).matches();
    return shaped && new IPAddressString(name).isIPAddress();
  }
}
