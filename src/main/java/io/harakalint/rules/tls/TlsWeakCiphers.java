package io.harakalint.rules.tls;

import io.harakalint.model.IniProperty;
import io.harakalint.model.TlsIni;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See rules/HL305.md. */
public final class TlsWeakCiphers implements Rule {
  public static final RuleMeta META = new RuleMeta("HL305", "Cipher string enables broken ciphers or security level 0",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "ciphers", "legacy-client"), false,
      "RC4, 3DES (Sweet32), DES, EXPORT, NULL and anonymous suites can be broken or give no encryption or authentication at all, and @SECLEVEL=0 re-enables SHA-1 signatures and tiny keys for every connection; [outbound] inherits [main].",
      "Remove the ciphers line to get Node's default, or use Mozilla's intermediate list; never add @SECLEVEL=0.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsIni tls = ctx.tree().tls();
    check(ctx, tls.inbound("ciphers"), tls.file().get("outbound", "ciphers").isPresent());
    check(ctx, tls.file().get("outbound", "ciphers"), true);
  }

  private void check(RuleContext ctx, Optional<IniProperty> prop, boolean outboundOwn) {
    if (prop.isEmpty()) return;
    IniProperty p = prop.get();
    List<String> bad = weakTokens(p.value().toString());
    if (bad.isEmpty()) return;
    boolean main = !p.section().equals("outbound");
    ctx.report(p.span(), "ciphers:" + p.section(),
        "[" + p.section() + "] ciphers enables " + String.join(", ", bad)
            + (main && !outboundOwn ? "; [outbound] inherits this list" : "") + ".",
        main ? Severity.HIGH : Severity.MEDIUM);
  }

  private static final java.util.regex.Pattern SINGLE_DES = java.util.regex.Pattern.compile("(.*-)?DES(-.*)?");

  /** Tokens that switch on something weak; negated ones (!RC4, -3DES) are fine. */
  static List<String> weakTokens(String ciphers) {
    List<String> out = new ArrayList<>();
    for (String token : ciphers.split("[:, ]+")) {
      if (token.isEmpty() || token.startsWith("!") || token.startsWith("-")) continue;
      String t = token.startsWith("+") ? token.substring(1) : token;
      String u = t.toUpperCase(Locale.ROOT);
      if (u.equals("@SECLEVEL=0")) out.add("@SECLEVEL=0");
      else if (u.contains("RC4")) out.add(t + " (RC4)");
      else if (u.contains("3DES") || u.contains("DES-CBC3")) out.add(t + " (3DES)");
      else if (SINGLE_DES.matcher(u).matches()) out.add(t + " (DES)");
      else if (u.startsWith("EXP") || u.contains("-EXPORT")) out.add(t + " (EXPORT)");
      else if (u.equals("ENULL") || u.equals("NULL") || u.contains("-NULL-")) out.add(t + " (no encryption)");
      else if (u.equals("ANULL") || u.startsWith("ADH") || u.startsWith("AECDH")) out.add(t + " (no authentication)");
      else if (u.equals("RC2") || u.contains("-RC2-")) out.add(t + " (RC2)");
    }
    return out;
  }
}
