package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pull-request comment ({@code templates/markdown.ftl}): a hidden marker so CI can find and
 * update its earlier comment, a one-line verdict, a table of findings (new ones for a diff), fixed
 * findings, and each rule's why and fix in a collapsed block. GitHub refuses comments over 65,536
 * characters, so when the comment would be longer, rows are dropped from the end and a note says
 * how many.
 */
public final class MarkdownReporter implements Reporter, DiffReporter {
  /** The hidden marker CI looks for to update the comment instead of adding one. */
  public static final String MARKER = "<!-- haraka-lint-report -->";
  /** GitHub's limit for a comment body. */
  public static final int GITHUB_LIMIT = 65_536;
  /** What we aim under, in UTF-8 bytes (so in characters whatever GitHub counts), leaving room for a bot's header. */
  static final int BUDGET = 64_000;
  static final String TEMPLATE = "markdown.ftl";

  private final ReportOptions options;

  public MarkdownReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    List<Section> sections = new ArrayList<>();
    List<ReportView.FindingView> waived = new ArrayList<>();
    Map<Severity, Integer> counts = zero();
    List<RuleMeta> rules = new ArrayList<>();
    int files = 0;
    boolean fails = false;
    for (LintReport r : reports) {
      List<ReportView.FindingView> rows = new ArrayList<>();
      for (Finding f : r.findings()) {
        ReportView.FindingView v = ReportView.finding(r, f, options, false);
        if (f.counts()) rows.add(v);
        else waived.add(v);
        if (!rules.contains(f.rule())) rules.add(f.rule());
      }
      r.countsBySeverity().forEach((s, n) -> counts.merge(s, n, Integer::sum));
      files += r.filesScanned();
      fails |= r.failsAt(options.failOn());
      sections.add(new Section(r.target(), r.harakaVersion(), bySeverity(rows)));
    }
    Map<String, Object> model = base("check", fails);
    model.put("targets", reports.stream().map(LintReport::target).toList());
    model.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
    model.put("countsText", ReportView.countsText(counts));
    model.put("waivedCount", waived.size());
    model.put("filesScanned", files);
    model.put("harakaVersion", reports.size() == 1 ? reports.get(0).harakaVersion() : "");
    if (options.logs() != null) model.put("logs", LogsView.of(options.logs()));
    out.write(fit(model, sections, List.of(), waived, rules));
  }

  @Override
  public void write(DiffReport diff, Writer out) throws IOException {
    LintReport head = diff.head();
    List<ReportView.FindingView> added = new ArrayList<>();
    List<ReportView.FindingView> waived = new ArrayList<>();
    Map<Severity, Integer> counts = zero();
    List<RuleMeta> rules = new ArrayList<>();
    for (Finding f : diff.added()) {
      ReportView.FindingView v = ReportView.finding(head, f, options, false);
      if (f.counts()) {
        added.add(v);
        counts.merge(f.severity(), 1, Integer::sum);
      } else {
        waived.add(v);
      }
      if (!rules.contains(f.rule())) rules.add(f.rule());
    }
    ReportOptions noLinks = new ReportOptions(false, null, null, options.failOn()); // fixed lines are gone from the head
    List<ReportView.FindingView> fixed = new ArrayList<>();
    for (Finding f : diff.fixed()) fixed.add(ReportView.finding(diff.base(), f, noLinks, false));
    Map<String, Object> model = base("diff", diff.failsAt(options.failOn()));
    model.put("base", diff.base().target());
    model.put("head", head.target());
    model.put("targets", List.of(head.target()));
    model.put("total", added.size());
    model.put("countsText", ReportView.countsText(counts));
    model.put("waivedCount", waived.size());
    model.put("fixedCount", fixed.size());
    model.put("unchanged", diff.unchanged());
    model.put("filesScanned", head.filesScanned());
    model.put("harakaVersion", head.harakaVersion());
    out.write(fit(model, List.of(new Section(head.target(), head.harakaVersion(), bySeverity(added))), fixed, waived, rules));
  }

  /** One linted tree's rows. */
  public record Section(String target, String harakaVersion, List<ReportView.FindingView> rows) {}

  private Map<String, Object> base(String mode, boolean fails) {
    Map<String, Object> m = new HashMap<>();
    m.put("marker", MARKER);
    m.put("mode", mode);
    m.put("fails", fails);
    m.put("failOn", options.failOn() == null ? "none" : options.failOn().label());
    m.put("linked", options.linkBase() != null && !options.linkBase().isBlank());
    m.put("limit", GITHUB_LIMIT);
    return m;
  }

  /**
   * Renders with as many rows as fit the budget: all of them when they do, else the most that do
   * (found by bisection, rows kept in order: findings, then fixed, then waived).
   */
  private String fit(Map<String, Object> model, List<Section> sections, List<ReportView.FindingView> fixed,
      List<ReportView.FindingView> waived, List<RuleMeta> rules) throws IOException {
    Templates t = new Templates(options.templateDir());
    int all = fixed.size() + waived.size();
    for (Section s : sections) all += s.rows().size();
    String text = render(t, model, sections, fixed, waived, rules, all, all);
    if (bytes(text) <= BUDGET) return text;
    int lo = 0;
    int hi = all - 1;
    String best = render(t, model, sections, fixed, waived, rules, 0, all);
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String candidate = render(t, model, sections, fixed, waived, rules, mid, all);
      if (bytes(candidate) <= BUDGET) {
        best = candidate;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  private static String render(Templates t, Map<String, Object> base, List<Section> sections,
      List<ReportView.FindingView> fixed, List<ReportView.FindingView> waived, List<RuleMeta> rules, int keep, int all)
      throws IOException {
    int left = keep;
    List<Section> shown = new ArrayList<>();
    Map<String, Boolean> ruleShown = new LinkedHashMap<>();
    for (Section s : sections) {
      List<ReportView.FindingView> rows = s.rows().subList(0, Math.min(left, s.rows().size()));
      left -= rows.size();
      shown.add(new Section(s.target(), s.harakaVersion(), rows));
      rows.forEach(r -> ruleShown.put(r.ruleId(), true));
    }
    List<ReportView.FindingView> fixedShown = fixed.subList(0, Math.min(left, fixed.size()));
    left -= fixedShown.size();
    List<ReportView.FindingView> waivedShown = waived.subList(0, Math.min(left, waived.size()));
    waivedShown.forEach(r -> ruleShown.put(r.ruleId(), true));
    List<ReportView.RuleView> ruleViews = new ArrayList<>();
    for (String id : ruleShown.keySet()) {
      for (RuleMeta m : rules) if (m.id().equals(id)) ruleViews.add(ReportView.rule(m, false));
    }
    Map<String, Object> model = new HashMap<>(base);
    model.put("sections", shown);
    model.put("fixed", fixedShown);
    model.put("waived", waivedShown);
    model.put("rules", ruleViews);
    model.put("omitted", all - keep);
    model.put("shownRows", keep);
    model.put("allRows", all);
    return t.render(TEMPLATE, model);
  }

  /**
   * Most severe first (then file and line, the order they came in), so a reviewer reads what
   * matters first and truncation drops the least severe.
   */
  private static List<ReportView.FindingView> bySeverity(List<ReportView.FindingView> rows) {
    List<ReportView.FindingView> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparingInt(ReportView.FindingView::rank));
    return sorted;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Map<Severity, Integer> zero() {
    Map<Severity, Integer> m = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) m.put(s, 0);
    return m;
  }
}
