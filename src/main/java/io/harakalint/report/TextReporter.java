package io.harakalint.report;

import io.harakalint.model.Waiver;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The terminal format: {@code file:line:col: severity [RULE] message}, then the rule's why and fix
 * indented below it, then a one-line summary. Colour only when asked for (TTY and no NO_COLOR).
 */
public final class TextReporter implements Reporter {
  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(List<LintReport> reports, java.io.Writer w) {
    PrintWriter out = w instanceof PrintWriter p ? p : new PrintWriter(w);
    for (LintReport r : reports) write(r, out);
    out.flush();
  }

  public void write(LintReport report, PrintWriter out) {
    for (Finding f : report.findings()) {
      String waived = f.status() == Finding.Status.WAIVED ? " (waived)" : "";
      out.println(f.span().file() + ":" + f.span().line() + ":" + f.span().column() + ": "
          + paint(f.severity(), color) + waived + " [" + f.ruleId() + "] " + f.message());
      if (f.waiver() != null) {
        Waiver w = f.waiver();
        String who = w.owner() + ", " + w.span().file() + ":" + w.span().line();
        if (f.status() == Finding.Status.WAIVED) {
          out.println("    waived until " + w.expires() + " (" + who + "): " + w.reason());
        } else {
          out.println("    waiver expired on " + w.expires() + " (" + who + "): this counts again; fix it, or renew the"
              + " waiver with a new date and reason after review");
        }
      }
      out.println("    why: " + f.rule().why());
      out.println("    fix: " + f.rule().fix());
    }
    out.println(summary(report));
    out.flush();
  }

  static String summary(LintReport r) {
    Map<Severity, Integer> c = r.countsBySeverity();
    StringBuilder sb = new StringBuilder();
    sb.append(r.target()).append(": ");
    int n = r.findings().size() - r.waivedCount();
    sb.append(n == 0 ? "no findings" : n + (n == 1 ? " finding" : " findings"));
    if (n > 0) {
      sb.append(" (");
      boolean first = true;
      for (Severity s : Severity.values()) {
        if (c.get(s) == 0) continue;
        if (!first) sb.append(", ");
        sb.append(c.get(s)).append(' ').append(s.label());
        first = false;
      }
      sb.append(')');
    }
    if (r.waivedCount() > 0) sb.append(", ").append(r.waivedCount()).append(" waived");
    if (r.inBaseline() > 0) sb.append(", ").append(r.inBaseline()).append(" in the baseline not shown");
    sb.append(" in ").append(r.filesScanned()).append(r.filesScanned() == 1 ? " file" : " files");
    sb.append("; Haraka ").append(r.harakaVersion()).append(" (").append(r.harakaVersionSource()).append(')');
    return sb.toString();
  }

  private static String paint(Severity s, boolean color) {
    return color ? paint(s) : s.label();
  }

  /** The severity in its ANSI colour. */
  static String paint(Severity s) {
    String code = switch (s) {
      case CRITICAL -> "1;31";
      case HIGH -> "31";
      case MEDIUM -> "33";
      case LOW -> "36";
      case INFO -> "2";
    };
    return "\u001b[" + code + "m" + s.label() + "\u001b[0m";
  }
}
