package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Evidence, not a gate: how often ini4j 0.5.4 (the library the project was asked to use), configured
 * as close to Haraka's dialect as it allows, reads an INI file of the {@link IniCorpus} the way
 * haraka-config 1.7.0 does. Values are compared as strings (typing ignored: "0755" matches 755), with
 * no booleans declared on either side. The test passes whatever the figure; it only asserts that it
 * ran over the whole INI corpus. The figure and the disagreement categories it prints back the
 * decision to read INI files with our own {@link IniParser}.
 *
 * <p>The adapter on ini4j's side already helps it: it merges repeated sections, takes the last of
 * repeated keys, turns {@code k[]} keys into arrays under {@code k}, and always has a {@code main}
 * section, as haraka-config does. What remains are differences of the line grammar itself.
 */
class Ini4jDivergenceTest {
  private static final Pattern INT = Pattern.compile("^-?[0-9]+\\z");
  private static final Pattern FLOAT = Pattern.compile("^-?[0-9]+\\.[0-9]+\\z");
  private static final Pattern HARAKA_KEY = Pattern.compile("[A-Za-z0-9_@:._+\\-/\\[\\]]+");
  private static final Pattern IS_ARRAY = Pattern.compile("^(.+)\\[\\]\\z", Pattern.DOTALL);
  private static final Pattern PARSE_ERROR_LINE = Pattern.compile("parse error \\(at line: \\d+\\): (.*)", Pattern.DOTALL);
  private static final Set<String> UNSAFE = Set.of("__proto__", "constructor", "prototype");

  @Test
  void ini4jAgainstHarakaConfig() {
    HarakaConfigOracle.Run run = HarakaConfigOracle.run();
    if (run.skipped()) {
      System.out.println("ini4j vs haraka-config: SKIPPED: " + run.skipReason());
      Assumptions.assumeTrue(false, "ini4j divergence skipped: " + run.skipReason());
    }
    int total = 0;
    int agree = 0;
    int clean = 0;
    int cleanAgree = 0;
    Map<String, List<String>> categories = new TreeMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    Map<String, int[]> byOrigin = new TreeMap<>(); // origin -> {agree, total}
    for (int i = 0; i < run.cases().size(); i++) {
      IniCorpus.Case c = run.cases().get(i);
      if (!c.isIni()) continue;
      total++;
      HarakaConfigOracle.Outcome o = run.withoutBooleans().get(i);
      Set<String> found = new LinkedHashSet<>();
      Map<String, String> detail = new LinkedHashMap<>();
      compare(c, o, found, detail);
      boolean isClean = o.ok() && o.logs().isEmpty();
      int[] g = byOrigin.computeIfAbsent(c.origin(), k -> new int[2]);
      g[1]++;
      if (found.isEmpty()) g[0]++;
      if (isClean) clean++;
      if (found.isEmpty()) {
        agree++;
        if (isClean) cleanAgree++;
        continue;
      }
      for (String cat : found) {
        categories.computeIfAbsent(cat, k -> new ArrayList<>()).add(c.name());
        examples.putIfAbsent(cat, c.name() + ": " + detail.get(cat));
      }
    }
    System.out.printf(Locale.ROOT, "ini4j vs haraka-config: %d/%d files agree (%.1f%%)%n", agree, total, 100.0 * agree / total);
    System.out.printf(Locale.ROOT, "  on the files haraka-config reads without logging anything: %d/%d agree (%.1f%%)%n",
        cleanAgree, clean, clean == 0 ? 0.0 : 100.0 * cleanAgree / clean);
    System.out.println("  by origin: " + byOrigin.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).collect(java.util.stream.Collectors.joining(", ")));
    System.out.println("  ini4j 0.5.4 config: escape=false, multiOption, multiSection, emptyOption, emptySection,"
        + " globalSection \"main\", no lower-casing, tree=false, include=false (strictOperator=true has no effect on"
        + " reading: ':' always separates too);"
        + " values compared as strings; a file can fall in several categories:");
    categories.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5d files  %s%n               e.g. %s%n", e.getValue().size(), e.getKey(),
            examples.get(e.getKey())));

    long iniCases = run.cases().stream().filter(IniCorpus.Case::isIni).count();
    assertThat(total).as("ini4j compared over the whole INI corpus").isEqualTo(iniCases).isGreaterThanOrEqualTo(2000);
  }

  static Config harakaLikeConfig() {
    Config cfg = new Config();
    cfg.setEscape(false);            // haraka-config has no escapes: "\t" stays backslash-t
    cfg.setEscapeNewline(true);      // a trailing '\' continues the line, as in haraka-config
    cfg.setMultiOption(true);        // keep repeated keys: the adapter takes the last, or all for k[]
    cfg.setMultiSection(true);       // keep re-opened sections: the adapter merges them
    cfg.setEmptyOption(true);        // bare keys ("haraka", "::1") exist
    cfg.setEmptySection(true);       // a header alone creates its section
    cfg.setGlobalSection(true);      // keys before the first header...
    cfg.setGlobalSectionName("main"); // ...go to main
    cfg.setLowerCaseOption(false);   // keys and sections are case-sensitive
    cfg.setLowerCaseSection(false);
    cfg.setStrictOperator(true);     // asked for, but it only affects writing: ini4j's parser always splits at ':' too
    cfg.setTree(false);              // "a/b" is a plain section name
    cfg.setInclude(false);           // no include directive
    cfg.setComment(false);
    cfg.setHeaderComment(false);
    cfg.setFileEncoding(StandardCharsets.UTF_8);
    return cfg;
  }

  /** Fills {@code found} with the categories of disagreement (empty when the files agree). */
  private static void compare(IniCorpus.Case c, HarakaConfigOracle.Outcome o, Set<String> found, Map<String, String> detail) {
    if (!o.ok()) {
      add(found, detail, "haraka-config itself failed", o.error());
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> haraka = (Map<String, Object>) o.value();
    String text = SourceFile.of(c.name(), c.bytes()).text();
    Map<String, Map<String, Object>> ini4j;
    try {
      ini4j = readWithIni4j(text);
    } catch (Exception e) {
      String msg = String.valueOf(e.getMessage());
      Matcher m = PARSE_ERROR_LINE.matcher(msg);
      String line = m.find() ? m.group(1) : msg;
      add(found, detail, "ini4j rejects the whole file (" + e.getClass().getSimpleName() + ") on "
          + rejectedLineKind(line) + "; haraka-config skips just that line", HarakaConfigFidelityTest.quote(line));
      return;
    }
    for (String s : haraka.keySet()) {
      if (!ini4j.containsKey(s)) add(found, detail, "section missing in ini4j (" + nameKind(s) + ")", "[" + s + "]");
    }
    for (String s : ini4j.keySet()) {
      if (!haraka.containsKey(s)) add(found, detail, "section only ini4j has (" + nameKind(s) + ")", "[" + s + "]");
    }
    for (Map.Entry<String, Object> se : haraka.entrySet()) {
      Map<String, Object> mine = ini4j.get(se.getKey());
      if (mine == null) continue;
      @SuppressWarnings("unchecked")
      Map<String, Object> theirs = (Map<String, Object>) se.getValue();
      for (String k : theirs.keySet()) {
        if (!mine.containsKey(k)) add(found, detail, "key missing in ini4j (" + nameKind(k) + ")", "[" + se.getKey() + "] " + k);
      }
      for (String k : mine.keySet()) {
        if (!theirs.containsKey(k)) add(found, detail, "key only ini4j has (" + nameKind(k, text) + ")", "[" + se.getKey() + "] " + k);
      }
      for (Map.Entry<String, Object> ke : theirs.entrySet()) {
        if (!mine.containsKey(ke.getKey())) continue;
        Object h = ke.getValue();
        Object j = mine.get(ke.getKey());
        if (!sameAsString(h, j)) {
          add(found, detail, "value differs: " + valueKind(h, j, text),
              "[" + se.getKey() + "] " + ke.getKey() + ": haraka-config " + HarakaConfigFidelityTest.show(h) + ", ini4j " + showIni4j(j));
        }
      }
    }
  }

  private static void add(Set<String> found, Map<String, String> detail, String category, String example) {
    if (found.add(category)) detail.put(category, example);
  }

  /** ini4j's reading shaped like haraka-config's result (sections merged, last key wins, k[] arrays). */
  static Map<String, Map<String, Object>> readWithIni4j(String text) throws Exception {
    Ini ini = new Ini();
    ini.setConfig(harakaLikeConfig());
    ini.load(new StringReader(text));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    out.put("main", new LinkedHashMap<>());
    for (String name : ini.keySet()) {
      Map<String, Object> sect = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
      for (Profile.Section s : ini.getAll(name)) {
        for (String key : s.keySet()) {
          List<String> values = s.getAll(key);
          if (values == null || values.isEmpty()) continue;
          Matcher am = IS_ARRAY.matcher(key);
          if (am.matches()) {
            String base = key.replaceFirst("\\[\\]", "");
            Object prev = sect.get(base);
            List<String> items = new ArrayList<>();
            if (prev instanceof List<?> l) l.forEach(x -> items.add((String) x));
            items.addAll(values);
            sect.put(base, items);
          } else {
            sect.put(key, values.get(values.size() - 1));
          }
        }
      }
    }
    return out;
  }

  /** String comparison, ignoring typing: undefined is ini4j's null, a number matches its digits. */
  static boolean sameAsString(Object haraka, Object ini4j) {
    if (haraka instanceof List<?> h) {
      if (!(ini4j instanceof List<?> j) || h.size() != j.size()) return false;
      for (int i = 0; i < h.size(); i++) if (!sameAsString(h.get(i), j.get(i))) return false;
      return true;
    }
    if (ini4j instanceof List<?>) return false;
    String s = (String) ini4j;
    if (haraka == HarakaConfigOracle.UNDEFINED) return s == null;
    if (s == null) return false;
    if (haraka instanceof String str) return str.equals(s);
    if (haraka instanceof Double d) {
      return (INT.matcher(s).matches() || FLOAT.matcher(s).matches()) && d.equals(Double.valueOf(s));
    }
    if (haraka instanceof Boolean b) return b.toString().equals(s);
    return false;
  }

  private static String rejectedLineKind(String line) {
    String t = JsPatterns.trim(line);
    if (t.matches("(?s)\\[[^\\]]*\\]\\s*[;#].*")) return "a section header followed by a comment";
    if (t.matches("(?s)\\[\\s*\\]")) return "an empty section name []";
    if (t.startsWith("[") && !t.contains("]")) return "an unclosed '['";
    if (t.startsWith("[")) return "a line starting with '[' that is not a header";
    if (t.startsWith("=")) return "a line starting with '='";
    if (t.startsWith("\\")) return "a line starting with '\\'";
    return "another line";
  }

  private static String nameKind(String name) {
    if (UNSAFE.contains(name)) return "__proto__/constructor/prototype, which haraka-config ignores";
    if (name.isEmpty()) return "empty name";
    if (!JsPatterns.trim(name).equals(name)) return "Unicode white space around the name (BOM, NBSP, U+2028...) that haraka-config strips";
    if (!HARAKA_KEY.matcher(name).matches()) return "a name haraka-config rejects as an invalid line (space, *, non-ASCII...)";
    if (name.contains(":")) return "a name containing ':' (IPv6 such as 2605:ae00::2, key:value), which ini4j splits as a separator";
    if (name.contains("[]")) return "'[]' in the name";
    return "a plain name, a side effect of another difference on its line (white space, continuation, ':')";
  }

  /** nameKind, plus: a plain name ini4j has only because it split a line at ':'. */
  private static String nameKind(String name, String text) {
    String k = nameKind(name);
    if (k.startsWith("a plain name") && Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*:").matcher(text).find()) {
      return "the part before a ':', which ini4j reads as a separator";
    }
    return k;
  }

  private static String valueKind(Object haraka, Object ini4j, String text) {
    if (haraka instanceof List<?> || ini4j instanceof List<?>) return "array vs scalar (k= and k[]= interleaved)";
    if (haraka == HarakaConfigOracle.UNDEFINED) return "bare key is undefined in haraka-config, ini4j gives " + (ini4j == null ? "null" : "a string");
    if (ini4j == null) return "ini4j has no value where haraka-config has one";
    String h = haraka instanceof Double d ? d.toString() : String.valueOf(haraka);
    String j = (String) ini4j;
    if (text.contains("\\")) {
      if (h.replaceAll("\\s+", "").equals(j.replaceAll("\\s+", ""))) return "continuation lines joined with different whitespace";
      return "backslash / continuation handling";
    }
    if (JsPatterns.trim(h).equals(JsPatterns.trim(j)) || h.strip().equals(j.strip())) return "whitespace trimmed differently (Unicode spaces)";
    if (h.contains(j) || j.contains(h)) return "one is a part of the other (separator or comment handling)";
    return "other";
  }

  private static String showIni4j(Object v) {
    if (v == null) return "null";
    if (v instanceof String s) return HarakaConfigFidelityTest.quote(s);
    return HarakaConfigFidelityTest.show(v);
  }
}
