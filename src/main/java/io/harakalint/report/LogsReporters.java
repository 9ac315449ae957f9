package io.harakalint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.harakalint.logs.AclUse;
import io.harakalint.logs.Decision;
import io.harakalint.logs.IpActivity;
import io.harakalint.logs.IpReport;
import io.harakalint.logs.LogSummary;
import io.harakalint.logs.LogsReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The formats of {@code haraka-lint logs}: text for a busy operator (decisions first, then the ACL
 * entries and the clients), JSON (the {@link LogsView} contract), and Markdown and HTML from the
 * Freemarker fragments {@code logs-section.md.ftl} / {@code logs-section.ftlh}, which the check
 * report includes too ({@code check --logs}).
 */
public final class LogsReporters {
  public static final List<String> FORMATS = List.of("text", "json", "markdown", "html");

  private LogsReporters() {}

  public static void write(String format, LogsReport r, Path templateDir, Writer out) throws IOException {
    switch (format) {
      case "json" -> json(r, out);
      case "markdown" -> new Templates(templateDir).render("logs.md.ftl", model(r), out);
      case "html" -> new Templates(templateDir).render("logs.ftlh", model(r), out);
      default -> text(r, new PrintWriter(out));
    }
    out.flush();
  }

  /** The template model: {@code logs} is the {@link LogsView}. */
  static Map<String, Object> model(LogsReport r) {
    Map<String, Object> m = new HashMap<>();
    m.put("logs", LogsView.of(r));
    m.put("toolVersion", ToolVersion.get());
    return m;
  }

  static void json(LogsReport r, Writer out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, LogsView.of(r));
    out.write("\n");
  }

  static void text(LogsReport r, PrintWriter out) {
    LogSummary s = r.summary();
    long acts = r.decisions().stream().filter(Decision::acts).count();
    out.println("haraka-lint logs: " + acts + " action(s), " + (r.decisions().size() - acts) + " to review; "
        + s.sessions() + " session(s) from " + s.ips().size() + " address(es) in " + s.lines() + " line(s); window: " + r.window()
        + (r.config() == null ? "; no config given (Haraka's TLS defaults assumed, ACL not joined)" : "; config: " + r.config()));
    if (!r.decisions().isEmpty()) {
      out.println();
      out.println("Decisions");
      for (Decision d : r.decisions()) {
        out.println("  " + (d.acts() ? "ACT   " : "REVIEW") + " " + d.kind() + " " + d.subject() + " (" + d.where() + ")"
            + (d.owner() != null ? " owner: " + d.owner() : ""));
        out.println("         " + d.text());
      }
    }
    if (!r.acl().isEmpty()) {
      out.println();
      out.println("relay_acl_allow entries");
      for (AclUse a : r.acl()) {
        out.println("  " + a.entry() + " (" + a.where() + "): " + a.relays() + " relayed session(s), " + a.recipients()
            + " recipient(s)" + (a.first() != null ? ", first " + a.first() + ", last " + a.last() : "")
            + (a.clients().isEmpty() ? "" : ", from " + String.join(", ", a.clients()))
            + (a.waiver() != null ? "; waiver " + a.waiver().name() + " (owner " + a.waiver().owner() + ", expires "
                + a.waiver().expires() + ")" : "; no waiver"));
      }
    }
    if (!r.clients().isEmpty()) {
      out.println();
      out.println("Clients");
      for (IpReport c : r.clients()) {
        IpActivity a = c.activity();
        StringBuilder line = new StringBuilder("  " + c.ip() + (c.isPrivate() ? " (private)" : "") + ": " + a.sessions()
            + " session(s), " + a.first() + " to " + a.last());
        if (!c.tlsFailures().isEmpty()) line.append("; TLS failed: ").append(String.join(", ", c.tlsFailures()));
        if (a.tlsOk() > 0) line.append("; TLS ok ×").append(a.tlsOk()).append(' ').append(a.tlsVersions());
        if (a.aclRelays() > 0) line.append("; relayed by ACL ×").append(a.aclRelays());
        if (a.authFailures() > 0) line.append("; AUTH failed ×").append(a.authFailures());
        if (a.authSuccesses() > 0) line.append("; AUTH ok ×").append(a.authSuccesses());
        if (a.authClearText() > 0) line.append("; AUTH without TLS ×").append(a.authClearText());
        if (a.refusedRelays() > 0) line.append("; relay refused ×").append(a.refusedRelays());
        if (c.exception() != null) line.append("; exception: ").append(c.exception());
        out.println(line);
        if (!c.likelyProfiles().isEmpty()) out.println("      likely client: " + String.join(", ", c.likelyProfiles()));
      }
    }
    if (!r.omitted().isEmpty()) {
      out.println();
      out.println("Not listed (beyond the " + r.clients().size() + " most urgent addresses): " + r.omitted()
          + " decision(s) by kind; raise --max-listed or use --format json");
    }
    out.println();
    out.println("Read: " + s.sources().size() + " log(s), " + s.lines() + " line(s) " + s.formats() + "; " + s.unknown()
        + " unknown and " + s.malformed() + " malformed line(s) skipped; " + s.unfinished() + " session(s) without a disconnect line; "
        + s.ips().size() + " of at most " + s.maxIps() + " address(es) tracked"
        + (s.overflowSessions() > 0 ? ", " + s.overflowSessions() + " session(s) of further addresses only counted" : ""));
    out.flush();
  }
}
