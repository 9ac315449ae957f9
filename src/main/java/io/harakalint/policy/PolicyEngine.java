package io.harakalint.policy;

import io.harakalint.model.Located;
import io.harakalint.model.PolicyFile;
import io.harakalint.model.Waiver;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what counts: rules switched off or re-graded in the policy, excluded paths, and waivers
 * (policy file or inline) that accept a finding until they expire. Rules decide what is wrong; this
 * class never changes that, only whether and how it is reported.
 */
public final class PolicyEngine {
  /** Findings about the policy itself cannot be waived or switched off by that policy. */
  private static final Set<String> POLICY_RULES = Set.of("HL901", "HL902");

  private final PolicyFile policy;
  private final List<Waiver> waivers;
  private final LocalDate today;

  /**
   * @param inline waivers written above config lines
   * @param useWaivers false for {@code --no-waivers}: every finding counts
   */
  public PolicyEngine(PolicyFile policy, List<Waiver> inline, LocalDate today, boolean useWaivers) {
    this.policy = policy;
    this.today = today;
    List<Waiver> all = new ArrayList<>();
    if (useWaivers) {
      for (Waiver w : policy.waivers()) if (w.isUsable()) all.add(w);
      for (Waiver w : inline) if (w.isUsable()) all.add(w);
    }
    this.waivers = List.copyOf(all);
  }

  /** The thresholds the policy sets over the defaults. */
  public static LintOptions options(PolicyFile policy, LintOptions base) {
    java.util.LinkedHashSet<String> clients = new java.util.LinkedHashSet<>(base.requiredClients());
    for (Located<String> c : policy.requiredClients()) clients.add(c.value());
    String node = base.nodeVersion();
    if (node.equals(LintOptions.DEFAULTS.nodeVersion()) && policy.nodeVersion().isPresent()) node = policy.nodeVersion().get().value();
    return new LintOptions(policy.threshold("acl_min_prefix_v4").orElse(base.aclMinPrefixV4()),
        policy.threshold("acl_min_prefix_v6").orElse(base.aclMinPrefixV6()),
        policy.threshold("cert_expiry_days").orElse(base.certExpiryDays()), base.fixedToday(), List.copyOf(clients), node);
  }

  public List<Finding> apply(List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      boolean policyRule = POLICY_RULES.contains(f.ruleId());
      Located<String> setting = policy.ruleSettings().get(f.ruleId());
      if (!policyRule && setting != null) {
        String v = setting.value().trim().toLowerCase(Locale.ROOT);
        if (v.equals("off")) continue;
        if (!v.equals("on")) {
          try {
            f = f.withSeverity(Severity.parse(v));
          } catch (IllegalArgumentException e) {
            // an unknown value is reported by HL902 and ignored here
          }
        }
      }
      if (!policyRule && excluded(f.span().file())) continue;
      if (!policyRule) f = waive(f);
      out.add(f);
    }
    return out;
  }

  private boolean excluded(String file) {
    for (Located<String> glob : policy.excludes()) {
      try {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.value());
        if (m.matches(Path.of(file))) return true;
      } catch (IllegalArgumentException e) {
        // a malformed glob excludes nothing; HL902 reports it
      }
    }
    return false;
  }

  private Finding waive(Finding f) {
    for (Waiver w : waivers) {
      if (!matches(w, f)) continue;
      return f.withWaiver(w, w.expiredOn(today) ? Finding.Status.WAIVER_EXPIRED : Finding.Status.WAIVED);
    }
    return f;
  }

  static boolean matches(Waiver w, Finding f) {
    if (!w.rule().equalsIgnoreCase(f.ruleId())) return false;
    if (w.inline()) return w.file().equals(f.span().file()) && w.line() == f.span().line();
    if (w.file() != null && !w.file().equals(f.span().file())) return false;
    if (w.entry() == null) return true;
    return f.anchor().equals(w.entry()) || f.anchor().endsWith(":" + w.entry());
  }

  /** The policy's waivers and inline waivers in use, for reports. */
  public List<Waiver> waivers() {
    return waivers;
  }
}
