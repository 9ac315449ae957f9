package io.harakalint.model;

import io.harakalint.text.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An accepted risk: which finding (rule, file, optionally the key or entry it is about), why, who
 * owns it, and until when. Written in the policy file or as a comment above a config line. A waiver
 * missing its reason, owner or expiry date waives nothing and is itself reported.
 *
 * @param file for policy waivers, the finding's file; null matches any file; inline waivers are
 *     bound to {@code line} in that file instead
 * @param entry the key, ACL entry, host or plugin name the finding is about (its anchor ends with it),
 *     or null for every finding of the rule in the file
 * @param line for inline waivers, the config line the comment stands above; 0 for policy waivers
 * @param expiresText the date as written, kept to report a date that does not parse
 */
public record Waiver(String name, String rule, String file, String entry, int line, String reason, String owner,
    LocalDate expires, String expiresText, Span span, boolean inline) {

  /** What is missing or wrong, for the "incomplete waiver" finding; empty when the waiver is usable. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (rule == null || !rule.matches("HL\\d{3}")) out.add("no rule id (rule=HLnnn)");
    if (reason == null || reason.isBlank()) out.add("no reason");
    if (owner == null || owner.isBlank()) out.add("no owner");
    if (expiresText == null || expiresText.isBlank()) out.add("no expiry date");
    else if (expires == null) out.add("expiry '" + expiresText + "' is not a date like 2027-03-31");
    return out;
  }

  public boolean isUsable() {
    return problems().isEmpty();
  }

  public boolean expiredOn(LocalDate today) {
    return expires != null && expires.isBefore(today);
  }
}
