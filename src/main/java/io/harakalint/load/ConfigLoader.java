package io.harakalint.load;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.FlatDocument;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.IniDocument;
import io.harakalint.model.InstallFacts;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.model.StructuredValue;
import io.harakalint.text.SourceFile;
import io.harakalint.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the config folder in what the user named, reads every file in it the way Haraka would
 * (INI, flat, structured, binary), and gathers what the Haraka root says about the installation.
 */
public final class ConfigLoader {
  /** Files whose presence marks a folder as a Haraka config folder. */
  private static final Set<String> MARKERS = Set.of("plugins", "smtp.ini", "smtp.json", "smtp.yaml",
      "connection.ini", "tls.ini", "relay.ini", "relay_acl_allow", "me", "host_list", "log.ini",
      "auth_flat_file.ini", "outbound.ini");

  private ConfigLoader() {}

  /**
   * Loads a tree.
   *
   * @param harakaVersion the user's --haraka-version, or null to detect it
   * @throws UserError when the path is not a Haraka tree or nothing usable could be read
   */
  public static ConfigTree load(TreeSource source, HarakaVersion harakaVersion) {
    return load(source, harakaVersion, OutsideFiles.NONE, ParsedFiles.none());
  }

  /** Loads a tree and the files outside it that {@code outside} allows (tls.ini key=, cert=, dhparam=). */
  public static ConfigTree load(TreeSource source, HarakaVersion harakaVersion, OutsideFiles outside) {
    return load(source, harakaVersion, outside, ParsedFiles.none());
  }

  /**
   * Loads a tree, taking each config file's parse from {@code parsed} when the file is unchanged
   * since that cache last saw it (history loads every commit of a repository this way), and the
   * files outside it that {@code outside} allows.
   */
  public static ConfigTree load(TreeSource source, HarakaVersion harakaVersion, OutsideFiles outside, ParsedFiles parsed) {
    String prefix;
    boolean haveRoot;
    if (source.isDirectory("config")) {
      prefix = "config/";
      haveRoot = true;
    } else if (source.children("").stream().anyMatch(MARKERS::contains)) {
      prefix = "";
      haveRoot = false;
    } else {
      throw new UserError(source.displayName() + ": not a Haraka tree (no config/ folder and none of "
          + "plugins, smtp.ini, tls.ini, relay.ini, me in it)");
    }

    Map<String, SourceFile> files = new LinkedHashMap<>();
    Map<String, IniDocument> ini = new LinkedHashMap<>();
    Map<String, FlatDocument> flat = new LinkedHashMap<>();
    Map<String, StructuredValue> structured = new LinkedHashMap<>();
    List<LoadDiagnostic> diags = new ArrayList<>();
    String configDir = prefix.isEmpty() ? "" : "config";
    int readable = 0;
    List<String> listed = source.files(configDir);
    diags.addAll(source.listingProblems());
    for (String rel : listed) {
      String name = prefix.isEmpty() ? rel : rel.substring(prefix.length());
      // haraka-lint's own policy and baseline files are not Haraka config (PolicyLoader reads the policy).
      if (name.startsWith(".haraka-lint")) continue;
      ParsedFile p = parsed.get(source, rel, () -> parse(source, rel, name));
      diags.addAll(p.diagnostics());
      if (p.source() == null) continue;
      readable++;
      files.put(name, p.source());
      if (p.ini() != null) ini.put(name, p.ini());
      if (p.flat() != null) flat.put(name, p.flat());
      if (p.structured() != null) structured.put(name, p.structured());
    }
    if (readable == 0 && !listed.isEmpty()) {
      throw new UserError(source.displayName() + ": no config file could be read (" + diags.size() + " unreadable)");
    }
    InstallFacts install = haveRoot ? installFacts(source, harakaVersion) : bareConfigFacts(harakaVersion);
    Map<String, IniDocument> shippedIni = new LinkedHashMap<>();
    Map<String, FlatDocument> shippedFlat = new LinkedHashMap<>();
    if (haveRoot) readShippedDefaults(source, shippedIni, shippedFlat);
    return outside.addTo(new ConfigTree(source.displayName(), prefix, files, ini, flat, structured, shippedIni, shippedFlat,
        diags, install, parsed.views()));
  }

  /** One config file read and parsed the way Haraka reads it, or the reason it could not be read. */
  private static ParsedFile parse(TreeSource source, String rel, String name) {
    TreeSource.ReadResult r = source.read(rel);
    if (!r.isOk()) {
      return ParsedFile.unreadable(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel), r.problem()));
    }
    SourceFile sf = SourceFile.of(rel, r.bytes());
    FileKind kind = FileKind.of(name);
    if (kind == FileKind.STRUCTURED) {
      StructuredParser.Result parsed = StructuredParser.parse(sf);
      if (parsed.value() != null) return new ParsedFile(sf, null, null, parsed.value(), List.of());
      if (parsed.error().equals(StructuredParser.TOO_DEEP)) {
        return new ParsedFile(sf, null, null, null,
            List.of(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel), parsed.error())));
      }
      return new ParsedFile(sf, null, null, null, List.of(new LoadDiagnostic(LoadDiagnostic.Kind.PARSE_ERROR,
          Span.startOf(rel), parsed.error() + ": Haraka logs the error and uses an empty config")));
    }
    if (kind == FileKind.BINARY || kind == FileKind.JS) return new ParsedFile(sf, null, null, null, List.of());
    if (sf.containsNul()) {
      return new ParsedFile(sf, null, null, null, List.of(new LoadDiagnostic(LoadDiagnostic.Kind.BINARY_CONTENT,
          Span.startOf(rel), "contains NUL bytes: binary content where Haraka expects text")));
    }
    List<LoadDiagnostic> diags = sf.isValidUtf8() ? List.of() : List.of(new LoadDiagnostic(LoadDiagnostic.Kind.INVALID_UTF8,
        Span.startOf(rel), "is not valid UTF-8: Haraka reads U+FFFD in place of the bad bytes"));
    return kind == FileKind.INI
        ? new ParsedFile(sf, IniParser.parse(sf), null, null, diags)
        : new ParsedFile(sf, null, FlatParser.parse(sf), null, diags);
  }

  /**
   * Files Haraka reads only from $HARAKA/config, with no defaults layer under them (the core
   * singleton, reference §1.2). Everything else a plugin reads has its package's copy underneath.
   */
  private static final Set<String> CORE_ONLY = Set.of("smtp.ini", "smtp.json", "smtp.yaml", "connection.ini",
      "tls.ini", "log.ini", "outbound.ini", "http.ini", "plugins", "me", "plugin_timeout", "internalcmd_key", "loglevel",
      "log_timestamps", "queue_dir", "dhparams.pem", "tls_key.pem", "tls_cert.pem");

  /**
   * The defaults layer: config files shipped inside the root's installed plugin packages
   * (node_modules/haraka-plugin-X/config/) and, for core plugins, inside Haraka's own package.
   * Only present when node_modules is in the tree; then haraka-lint reads them like Haraka does.
   */
  private static void readShippedDefaults(TreeSource source, Map<String, IniDocument> ini, Map<String, FlatDocument> flat) {
    List<String> packages = new ArrayList<>();
    for (String name : source.children("node_modules")) if (name.startsWith("haraka-plugin-")) packages.add(name);
    for (String core : List.of("Haraka", "haraka")) if (source.isDirectory("node_modules/" + core)) packages.add(core);
    for (String pkg : packages) {
      boolean core = pkg.equalsIgnoreCase("haraka");
      String dir = "node_modules/" + pkg + "/config";
      for (String name : source.children(dir)) {
        String rel = dir + "/" + name;
        if (!source.isFile(rel) || (core && CORE_ONLY.contains(name)) || ini.containsKey(name) || flat.containsKey(name)) continue;
        FileKind kind = FileKind.of(name);
        if (kind != FileKind.INI && kind != FileKind.FLAT) continue;
        TreeSource.ReadResult r = source.read(rel);
        if (!r.isOk()) continue;
        SourceFile sf = SourceFile.of(rel, r.bytes());
        if (kind == FileKind.INI) ini.put(name, IniParser.parse(sf));
        else flat.put(name, FlatParser.parse(sf));
      }
    }
  }

  /** How haraka-config picks a reader from a file name ({@code lib/types.js type_of}). */
  enum FileKind {
    INI, FLAT, STRUCTURED, BINARY, JS;

    static FileKind of(String name) {
      String base = name.substring(name.lastIndexOf('/') + 1);
      int dot = base.lastIndexOf('.');
      String ext = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (name.startsWith("tls/")) return BINARY; // config/tls/ holds PEM certificates and keys for SNI
      switch (ext) {
        case "ini": return INI;
        case "json": case "hjson": case "yaml": case "yml": return STRUCTURED;
        case "pem": case "bin": case "binary": case "key": case "crt": case "der": case "p12": case "pfx": return BINARY;
        case "js": return JS;
        default: return FLAT;
      }
    }
  }

  private static InstallFacts bareConfigFacts(HarakaVersion requested) {
    HarakaVersion v = requested != null ? requested : HarakaVersion.NEWEST_KNOWN;
    String src = requested != null ? "--haraka-version" : "default (newest known 3.x; no Haraka root to read it from)";
    return new InstallFacts(v, src, false, Map.of(), Set.of());
  }

  private static InstallFacts installFacts(TreeSource source, HarakaVersion requested) {
    Map<String, String> packages = new TreeMap<>();
    Set<String> installed = new TreeSet<>();
    HarakaVersion found = null;
    String foundAt = null;

    for (String name : source.children("node_modules")) {
      if (name.startsWith(".") || name.startsWith("@")) continue;
      String manifest = "node_modules/" + name + "/package.json";
      if (!source.isFile(manifest)) continue;
      TreeSource.ReadResult r = source.read(manifest);
      if (!r.isOk()) continue;
      String version = PackageJsonReader.manifest(r.bytes()).version();
      if (version == null) continue;
      packages.put(name, version);
      installed.add(name);
      if ((name.equals("Haraka") || name.equals("haraka")) && found == null) {
        found = HarakaVersion.tryParse(version);
        foundAt = manifest;
      }
    }
    if (source.isFile("package-lock.json")) {
      TreeSource.ReadResult r = source.read("package-lock.json");
      if (r.isOk()) {
        Map<String, String> locked = PackageJsonReader.lockedPackages(r.bytes());
        locked.forEach(packages::putIfAbsent);
        String h = locked.containsKey("Haraka") ? locked.get("Haraka") : locked.get("haraka");
        if (found == null && HarakaVersion.tryParse(h) != null) {
          found = HarakaVersion.tryParse(h);
          foundAt = "package-lock.json";
        }
      }
    }
    if (source.isFile("package.json")) {
      TreeSource.ReadResult r = source.read("package.json");
      if (r.isOk()) {
        Map<String, String> deps = PackageJsonReader.manifest(r.bytes()).dependencies();
        deps.forEach(packages::putIfAbsent);
        String h = deps.containsKey("Haraka") ? deps.get("Haraka") : deps.get("haraka");
        if (found == null && HarakaVersion.tryParse(h) != null) {
          found = HarakaVersion.tryParse(h);
          foundAt = "package.json (range " + h + ")";
        }
      }
    }
    Set<String> local = new TreeSet<>();
    for (String rel : source.files("plugins")) {
      String name = rel.substring("plugins/".length());
      if (name.endsWith(".js") && !name.contains("/node_modules/")) local.add(name.substring(0, name.length() - 3));
      if (name.endsWith("/package.json") && name.indexOf('/') == name.lastIndexOf('/')) {
        local.add(name.substring(0, name.indexOf('/')));
      }
    }
    HarakaVersion v;
    String src;
    if (requested != null) {
      v = requested;
      src = "--haraka-version";
    } else if (found != null) {
      v = found;
      src = foundAt;
    } else {
      v = HarakaVersion.NEWEST_KNOWN;
      src = "default (newest known 3.x; nothing in the tree names a version)";
    }
    return new InstallFacts(v, src, true, Map.copyOf(packages), Set.copyOf(local), Set.copyOf(installed));
  }
}
