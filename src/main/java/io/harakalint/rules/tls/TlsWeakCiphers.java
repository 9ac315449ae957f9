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
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "ciphers", "legacy-client"), true,
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
    io.harakalint.model.Fix fix = p.entry() == null || p.raw() == null || p.entry().continued() ? null
        : io.harakalint.model.Fix.of("the weak suites (and security level 0, if it was set) are no longer offered; clients that"
            + " only speak them can no longer use TLS (check with 'haraka-lint compat')",
            new io.harakalint.text.TextEdit(p.span().file(), p.span().line(), p.span().column(), p.span().line(),
                p.span().column() + p.raw().length(), hardened(p.raw(), bad)));
    ctx.report(p.span(), "ciphers:" + p.section(),
        "[" + p.section() + "] ciphers enables " + String.join(", ", bad)
            + (main && !outboundOwn ? "; [outbound] inherits this list" : "") + ".",
        main ? Severity.HIGH : Severity.MEDIUM, fix);
  }

  private static final java.util.regex.Pattern SINGLE_DES = java.util.regex.Pattern.compile("(.*-)?DES(-.*)?");

  /** The weak classes and the OpenSSL exclusion that removes each for good ("!X" is permanent). */
  private static final java.util.Map<String, String> EXCLUDE = java.util.Map.of("RC4", "!RC4", "3DES", "!3DES", "DES", "!DES",
      "EXPORT", "!EXPORT", "no encryption", "!eNULL", "no authentication", "!aNULL", "RC2", "!RC2");

  /**
   * Tokens that switch on something weak. Negated ones (!RC4, -3DES) are fine, and so is a weak
   * token whose class a "!" token removes anywhere in the string (OpenSSL's "!" is permanent).
   */
  static List<String> weakTokens(String ciphers) {
    java.util.Set<String> removed = new java.util.HashSet<>();
    for (String token : ciphers.split("[:, ]+")) {
      if (!token.startsWith("!")) continue;
      String u = token.substring(1).toUpperCase(Locale.ROOT);
      for (java.util.Map.Entry<String, String> e : EXCLUDE.entrySet()) {
        if (e.getValue().substring(1).equalsIgnoreCase(u) || (u.equals("EXP") && e.getKey().equals("EXPORT"))
            || (u.equals("NULL") && e.getKey().equals("no encryption"))) {
          removed.add(e.getKey());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String token : ciphers.split("[:, ]+")) {
      if (token.isEmpty() || token.startsWith("!") || token.startsWith("-")) continue;
      String t = token.startsWith("+") ? token.substring(1) : token;
      String cls = classOf(t.toUpperCase(Locale.ROOT));
      if (cls == null || removed.contains(cls)) continue;
      out.add(cls.equals("@SECLEVEL=0") ? cls : t + " (" + cls + ")");
    }
    return out;
  }

  private static String classOf(String u) {
    if (u.equals("@SECLEVEL=0")) return "@SECLEVEL=0";
    if (u.contains("RC4")) return "RC4";
    if (u.contains("3DES") || u.contains("DES-CBC3")) return "3DES";
    if (SINGLE_DES.matcher(u).matches()) return "DES";
    if (u.startsWith("EXP") || u.contains("-EXPORT")) return "EXPORT";
    if (u.equals("ENULL") || u.equals("NULL") || u.contains("-NULL-")) return "no encryption";
    if (u.equals("ANULL") || u.startsWith("ADH") || u.startsWith("AECDH")) return "no authentication";
    if (u.equals("RC2") || u.contains("-RC2-")) return "RC2";
    return null;
  }

  /** The cipher string without @SECLEVEL=0 and with a permanent exclusion for each weak class it enabled. */
  static String hardened(String ciphers, List<String> bad) {
    List<String> keep = new ArrayList<>();
    for (String token : ciphers.split(":")) if (!token.trim().equalsIgnoreCase("@SECLEVEL=0")) keep.add(token);
    java.util.LinkedHashSet<String> add = new java.util.LinkedHashSet<>();
    for (String b : bad) {
      int open = b.lastIndexOf(" (");
      if (open > 0) add.add(EXCLUDE.get(b.substring(open + 2, b.length() - 1)));
    }
    keep.addAll(add);
    return String.join(":", keep);
  }
}
