package io.harakalint.model;

import io.harakalint.text.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A loaded Haraka config tree: every file under {@code config/} parsed the way Haraka parses it,
 * plus typed views ({@link #tls()}, {@link #relay()}, ...) built on first use. Rules read this and
 * never the disk. File names given to it are relative to the config folder ("tls.ini"); paths in
 * spans are relative to what the user named ("config/tls.ini").
 */
public final class ConfigTree {
  private final String displayName;
  private final String configPrefix;
  private final Map<String, SourceFile> files;
  private final Map<String, IniDocument> iniDocs;
  private final Map<String, FlatDocument> flatDocs;
  private final Map<String, StructuredValue> structured;
  private final Map<String, IniDocument> shippedIni;
  private final Map<String, FlatDocument> shippedFlat;
  private final Map<String, StructuredValue.Member> overrides;
  private final List<LoadDiagnostic> diagnostics;
  private final InstallFacts install;
  private final Map<Object, Object> views = new HashMap<>();
  private Map<String, SourceFile> outside = Map.of();
  private final FileViews fileViews;

  public ConfigTree(String displayName, String configPrefix, Map<String, SourceFile> files,
      Map<String, IniDocument> iniDocs, Map<String, FlatDocument> flatDocs, Map<String, StructuredValue> structured,
      List<LoadDiagnostic> diagnostics, InstallFacts install) {
    this(displayName, configPrefix, files, iniDocs, flatDocs, structured, Map.of(), Map.of(), diagnostics, install);
  }

  /**
   * @param shippedIni the plugin packages' own copies of INI files (node_modules/&lt;pkg&gt;/config/),
   *     which haraka-config uses as the defaults layer under the local file (reference §1.2, §1.9)
   * @param shippedFlat the same for list and value files
   */
  public ConfigTree(String displayName, String configPrefix, Map<String, SourceFile> files,
      Map<String, IniDocument> iniDocs, Map<String, FlatDocument> flatDocs, Map<String, StructuredValue> structured,
      Map<String, IniDocument> shippedIni, Map<String, FlatDocument> shippedFlat,
      List<LoadDiagnostic> diagnostics, InstallFacts install) {
    this(displayName, configPrefix, files, iniDocs, flatDocs, structured, shippedIni, shippedFlat, diagnostics, install,
        FileViews.none());
  }

  /** @param fileViews per-file views shared with other trees holding the same parsed documents (history) */
  public ConfigTree(String displayName, String configPrefix, Map<String, SourceFile> files,
      Map<String, IniDocument> iniDocs, Map<String, FlatDocument> flatDocs, Map<String, StructuredValue> structured,
      Map<String, IniDocument> shippedIni, Map<String, FlatDocument> shippedFlat,
      List<LoadDiagnostic> diagnostics, InstallFacts install, FileViews fileViews) {
    this.fileViews = fileViews;
    this.shippedIni = Map.copyOf(shippedIni);
    this.shippedFlat = Map.copyOf(shippedFlat);
    this.displayName = displayName;
    this.configPrefix = configPrefix;
    this.files = Map.copyOf(files);
    this.iniDocs = Map.copyOf(iniDocs);
    this.flatDocs = Map.copyOf(flatDocs);
    this.structured = Map.copyOf(structured);
    this.overrides = fileOverrides(this.structured);
    this.diagnostics = List.copyOf(diagnostics);
    this.install = install;
  }

  public String displayName() {
    return displayName;
  }

  /** "config/" when the user named a Haraka root, "" when they named the config folder itself. */
  public String configPrefix() {
    return configPrefix;
  }

  /** The path a finding should show for a config file name, present or not. */
  public String pathOf(String configName) {
    return configPrefix + configName;
  }

  public InstallFacts install() {
    return install;
  }

  public HarakaVersion harakaVersion() {
    return install.harakaVersion();
  }

  public boolean has(String configName) {
    return files.containsKey(configName);
  }

  /** Config file names (relative to the config folder), sorted. */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>(files.keySet());
    Collections.sort(names);
    return names;
  }

  /**
   * Whether a file name in a config value (tls.ini key=, cert=, dhparam=) points outside the config
   * folder: an absolute path, or a relative one whose {@code ..} climb out of it.
   */
  public static boolean isOutside(String configName) {
    if (configName.startsWith("/")) return true;
    int depth = 0;
    for (String part : configName.split("/")) {
      if (part.equals("..")) depth--;
      else if (!part.isEmpty() && !part.equals(".")) depth++;
      if (depth < 0) return true;
    }
    return false;
  }

  /** A file outside the tree that --allow-outside let the loader read (see load.OutsideFiles). */
  public Optional<SourceFile> outsideFile(String configName) {
    return Optional.ofNullable(outside.get(configName));
  }

  /** This tree plus the outside files read for it and the diagnostics about the others. */
  public ConfigTree withOutside(Map<String, SourceFile> read, List<LoadDiagnostic> more) {
    List<LoadDiagnostic> d = new ArrayList<>(diagnostics);
    d.addAll(more);
    ConfigTree t = new ConfigTree(displayName, configPrefix, files, iniDocs, flatDocs, structured, shippedIni, shippedFlat, d, install,
        fileViews);
    t.outside = Map.copyOf(read);
    return t;
  }

  public Optional<SourceFile> source(String configName) {
    return Optional.ofNullable(files.get(configName));
  }

  public int fileCount() {
    return files.size();
  }

  /** File-level problems: unreadable files, links leaving the tree, binary content. */
  public List<LoadDiagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * An INI file typed with the booleans its consumer declares; a missing file gives only defaults.
   * A {@code "!name"} key in smtp.json (or smtp.yaml) replaces the file, as haraka-config does.
   */
  public IniFile ini(String configName) {
    return view("ini:" + configName, k -> {
      StructuredValue.Member o = overrides.get(configName);
      if (o != null) return IniFile.fromStructured(o);
      IniDocument shipped = shippedIni.get(configName);
      if (shipped != null) {
        return IniFile.merged(pathOf(configName), iniDocs.get(configName), shipped, DeclaredBooleans.forFile(configName));
      }
      IniDocument doc = iniDocs.get(configName);
      return fileViews.get(k.toString(), doc, () -> new IniFile(pathOf(configName), doc, DeclaredBooleans.forFile(configName)));
    });
  }

  /** The {@code "!file"} overrides in effect, keyed by the file they replace. */
  public Map<String, StructuredValue.Member> fileOverrides() {
    return overrides;
  }

  /** A parsed JSON/YAML/HJSON file. */
  public Optional<StructuredValue> structured(String configName) {
    return Optional.ofNullable(structured.get(configName));
  }

  /**
   * haraka-config loads smtp.json (or, if it is missing, smtp.yaml) when it is first required, so
   * its top-level "!name" keys replace those files for every consumer ({@code process_file_overrides}).
   */
  private static Map<String, StructuredValue.Member> fileOverrides(Map<String, StructuredValue> structured) {
    StructuredValue smtp = structured.containsKey("smtp.json") ? structured.get("smtp.json") : structured.get("smtp.yaml");
    Map<String, StructuredValue.Member> out = new java.util.LinkedHashMap<>();
    if (smtp instanceof StructuredValue.Obj obj) {
      for (StructuredValue.Member m : obj.members().values()) {
        if (m.key().startsWith("!") && m.key().length() > 1) out.put(m.key().substring(1), m);
      }
    }
    return Map.copyOf(out);
  }

  public List<IniDocument> iniDocuments() {
    List<IniDocument> docs = new ArrayList<>(iniDocs.values());
    docs.sort((a, b) -> a.path().compareTo(b.path()));
    return docs;
  }

  /** A flat file read as a list or value; empty when the file does not exist. A "!name" override wins. */
  public Optional<FlatDocument> flat(String configName) {
    StructuredValue.Member o = overrides.get(configName);
    if (o != null) return Optional.of(FlatDocument.fromStructured(source(o.keySpan().file().substring(configPrefix.length()))
        .orElseThrow(), o));
    FlatDocument local = flatDocs.get(configName);
    FlatDocument shipped = shippedFlat.get(configName);
    // haraka-config >= 1.6.3: an empty or missing local list keeps the shipped one.
    if (shipped != null && (local == null || local.items().isEmpty())) return Optional.of(shipped);
    return Optional.ofNullable(local);
  }

  /** Whether a plugin package in the root ships its own copy of this file (a defaults layer). */
  public boolean hasShippedDefaults(String configName) {
    return shippedIni.containsKey(configName) || shippedFlat.containsKey(configName);
  }

  public PluginList plugins() {
    return view(PluginList.class, k -> PluginList.from(this));
  }

  /** The waivers written as comments in this tree's files (see {@link InlineWaivers}). */
  public List<Waiver> inlineWaivers() {
    return view(InlineWaivers.class, k -> List.copyOf(InlineWaivers.scan(this)));
  }

  public TlsIni tls() {
    return view(TlsIni.class, k -> new TlsIni(ini("tls.ini")));
  }

  /** The certificates, keys and DH parameters TLS loads from this tree, parsed on first use. */
  public TlsMaterial tlsMaterial() {
    return view(TlsMaterial.class, k -> new TlsMaterial(this));
  }

  public RelayConfig relay() {
    return view(RelayConfig.class, k -> RelayConfig.from(this));
  }

  public SmtpIni smtp() {
    return view(SmtpIni.class, k -> new SmtpIni(ini("smtp.ini")));
  }

  public ConnectionIni connection() {
    return view(ConnectionIni.class, k -> new ConnectionIni(ini("connection.ini"), has("connection.ini")));
  }

  public AuthFlatFile authFlatFile() {
    return view(AuthFlatFile.class, k -> new AuthFlatFile(ini("auth_flat_file.ini")));
  }

  public LogIni log() {
    return view(LogIni.class, k -> new LogIni(ini("log.ini")));
  }

  /** {@code config/me}: the host name in the banner and Received headers. */
  public Optional<Located<IniValue>> me() {
    return flat("me").flatMap(FlatDocument::value);
  }

  /** {@code config/host_list}: local domains for rcpt_to.in_host_list (lower-cased by Haraka). */
  public List<Located<String>> hostList() {
    return flat("host_list").map(FlatDocument::items).orElse(List.of());
  }

  /** A v2-era single-value file such as {@code databytes} or {@code smtpgreeting}, if present. */
  public Optional<FlatDocument> legacySetting(LegacySetting setting) {
    return flat(setting.fileName());
  }

  /** A view built from {@code document} alone, shared with other trees holding the same document. */
  <T> T fileView(String name, Object document, java.util.function.Supplier<T> make) {
    return fileViews.get(name, document, make);
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> T view(Object key, Function<Object, T> make) {
    Object v = views.get(key);
    if (v == null) {
      v = make.apply(key);
      views.put(key, v);
    }
    return (T) v;
  }
}
