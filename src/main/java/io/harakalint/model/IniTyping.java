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
  private static final Pattern INTEGER = Pattern.compile("^-?[0-9]+\\z");
  private static final Pattern FLOAT = Pattern.compile("^-?[0-9]+\\.[0-9]+\\z");
  private static final Pattern TRUTH = Pattern.compile("^(?:true|yes|ok|enabled|on|1)\\z", Pattern.CASE_INSENSITIVE);
  private static final Set<String> UNSAFE = Set.of("__proto__", "constructor", "prototype");

  private IniTyping() {}

  /** Types a document; {@code doc} may be null for a missing file (haraka-config's {@code empty()}). */
  public static Map<String, Map<String, IniProperty>> type(IniDocument doc, List<String> booleans,
      io.harakalint.text.Span fileSpan) {
    Map<String, Map<String, IniProperty>> result = new LinkedHashMap<>();
    result.put("main", new LinkedHashMap<>());
    // bool_matches starts as a copy of the raw declarations, then gains "section.key" entries.
    List<String> matches = new ArrayList<>(booleans);
    for (String decl : booleans) {
      Matcher m = DECL.matcher(decl);
      if (!m.find()) continue;
      String section = m.group(1) == null ? "main" : m.group(1);
      String key = m.group(2);
      boolean dflt = section.charAt(0) == '+' || key.charAt(0) == '+';
      if (section.startsWith("-") || section.startsWith("+")) section = section.substring(1);
      if (key.startsWith("-") || key.startsWith("+")) key = key.substring(1);
      if (UNSAFE.contains(section) || UNSAFE.contains(key)) continue;
      String entry = section + "." + key;
      if (!matches.contains(entry)) matches.add(entry);
      if (section.equals("*")) continue;
      result.computeIfAbsent(section, s -> new LinkedHashMap<>())
          .put(key, new IniProperty(section, key, new IniValue.Bool(dflt), null, fileSpan));
    }
    if (doc == null) return result;

    // Headers create their section when read, even if no key follows; keys are applied on their last line.
    int h = 0;
    List<IniDocument.SectionHeader> headers = doc.headers();
    for (IniEntry e : doc.entries()) {
      while (h < headers.size() && headers.get(h).line() <= e.endLine()) {
        IniDocument.SectionHeader header = headers.get(h++);
        if (!header.ignored()) result.computeIfAbsent(header.name(), s -> new LinkedHashMap<>());
      }
      Map<String, IniProperty> sect = result.computeIfAbsent(e.section(), s -> new LinkedHashMap<>());
      String raw = e.rawValue();
      if (matches.contains(e.section() + "." + e.key()) || matches.contains("*." + e.key())) {
        // JS: regex.is_truth.test(undefined) tests the string "undefined".
        boolean truth = TRUTH.matcher(raw == null ? "undefined" : raw).matches();
        sect.put(e.key(), new IniProperty(e.section(), e.key(), new IniValue.Bool(truth), e, fileSpan));
        continue;
      }
      IniValue v;
      if (raw == null) v = IniValue.UNDEFINED;
      else if (INTEGER.matcher(raw).matches()) v = new IniValue.Num(parseJsNumber(raw), true);
      else if (FLOAT.matcher(raw).matches()) v = new IniValue.Num(parseJsNumber(raw), false);
      else v = new IniValue.Str(raw);

      if (e.isArray()) {
        IniProperty prev = sect.get(e.baseKey());
        List<IniValue.Element> items = new ArrayList<>();
        if (prev != null && prev.value() instanceof IniValue.Arr arr) items.addAll(arr.items());
        items.add(new IniValue.Element(v, e));
        sect.put(e.baseKey(), new IniProperty(e.section(), e.baseKey(), new IniValue.Arr(List.copyOf(items)), e, fileSpan));
      } else {
        sect.put(e.key(), new IniProperty(e.section(), e.key(), v, e, fileSpan));
      }
    }
    for (; h < headers.size(); h++) {
      if (!headers.get(h).ignored()) result.computeIfAbsent(headers.get(h).name(), s -> new LinkedHashMap<>());
    }
    return result;
  }

  /** JS parseInt/parseFloat on text already known to be decimal digits: a correctly rounded double. */
  private static double parseJsNumber(String raw) {
    return Double.parseDouble(raw);
  }

  /** haraka-config's is_truth, used where Haraka re-tests a value itself. */
  public static boolean isTruth(String raw) {
    return raw != null && TRUTH.matcher(raw).matches();
  }
}
