package io.harakalint.model;

import io.harakalint.text.Span;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An INI file typed the way one consumer reads it (its declared booleans applied), with positions.
 * A missing file is represented too: haraka-config then returns only the declared defaults.
 */
public final class IniFile {
  private final String path;
  private final IniDocument document; // null when the file does not exist or comes from a '!' override
  private final Map<String, Map<String, IniProperty>> sections;
  private final Span fileSpan;
  private final boolean exists;

  public IniFile(String path, IniDocument document, List<String> booleans) {
    this.path = path;
    this.document = document;
    this.sections = IniTyping.type(document, booleans, Span.startOf(path));
    this.fileSpan = Span.startOf(path);
    this.exists = document != null;
  }

  /**
   * A plugin's INI file over its package's shipped copy, merged as haraka-config 1.7.0
   * {@code merge_config} does: per key, the local file wins; arrays are replaced, not joined; a
   * declared boolean the local file does not mention still gets its declared default from the local
   * parse, which beats the shipped value (the "boolean reset" of reference §1.9). Without a local
   * file the shipped copy applies as is.
   */
  public static IniFile merged(String path, IniDocument local, IniDocument shipped, List<String> booleans) {
    Map<String, Map<String, IniProperty>> base = IniTyping.type(shipped, booleans, Span.startOf(shipped.path()));
    if (local == null) return new IniFile(path, base, Span.startOf(path));
    Map<String, Map<String, IniProperty>> over = IniTyping.type(local, booleans, Span.startOf(path));
    for (Map.Entry<String, Map<String, IniProperty>> sect : over.entrySet()) {
      base.computeIfAbsent(sect.getKey(), k -> new java.util.LinkedHashMap<>()).putAll(sect.getValue());
    }
    IniFile f = new IniFile(path, base, Span.startOf(path));
    return new IniFile(path, local, f.sections, f.fileSpan, true);
  }

  private IniFile(String path, IniDocument document, Map<String, Map<String, IniProperty>> sections, Span fileSpan,
      boolean exists) {
    this.path = path;
    this.document = document;
    this.sections = sections;
    this.fileSpan = fileSpan;
    this.exists = exists;
  }

  private IniFile(String path, Map<String, Map<String, IniProperty>> sections, Span fileSpan) {
    this.path = path;
    this.document = null;
    this.sections = sections;
    this.fileSpan = fileSpan;
    this.exists = true;
  }

  /**
   * The content a {@code "!name.ini"} key in smtp.json/smtp.yaml puts in place of the file
   * (haraka-config {@code process_file_overrides}): used verbatim, with native JSON/YAML types, no
   * declared booleans and no defaults. Positions point into the JSON/YAML file.
   */
  public static IniFile fromStructured(StructuredValue.Member override) {
    Map<String, Map<String, IniProperty>> sections = new java.util.LinkedHashMap<>();
    sections.put("main", new java.util.LinkedHashMap<>());
    if (override.value() instanceof StructuredValue.Obj obj) {
      for (StructuredValue.Member sect : obj.members().values()) {
        Map<String, IniProperty> props = sections.computeIfAbsent(sect.key(), k -> new java.util.LinkedHashMap<>());
        if (!(sect.value() instanceof StructuredValue.Obj keys)) continue;
        for (StructuredValue.Member m : keys.members().values()) {
          props.put(m.key(), structuredProperty(sect.key(), m));
        }
      }
    }
    return new IniFile(override.keySpan().file(), sections, override.keySpan());
  }

  private static IniProperty structuredProperty(String section, StructuredValue.Member m) {
    boolean array = m.value() instanceof StructuredValue.Arr;
    IniEntry entry = new IniEntry(section, m.key(), m.key(), array, rawText(m.value()), m.keySpan(), m.value().span(),
        m.keySpan().line(), m.keySpan().line(), false);
    IniValue v;
    if (m.value() instanceof StructuredValue.Arr arr) {
      List<IniValue.Element> items = new java.util.ArrayList<>();
      for (StructuredValue item : arr.items()) {
        IniEntry e = new IniEntry(section, m.key(), m.key(), true, rawText(item), m.keySpan(), item.span(),
            item.span().line(), item.span().line(), false);
        items.add(new IniValue.Element(scalar(item), e));
      }
      v = new IniValue.Arr(List.copyOf(items));
    } else {
      v = scalar(m.value());
    }
    return new IniProperty(section, m.key(), v, entry, m.keySpan());
  }

  private static IniValue scalar(StructuredValue v) {
    if (!(v instanceof StructuredValue.Scalar s) || s.value() == null) return IniValue.UNDEFINED;
    if (s.value() instanceof Boolean b) return new IniValue.Bool(b);
    if (s.value() instanceof Double d) return new IniValue.Num(d, d == Math.rint(d));
    return new IniValue.Str(s.value().toString());
  }

  private static String rawText(StructuredValue v) {
    return v instanceof StructuredValue.Scalar s && s.value() != null ? s.value().toString() : null;
  }

  public String path() {
    return path;
  }

  public boolean exists() {
    return exists;
  }

  public Optional<IniDocument> document() {
    return Optional.ofNullable(document);
  }

  public List<IniEntry> entries() {
    return document == null ? List.of() : document.entries();
  }

  public List<LoadDiagnostic> diagnostics() {
    return document == null ? List.of() : document.diagnostics();
  }

  public Span fileSpan() {
    return fileSpan;
  }

  /** Section names in haraka-config's order (declared-boolean sections first, then as read). */
  public java.util.Set<String> sectionNames() {
    return Collections.unmodifiableSet(sections.keySet());
  }

  public boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** The line of the first {@code [name]} header, if the file has one. */
  public Optional<Span> sectionHeader(String name) {
    if (document == null) return Optional.empty();
    return document.headers().stream().filter(h -> h.name().equals(name) && !h.ignored()).findFirst()
        .map(h -> new Span(path, h.line(), 1));
  }

  public Map<String, IniProperty> section(String name) {
    return Collections.unmodifiableMap(sections.getOrDefault(name, Map.of()));
  }

  public Optional<IniProperty> get(String section, String key) {
    return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key));
  }

  /** A declared boolean (always present through its default). */
  public Optional<Located<Boolean>> bool(String section, String key) {
    return get(section, key).filter(p -> p.value() instanceof IniValue.Bool)
        .map(p -> new Located<>(((IniValue.Bool) p.value()).value(), p.span()));
  }

  /**
   * How Haraka's code tests a setting: {@code if (cfg.section.key)}. A declared boolean gives its
   * boolean (its default when absent); anything else is JavaScript-truthy; a missing key is false.
   */
  public Located<Boolean> truthy(String section, String key) {
    return get(section, key).map(p -> new Located<>(p.value().isTruthy(), p.span()))
        .orElse(new Located<>(false, fileSpan));
  }

  /** A value as a string the way JS would print it (numbers without leading zeros). */
  public Optional<Located<String>> string(String section, String key) {
    return get(section, key).filter(p -> !(p.value() instanceof IniValue.Undefined) && !(p.value() instanceof IniValue.Arr))
        .map(p -> new Located<>(p.value().toString(), p.span()));
  }

  /** An array key ({@code k[]=}); a scalar written under the same name is reported as a scalar. */
  public List<IniValue.Element> array(String section, String key) {
    return get(section, key).filter(p -> p.value() instanceof IniValue.Arr)
        .map(p -> ((IniValue.Arr) p.value()).items()).orElse(List.of());
  }
}
