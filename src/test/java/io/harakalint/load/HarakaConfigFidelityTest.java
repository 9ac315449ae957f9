package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.FlatDocument;
import io.harakalint.model.IniDocument;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test: our {@link IniParser} (+ {@link IniFile} typing) and {@link FlatParser} must read
 * every file of the {@link IniCorpus} exactly as haraka-config 1.7.0 does, value for value and type for
 * type: sections, keys and their order, arrays, undefined, numbers (-0, huge integers, floats),
 * booleans and strings. It also checks that we report as many "Invalid line" and unsafe-name
 * diagnostics as haraka-config logs.
 *
 * <p>haraka-config itself is the oracle ({@code test-tools/haraka-config/dump.js}); without node the
 * test is skipped with a message.
 */
class HarakaConfigFidelityTest {

  /** A disagreement we accept, with the reason. Keep this empty: fix the parser instead. */
  record KnownDivergence(String caseName, String reason) {}

  static final List<KnownDivergence> KNOWN_DIVERGENCES = List.of();

  @Test
  void javaParserReadsEveryFileLikeHarakaConfig() {
    HarakaConfigOracle.Run run = HarakaConfigOracle.run();
    if (run.skipped()) {
      System.out.println("haraka-config fidelity: SKIPPED: " + run.skipReason());
      Assumptions.assumeTrue(false, "haraka-config fidelity skipped: " + run.skipReason());
    }
    assertThat(run.harakaConfigVersion()).as("haraka-config version in test-tools/haraka-config")
        .isEqualTo(HarakaConfigOracle.EXPECTED_VERSION);
    assertThat(run.cases().stream().filter(c -> c.isIni() && !c.origin().equals("samples")).count())
        .as("generated INI files").isGreaterThanOrEqualTo(2000);

    Map<String, String> known = KNOWN_DIVERGENCES.stream()
        .collect(Collectors.toMap(KnownDivergence::caseName, KnownDivergence::reason));
    List<String> failures = new ArrayList<>();
    Map<String, int[]> byGroup = new TreeMap<>(); // origin/type -> {agree, total}
    Map<String, Integer> coverage = new TreeMap<>();
    int agree = 0;
    int listed = 0;
    for (int i = 0; i < run.cases().size(); i++) {
      IniCorpus.Case c = run.cases().get(i);
      HarakaConfigOracle.Outcome o = run.outcomes().get(i);
      String diff = compare(c, o);
      for (String f : features(c, o)) coverage.merge(f, 1, Integer::sum);
      int[] g = byGroup.computeIfAbsent(c.origin() + "/" + c.type(), k -> new int[2]);
      g[1]++;
      if (diff == null) {
        agree++;
        g[0]++;
      } else if (known.containsKey(c.name())) {
        listed++;
      } else {
        failures.add(IniCorpus.describe(c) + "\n    file: " + IniCorpus.preview(c.bytes(), 300) + "\n    " + diff);
      }
    }
    int total = run.cases().size();
    System.out.printf(Locale.ROOT, "haraka-config fidelity: %d/%d files agree (%.2f%%), %d listed divergences%n",
        agree, total, 100.0 * agree / total, listed);
    System.out.printf(Locale.ROOT, "  oracle: haraka-config %s, one node process, %d ms; by group: %s%n",
        run.harakaConfigVersion(), run.nodeMillis(), byGroup.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).collect(Collectors.joining(", ")));
    System.out.println("  quirks exercised (files): " + coverage.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    failures.stream().limit(40).forEach(f -> System.out.println("  DISAGREE " + f));
    assertThat(failures).as("files where haraka-lint reads something other than haraka-config "
        + HarakaConfigOracle.EXPECTED_VERSION + " (not in KNOWN_DIVERGENCES)").isEmpty();
  }

  /** null when our reading equals haraka-config's, else a description of the first difference. */
  static String compare(IniCorpus.Case c, HarakaConfigOracle.Outcome o) {
    if (!o.ok()) return "haraka-config failed: " + firstLine(o.error());
    SourceFile sf = SourceFile.of(c.name(), c.bytes());
    if (c.isIni()) {
      IniDocument doc = IniParser.parse(sf);
      IniFile file = new IniFile(c.name(), doc, c.booleans());
      String d = diff("", o.value(), javaView(file));
      if (d != null) return d;
      return compareDiagnostics(doc, o);
    }
    FlatDocument flat = FlatParser.parse(sf);
    if (c.type().equals("list")) {
      List<String> items = flat.items().stream().map(l -> l.value()).toList();
      if (o.meHostname()) return items.isEmpty() ? null : "haraka-config saw no lines (`me` special case), we saw " + items.size();
      return diff("", o.value(), items);
    }
    if (o.meHostname()) return flat.value().isEmpty() ? null : "haraka-config saw no value (`me` special case)";
    return diff("", o.value(), flat.value().map(v -> toJs(v.value())).orElse(null));
  }

  /** Which quirks a file exercises, to show that the corpus reaches them (same reading on both sides). */
  static java.util.Set<String> features(IniCorpus.Case c, HarakaConfigOracle.Outcome o) {
    java.util.Set<String> f = new java.util.TreeSet<>();
    SourceFile sf = SourceFile.of(c.name(), c.bytes());
    String t = sf.text();
    if (!sf.isValidUtf8()) f.add("invalid-utf8");
    if (sf.hasBom()) f.add("bom");
    if (sf.containsNul()) f.add("nul");
    if (t.contains("\r\n")) f.add("crlf");
    if (t.replace("\r\n", "").contains("\r")) f.add("lone-cr");
    if (t.contains("\u2028") || t.contains("\u2029") || t.contains("\u0085")) f.add("u2028/u2029/u0085");
    if (t.contains("\u00A0")) f.add("nbsp");
    if (!o.ok()) return f;
    if (!c.isIni()) return f;
    if (o.logsStartingWith("Invalid line") > 0) f.add("invalid-line");
    if (o.logsStartingWith("Ignoring unsafe") > 0) f.add("unsafe-name");
    if (!c.booleans().isEmpty()) f.add("declared-booleans");
    IniDocument doc = IniParser.parse(sf);
    for (LoadDiagnostic d : doc.diagnostics()) {
      switch (d.kind()) {
        case HEADER_WITH_COMMENT -> f.add("header+comment");
        case HEADER_IN_CONTINUATION -> f.add("header-in-continuation");
        case DANGLING_CONTINUATION -> f.add("dangling-continuation");
        default -> { }
      }
    }
    if (doc.entries().stream().anyMatch(e -> e.continued())) f.add("continuation");
    @SuppressWarnings("unchecked")
    Map<String, Object> js = (Map<String, Object>) o.value();
    if (!jsOrder(js.keySet()).equals(new ArrayList<>(js.keySet())) || js.keySet().stream().anyMatch(HarakaConfigFidelityTest::isArrayIndex)) {
      f.add("integer-like-names");
    }
    for (Object sect : js.values()) {
      for (Object v : ((Map<?, ?>) sect).values()) {
        List<?> vs = v instanceof List<?> l ? l : List.of(v);
        if (v instanceof List<?>) f.add("array");
        for (Object x : vs) {
          if (x == HarakaConfigOracle.UNDEFINED) f.add("undefined");
          if (x instanceof Boolean) f.add("boolean");
          if (x instanceof Double d) {
            if (d == 0 && 1 / d < 0) f.add("-0");
            else if (d.isInfinite()) f.add("infinity");
            else if (Math.abs(d) > 9007199254740991.0) f.add("beyond-2^53");
            else if (d != Math.rint(d)) f.add("float");
          }
          if (x instanceof String str && (str.contains(";") || str.contains("#"))) f.add("inline-comment-kept");
          if (x instanceof String str && str.isEmpty()) f.add("empty-string");
        }
      }
    }
    return f;
  }

  private static String compareDiagnostics(IniDocument doc, HarakaConfigOracle.Outcome o) {
    long jsInvalid = o.logsStartingWith("Invalid line in config file");
    long jsUnsafe = o.logsStartingWith("Ignoring unsafe");
    Map<LoadDiagnostic.Kind, Long> k = doc.diagnostics().stream()
        .collect(Collectors.groupingBy(LoadDiagnostic::kind, Collectors.counting()));
    long invalid = k.getOrDefault(LoadDiagnostic.Kind.INVALID_LINE, 0L) + k.getOrDefault(LoadDiagnostic.Kind.HEADER_WITH_COMMENT, 0L);
    long unsafe = k.getOrDefault(LoadDiagnostic.Kind.UNSAFE_NAME, 0L);
    if (jsInvalid != invalid) return "haraka-config logged " + jsInvalid + " invalid line(s), we report " + invalid + ": " + o.logs();
    if (jsUnsafe != unsafe) return "haraka-config logged " + jsUnsafe + " unsafe name(s), we report " + unsafe + ": " + o.logs();
    return null;
  }

  /** Our typed INI file as the value haraka-config would return, keys in JS enumeration order. */
  static Map<String, Object> javaView(IniFile file) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String s : jsOrder(file.sectionNames())) {
      Map<String, IniProperty> sect = file.section(s);
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : jsOrder(sect.keySet())) m.put(k, toJs(sect.get(k).value()));
      out.put(s, m);
    }
    return out;
  }

  static Object toJs(IniValue v) {
    if (v instanceof IniValue.Undefined) return HarakaConfigOracle.UNDEFINED;
    if (v instanceof IniValue.Str s) return s.value();
    if (v instanceof IniValue.Num n) return n.value();
    if (v instanceof IniValue.Bool b) return b.value();
    if (v instanceof IniValue.Arr a) return a.items().stream().map(e -> toJs(e.value())).toList();
    throw new IllegalArgumentException(String.valueOf(v));
  }

  /**
   * JS enumerates integer-like keys ("0".."4294967294", canonical form) first, in numeric order,
   * then the other keys in insertion order. Apply that to our insertion-ordered maps.
   */
  static List<String> jsOrder(Iterable<String> keys) {
    List<String> ints = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String k : keys) (isArrayIndex(k) ? ints : rest).add(k);
    ints.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    ints.addAll(rest);
    return ints;
  }

  static boolean isArrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10) return false;
    if (k.length() > 1 && k.charAt(0) == '0') return false;
    for (int i = 0; i < k.length(); i++) if (k.charAt(i) < '0' || k.charAt(i) > '9') return false;
    return Long.parseLong(k) < 4294967295L;
  }

  /** Deep, ordered, type-exact comparison; null when equal. Doubles compare with Double.equals (-0 ≠ 0). */
  static String diff(String path, Object js, Object java) {
    if (js instanceof Map<?, ?> a && java instanceof Map<?, ?> b) {
      List<?> ka = new ArrayList<>(a.keySet());
      List<?> kb = new ArrayList<>(b.keySet());
      for (Object k : ka) if (!b.containsKey(k)) return at(path, k) + ": haraka-config has it, we do not (" + show(a.get(k)) + ")";
      for (Object k : kb) if (!a.containsKey(k)) return at(path, k) + ": we have it, haraka-config does not (" + show(b.get(k)) + ")";
      for (Object k : ka) {
        String d = diff(at(path, k), a.get(k), b.get(k));
        if (d != null) return d;
      }
      if (!ka.equals(kb)) return (path.isEmpty() ? "sections" : path) + ": order differs: haraka-config " + ka + ", we " + kb;
      return null;
    }
    if (js instanceof List<?> a && java instanceof List<?> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String d = diff(path + "[" + i + "]", a.get(i), b.get(i));
        if (d != null) return d;
      }
      if (a.size() != b.size()) return path + ": haraka-config has " + a.size() + " items " + show(a) + ", we " + b.size() + " " + show(b);
      return null;
    }
    if (Objects.equals(js, java)) return null;
    return (path.isEmpty() ? "value" : path) + ": haraka-config " + show(js) + ", we " + show(java);
  }

  private static String at(String path, Object key) {
    return path.isEmpty() ? "[" + key + "]" : path + "." + key;
  }

  static String show(Object v) {
    if (v == null) return "null";
    if (v instanceof String s) return "string " + quote(s);
    if (v instanceof Double d) return "number " + (d == 0 && 1 / d < 0 ? "-0" : d.toString());
    if (v instanceof Boolean b) return "boolean " + b;
    if (v instanceof HarakaConfigOracle.Undefined) return "undefined";
    if (v instanceof List<?> l) return l.stream().map(HarakaConfigFidelityTest::show).collect(Collectors.joining(", ", "[", "]"));
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + "=" + show(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    return v.getClass().getSimpleName() + " " + v;
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\u%04X", (int) c));
      else sb.append(c);
    }
    if (s.length() > 120) return sb.substring(0, 120) + "…\" (" + s.length() + " chars)";
    return sb.append('"').toString();
  }

  private static String firstLine(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
