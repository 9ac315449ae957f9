package io.harakalint.report;

import io.harakalint.model.Waiver;
import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the templates see: plain records of strings and numbers built from the reports, so a
 * template (ours or a user's) needs no Java beyond reading properties, and never receives the
 * loaded tree itself.
 */
public final class ReportView {
  private ReportView() {}

  /** One finding. {@code path} is repository-relative; {@code link} is null without --link-base. */
  public record FindingView(String severity, int rank, String ruleId, String title, String message, String file, String path,
      int line, int column, String location, String link, String status, WaiverView waiver, String fingerprint,
      String why, String fix, ExcerptView excerpt) {}

  public record WaiverView(String name, String reason, String owner, String expires, String where, boolean inline) {}

  /** Lines around a finding; {@code hidden} when the file holds secrets (only the line number is shown). */
  public record ExcerptView(boolean hidden, String reason, List<LineView> lines) {}

  public record LineView(int number, String text, boolean hit) {}

  public record SeverityCount(String label, int count) {}

  public record FileView(String file, String path, List<FindingView> findings) {}

  public record RuleView(String id, String title, String severity, String category, String why, String fix, String pageHtml) {}

  /** One linted tree, with counts of the findings that count (waived ones apart). */
  public record TargetView(String target, String harakaVersion, String harakaVersionSource, int filesScanned, int inBaseline,
      List<SeverityCount> counts, int maxCount, int total, int waived, boolean fails, List<FindingView> findings,
      List<FileView> files, List<FindingView> waivedFindings) {}

  static TargetView target(LintReport r, ReportOptions o, boolean excerpts) {
    List<FindingView> counted = new ArrayList<>();
    List<FindingView> waived = new ArrayList<>();
    Map<String, List<FindingView>> byFile = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      FindingView v = finding(r, f, o, excerpts);
      if (f.counts()) {
        counted.add(v);
        byFile.computeIfAbsent(f.span().file(), k -> new ArrayList<>()).add(v);
      } else {
        waived.add(v);
      }
    }
    List<FileView> files = new ArrayList<>();
    byFile.forEach((file, fs) -> files.add(new FileView(file, r.files().path(file), fs)));
    List<SeverityCount> counts = new ArrayList<>();
    int max = 0;
    for (Map.Entry<Severity, Integer> e : r.countsBySeverity().entrySet()) {
      counts.add(new SeverityCount(e.getKey().label(), e.getValue()));
      max = Math.max(max, e.getValue());
    }
    return new TargetView(r.target(), r.harakaVersion(), r.harakaVersionSource(), r.filesScanned(), r.inBaseline(),
        counts, max, counted.size(), waived.size(), r.failsAt(o.failOn()), counted, files, waived);
  }

  static FindingView finding(LintReport r, Finding f, ReportOptions o, boolean excerpts) {
    String path = r.files().path(f.span().file());
    String location = f.span().file() + ":" + f.span().line();
    String link = o.linkBase() == null || o.linkBase().isBlank() ? null : link(o.linkBase(), path, f.span().line());
    String status = switch (f.status()) {
      case OPEN -> "open";
      case WAIVED -> "waived";
      case WAIVER_EXPIRED -> "waiver-expired";
    };
    Waiver w = f.waiver();
    WaiverView wv = w == null ? null : new WaiverView(w.name(), w.reason(), w.owner(), String.valueOf(w.expires()),
        w.span().file() + ":" + w.span().line(), w.inline());
    return new FindingView(f.severity().label(), f.severity().ordinal(), f.ruleId(), f.rule().title(), f.message(),
        f.span().file(), path, f.span().line(), f.span().column(), location, link, status, wv, f.fingerprint(),
        f.rule().why(), f.rule().fix(), excerpts ? excerpt(r, f) : null);
  }

  static RuleView rule(RuleMeta m, boolean page) {
    String html = page ? RulePage.markdown(m.id()).map(Markdown::pageToHtml).orElse("") : "";
    return new RuleView(m.id(), m.title(), m.severity().label(), m.category().description(), m.why(), m.fix(), html);
  }

  /** {@code base/path#Lline}, the form GitHub and GitLab both use for a line of a file. */
  static String link(String base, String path, int line) {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return b + "/" + SarifReporter.uriPath(path).replace("(", "%28").replace(")", "%29") + "#L" + line;
  }

  /** Two lines either side of the finding, secrets kept out. */
  static ExcerptView excerpt(LintReport r, Finding f) {
    String file = f.span().file();
    if (SecretText.isSecretFile(file)) {
      return new ExcerptView(true, "This file can hold credentials or keys: its content is never shown.", List.of());
    }
    Optional<List<String>> lines = r.files().lines(file);
    if (lines.isEmpty()) return new ExcerptView(false, "", List.of());
    List<String> all = lines.get();
    if (SecretText.looksSecret(all)) {
      return new ExcerptView(true, "This file holds a private key: its content is never shown.", List.of());
    }
    int at = f.span().line();
    // The empty "line" after a final line break is not a line anyone wrote.
    int last = all.size() > 1 && all.get(all.size() - 1).isEmpty() ? all.size() - 1 : all.size();
    List<LineView> out = new ArrayList<>();
    for (int n = Math.max(1, at - 2); n <= Math.min(Math.max(last, at), at + 2); n++) {
      out.add(new LineView(n, SecretText.mask(all.get(n - 1)), n == at));
    }
    return new ExcerptView(false, "", out);
  }

  /** "1 critical, 2 high" for the counts that are not zero; "" when all are. */
  static String countsText(Map<Severity, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
      if (e.getValue() == 0) continue;
      if (sb.length() > 0) sb.append(", ");
      sb.append(e.getValue()).append(' ').append(e.getKey().label());
    }
    return sb.toString();
  }
}
