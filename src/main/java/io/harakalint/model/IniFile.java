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
  private final IniDocument document; // null when the file does not exist
  private final Map<String, Map<String, IniProperty>> sections;

  public IniFile(String path, IniDocument document, List<String> booleans) {
    this.path = path;
    this.document = document;
    this.sections = IniTyping.type(document, booleans, Span.startOf(path));
  }

  public String path() {
    return path;
  }

  public boolean exists() {
    return document != null;
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
    return Span.startOf(path);
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
