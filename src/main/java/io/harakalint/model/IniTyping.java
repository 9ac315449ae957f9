package io.harakalint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies haraka-config 1.7.0's typing to a parsed document, given the booleans the consuming code
 * declares ({@code lib/readers/ini.js}: {@code init_booleans}, {@code assignValue}, {@code getSetter}).
 */
public final class IniTyping {
  private static final Pattern DECL = Pattern.compile("^(?:([^. ]+)\\.)?(.+)", Pattern.DOTALL);
  private static final Set<String> UNSAFE = Set.of("__proto__", "constructor", "prototype");

  private IniTyping() {}

  /** Types a document; {@code doc} may be null for a missing file (haraka-config's {@code empty()}). */
  public static Map<String, Map<String, IniProperty>> type(IniDocument doc, List<String> booleans,
      io.harakalint.text.Span fileSpan) {
    Map<String, Map<String, IniProperty>> result = new LinkedHashMap<>();
    result.put("main", new LinkedHashMap<>());
    // bool_matches starts as a copy of the raw declarations, then gains "section.key" entries.
    Declarations decls = Declarations.of(booleans);
    java.util.Set<String> matchSet = decls.matches();
    for (Declarations.Default d : decls.defaults()) {
      result.computeIfAbsent(d.section(), s -> new LinkedHashMap<>())
          .put(d.key(), new IniProperty(d.section(), d.key(), new IniValue.Bool(d.value()), null, fileSpan));
    }
    if (doc == null) return result;

    // Headers create their section when read, even if no key follows; keys are applied on their last line.
    int h = 0;
    List<IniDocument.SectionHeader> headers = doc.headers();
    // The list behind each array built here, appended to in place: copying it on every k[]= line
    // made 1,000 hosts[] lines cost half a million element copies. Nothing appends once typing ends.
    Map<IniValue.Arr, List<IniValue.Element>> growing = new java.util.IdentityHashMap<>();
    for (IniEntry e : doc.entries()) {
      while (h < headers.size() && headers.get(h).line() <= e.endLine()) {
        IniDocument.SectionHeader header = headers.get(h++);
        if (!header.ignored()) result.computeIfAbsent(header.name(), s -> new LinkedHashMap<>());
      }
      Map<String, IniProperty> sect = result.computeIfAbsent(e.section(), s -> new LinkedHashMap<>());
      String raw = e.rawValue();
      if (!matchSet.isEmpty() && (matchSet.contains(e.section() + "." + e.key()) || matchSet.contains("*." + e.key()))) {
        // JS: regex.is_truth.test(undefined) tests the string "undefined".
        boolean truth = raw != null && isTruth(raw);
        sect.put(e.key(), new IniProperty(e.section(), e.key(), new IniValue.Bool(truth), e, fileSpan));
        continue;
      }
      IniValue v;
      if (raw == null) v = IniValue.UNDEFINED;
      else if (isInteger(raw)) v = new IniValue.Num(parseJsNumber(raw), true);
      else if (isFloat(raw)) v = new IniValue.Num(parseJsNumber(raw), false);
      else v = new IniValue.Str(raw);

      if (e.isArray()) {
        IniProperty prev = sect.get(e.baseKey());
        IniValue.Arr arr = prev != null && prev.value() instanceof IniValue.Arr a && growing.containsKey(a) ? a : null;
        if (arr == null) {
          List<IniValue.Element> items = new ArrayList<>();
          arr = new IniValue.Arr(java.util.Collections.unmodifiableList(items));
          growing.put(arr, items);
        }
        growing.get(arr).add(new IniValue.Element(v, e));
        sect.put(e.baseKey(), new IniProperty(e.section(), e.baseKey(), arr, e, fileSpan));
      } else {
        sect.put(e.key(), new IniProperty(e.section(), e.key(), v, e, fileSpan));
      }
    }
    for (; h < headers.size(); h++) {
      if (!headers.get(h).ignored()) result.computeIfAbsent(headers.get(h).name(), s -> new LinkedHashMap<>());
    }
    return result;
  }

  /**
   * A plugin's boolean declarations, parsed once per list (the same few lists are typed for every
   * file of every tree): the "section.key" names that are read as booleans (bool_matches) and the
   * defaults they create.
   */
  private record Declarations(java.util.Set<String> matches, List<Default> defaults) {
    record Default(String section, String key, boolean value) {}

    private static final java.util.concurrent.ConcurrentHashMap<List<String>, Declarations> PARSED =
        new java.util.concurrent.ConcurrentHashMap<>();

    static Declarations of(List<String> booleans) {
      Declarations d = PARSED.get(booleans);
      if (d == null) {
        List<String> key = List.copyOf(booleans);
        d = PARSED.computeIfAbsent(key, Declarations::parse);
      }
      return d;
    }

    private static Declarations parse(List<String> booleans) {
      // bool_matches starts as a copy of the raw declarations, then gains "section.key" entries.
      java.util.Set<String> matches = new java.util.HashSet<>(booleans);
      List<Default> defaults = new ArrayList<>();
      for (String decl : booleans) {
        Matcher m = DECL.matcher(decl);
        if (!m.find()) continue;
        String section = m.group(1) == null ? "main" : m.group(1);
        String key = m.group(2);
        boolean dflt = section.charAt(0) == '+' || key.charAt(0) == '+';
        if (section.startsWith("-") || section.startsWith("+")) section = section.substring(1);
        if (key.startsWith("-") || key.startsWith("+")) key = key.substring(1);
        if (UNSAFE.contains(section) || UNSAFE.contains(key)) continue;
        matches.add(section + "." + key);
        if (section.equals("*")) continue;
        defaults.add(new Default(section, key, dflt));
      }
      return new Declarations(java.util.Set.copyOf(matches), List.copyOf(defaults));
    }
  }

  /** JS parseInt/parseFloat on text already known to be decimal digits: a correctly rounded double. */
  private static double parseJsNumber(String raw) {
    return Double.parseDouble(raw);
  }

  /** haraka-config's is_truth, used where Haraka re-tests a value itself. */
  public static boolean isTruth(String raw) {
    if (raw == null) return false;
    for (String word : TRUTH_WORDS) if (asciiEqualsIgnoreCase(raw, word)) return true;
    return false;
  }

  /**
   * Case-insensitive for ASCII letters only, as the i flag is for these words in JS (U+017F and the
   * Kelvin sign do not fold to s and k there; String.equalsIgnoreCase would fold them).
   */
  private static boolean asciiEqualsIgnoreCase(String s, String lowerWord) {
    if (s.length() != lowerWord.length()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if (c != lowerWord.charAt(i)) return false;
    }
    return true;
  }

  // haraka-config's is_truth /^(?:true|yes|ok|enabled|on|1)$/i, and its number tests
  // /^-?[0-9]+$/ and /^-?[0-9]+\.[0-9]+$/, without a regex: they run on every value of every file.
  private static final String[] TRUTH_WORDS = {"true", "yes", "ok", "enabled", "on", "1"};

  static boolean isInteger(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    if (i == s.length()) return false;
    for (; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }

  static boolean isFloat(String s) {
    int dot = s.indexOf('.');
    if (dot < 0 || dot == s.length() - 1) return false;
    if (!isInteger(s.substring(0, dot))) return false;
    for (int i = dot + 1; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }
}
