package io.harakalint.rules.ini;

import io.harakalint.model.IniDocument;
import io.harakalint.model.IniEntry;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** See rules/HL105.md. */
public final class IniMixedScalarArray implements Rule {
  public static final RuleMeta META = new RuleMeta("HL105", "Key written both as k= and k[]=",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "array"), false,
      "haraka-config 1.7.0 keeps only the form written last (an array replaces the scalar, a scalar replaces the array); 1.4.2 threw and ignored the whole file.",
      "Write the key one way only: k[]= on every line for a list, or a single k= for one value.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (IniDocument doc : ctx.tree().iniDocuments()) {
      Map<String, IniEntry> firstScalar = new HashMap<>();
      Map<String, IniEntry> firstArray = new HashMap<>();
      Set<String> reported = new java.util.HashSet<>();
      for (IniEntry e : doc.entries()) {
        String k = e.section() + "\u0000" + e.baseKey();
        (e.isArray() ? firstArray : firstScalar).putIfAbsent(k, e);
        IniEntry other = (e.isArray() ? firstScalar : firstArray).get(k);
        if (other != null && reported.add(k)) {
          ctx.report(e.keySpan(), "mixed:" + e.section() + "." + e.baseKey(),
              "[" + e.section() + "] " + e.baseKey() + " is written as " + (e.isArray() ? "k[]=" : "k=")
                  + " here and as " + (other.isArray() ? "k[]=" : "k=") + " on line " + other.startLine()
                  + ": only the last form survives (and haraka-config 1.4.2 drops the whole file).");
        }
      }
    }
  }
}
