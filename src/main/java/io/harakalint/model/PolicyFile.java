package io.harakalint.model;

import io.harakalint.text.Span;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * haraka-lint's own policy file, {@code .haraka-lint.ini} at the root of the tree (or named with
 * {@code --policy}). It is read with the same INI dialect as Haraka's files, so positions are exact
 * and operators meet no new syntax:
 *
 * <pre>
 * [rules]
 * HL302=off
 * HL502=low
 *
 * [paths]
 * exclude[]=config/tls/old/*
 *
 * [thresholds]
 * acl_min_prefix_v4=24
 * acl_min_prefix_v6=48
 * cert_expiry_days=30
 *
 * [compat]
 * ; clients we promise to support (ids from 'haraka-lint compat'), judged on this Node major
 * require_clients[]=java-8u291
 * require_clients[]=outlook-2016-win10
 * node_version=20
 *
 * [waiver java8-billing]
 * rule=HL303
 * file=config/tls.ini
 * entry=198.18.7.21
 * reason=Billing app is Java 8u161 until the vendor ships 8u291 (ticket OPS-812)
 * owner=mail-team@example.com
 * expires=2027-03-31
 * </pre>
 */
public record PolicyFile(String path, Map<String, Located<String>> ruleSettings, List<Located<String>> excludes,
    Map<String, Located<String>> thresholds, List<Waiver> waivers, List<Located<String>> requiredClients,
    Optional<Located<String>> nodeVersion) {

  public static final PolicyFile NONE = new PolicyFile(null, Map.of(), List.of(), Map.of(), List.of(), List.of(), Optional.empty());

  public static final String FILE_NAME = ".haraka-lint.ini";

  public boolean exists() {
    return path != null;
  }

  public static PolicyFile from(IniDocument doc) {
    IniFile f = new IniFile(doc.path(), doc, List.of());
    Map<String, Located<String>> rules = new LinkedHashMap<>();
    f.section("rules").forEach((k, p) -> rules.put(k, new Located<>(p.value().toString(), p.span())));
    List<Located<String>> excludes = new ArrayList<>();
    for (IniValue.Element e : f.array("paths", "exclude")) excludes.add(new Located<>(e.value().toString(), e.entry().valueSpan()));
    Map<String, Located<String>> thresholds = new LinkedHashMap<>();
    f.section("thresholds").forEach((k, p) -> thresholds.put(k, new Located<>(p.value().toString(), p.span())));
    List<Waiver> waivers = new ArrayList<>();
    for (String section : f.sectionNames()) {
      if (!section.startsWith("waiver")) continue;
      String name = section.substring("waiver".length()).trim();
      Span at = f.sectionHeader(section).orElse(f.fileSpan());
      Map<String, IniProperty> w = f.section(section);
      String expires = text(w, "expires");
      waivers.add(new Waiver(name.isEmpty() ? section : name, text(w, "rule"), text(w, "file"), text(w, "entry"), 0,
          text(w, "reason"), text(w, "owner"), date(expires), expires, at, false));
    }
    List<Located<String>> clients = new ArrayList<>();
    for (IniValue.Element e : f.array("compat", "require_clients")) clients.add(new Located<>(e.value().toString(), e.entry().valueSpan()));
    Optional<Located<String>> node = f.string("compat", "node_version");
    return new PolicyFile(doc.path(), rules, excludes, thresholds, waivers, List.copyOf(clients), node);
  }

  /** A threshold as an integer, if set and numeric. */
  public Optional<Integer> threshold(String name) {
    Located<String> v = thresholds.get(name);
    if (v == null || !v.value().matches("\\d{1,6}")) return Optional.empty();
    return Optional.of(Integer.parseInt(v.value()));
  }

  private static String text(Map<String, IniProperty> section, String key) {
    IniProperty p = section.get(key);
    return p == null || p.value() instanceof IniValue.Undefined ? null : p.value().toString();
  }

  /** ISO dates only (2027-03-31): an ambiguous date in a security exception is a mistake waiting to happen. */
  public static LocalDate date(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) return null;
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
