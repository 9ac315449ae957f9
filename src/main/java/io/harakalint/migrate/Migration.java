package io.harakalint.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harakalint.load.UserError;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.PluginCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The v2.8 to v3.1+ migration of one Haraka tree (reference §7): the v2 single-value files and the
 * moved smtp.ini settings into a new {@code config/connection.ini}, deprecated plugin aliases
 * renamed, the npm packages added to {@code package.json}, and what no longer exists flagged. Pure:
 * it reads the tree and returns the new bytes; the caller shows or writes them.
 */
public final class Migration {
  /** One file to create or change; {@code before} is null for a new file. */
  public record FileChange(String path, byte[] before, byte[] after) {}

  public record Carried(String source, String target, String value) {}

  public record Rename(int line, String from, String to, String pkg) {}

  public record Package(String name, String version, String why) {}

  public record OldFile(String path, String replacedBy) {}

  public record Human(String file, String what) {}

  public record Change(String path, String action, String why) {}

  /** Everything the migration found and would do. */
  public record Plan(String target, String to, List<FileChange> files, List<Change> changes, List<Carried> carried,
      List<Rename> renames, List<Package> packages, List<OldFile> oldFiles, List<Human> humans) {
    public boolean isEmpty() {
      return files.isEmpty();
    }
  }

  static final String CONNECTION_INI = "config/connection.ini";
  static final String SMTP_INI = "config/smtp.ini";
  static final String PLUGINS = "config/plugins";
  static final String PACKAGE_JSON = "package.json";

  /** smtp.ini [main] keys that moved to connection.ini [main] in 3.1.0. */
  static final List<String> MOVED_MAIN = List.of("spool_dir", "spool_after", "strict_rfc1869", "smtputf8");

  /** Files of plugins that moved to npm under another name (reference §7.3). */
  static final Map<String, String> RENAMED_FILES = new LinkedHashMap<>();

  static {
    RENAMED_FILES.put("dkim_sign.ini", "dkim.ini [sign] (enabled=true for disabled=false, selector, domain, headers for headers_to_sign)");
    RENAMED_FILES.put("dkim_verify.ini", "dkim.ini [verify]");
    RENAMED_FILES.put("dnsbl.ini", "dns-list.ini (its [main] zones=, reject, search, periodic_checks)");
    RENAMED_FILES.put("dnsbl.zones", "dns-list.ini [main] zones= (dns-list 1.3.0 reads the legacy list by index, so the zone names are ignored)");
    RENAMED_FILES.put("dnswl.zones", "dns-list.ini [main] zones= (dns-list 1.3.0 reads the legacy list by index, so the zone names are ignored)");
    RENAMED_FILES.put("data.uribl.ini", "uribl.ini");
    RENAMED_FILES.put("data.uribl.excludes", "uribl.excludes");
    RENAMED_FILES.put("data.headers.ini", "headers.ini (the headers plugin logs 'deprecated setting' for old keys)");
    RENAMED_FILES.put("aliases", "aliases.json (haraka-plugin-aliases silently ignores a legacy config/aliases)");
    RENAMED_FILES.put("early_talker.pause", "early_talker.ini (haraka-plugin-early_talker)");
    RENAMED_FILES.put("max_unrecognized_commands", "limit.ini of haraka-plugin-limit (the limit plugin does not read this file; see its README for the unrecognized commands limit)");
    RENAMED_FILES.put("header_hide_version", "connection.ini [headers] show_version (removed in 3.0.4)");
    RENAMED_FILES.put("max_received_count", "connection.ini [headers] max_received (removed in 3.1.0)");
    RENAMED_FILES.put("max_header_lines", "connection.ini [headers] max_lines (removed in 3.1.0)");
    RENAMED_FILES.put("strict_rfc1869", "connection.ini [main] strict_rfc1869 (removed in 3.1.0)");
  }

  private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*$");
  private static final Pattern KEY = Pattern.compile("^\\s*([^=;#\\s\\[]+(?:\\[\\])?)\\s*=\\s*(.*?)\\s*$");

  private final Path root;
  private final HarakaVersion to;
  private final String harakaRange;
  private final List<FileChange> files = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Carried> carried = new ArrayList<>();
  private final List<Rename> renames = new ArrayList<>();
  private final List<Package> packages = new ArrayList<>();
  private final List<OldFile> oldFiles = new ArrayList<>();
  private final List<Human> humans = new ArrayList<>();
  /** connection.ini template model: "section.key" -> lines replacing the shipped one. */
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Map<String, List<String>> extra = new LinkedHashMap<>();

  private Migration(Path root, HarakaVersion to, String harakaRange) {
    this.root = root;
    this.to = to;
    this.harakaRange = harakaRange;
  }

  /**
   * Plans the migration of the Haraka root {@code root} to Haraka {@code to}; {@code harakaRange} is
   * what package.json's "Haraka" dependency becomes.
   */
  public static Plan plan(Path root, String displayName, HarakaVersion to, String harakaRange) {
    if (!Files.isDirectory(root.resolve("config"))) {
      throw new UserError(displayName + ": not a Haraka root (no config/ folder)");
    }
    Migration m = new Migration(root, to, harakaRange);
    try {
      m.connection();
      m.plugins();
      m.renamedFiles();
      m.smtpForward();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Plan(displayName, to.toString(), List.copyOf(m.files), List.copyOf(m.changes), List.copyOf(m.carried),
        List.copyOf(m.renames), List.copyOf(m.packages), List.copyOf(m.oldFiles), List.copyOf(m.humans));
  }

  // ---------------------------------------------------------------- connection.ini and smtp.ini

  private void connection() throws IOException {
    boolean exists = Files.exists(root.resolve(CONNECTION_INI));
    // v2 single-value files
    flatValue("databytes", "max.bytes", "bytes", v -> {
      if (!v.matches("\\d+")) return null;
      if (Long.parseLong(v) == 0) {
        humans.add(new Human("config/databytes", "0 meant no size limit in v2; connection.ini keeps the shipped bytes=26214400"
            + " (remove the line for no limit, which Haraka 3.1 then does not announce)"));
        return null;
      }
      return v;
    });
    flatList("smtpgreeting", "message.greeting", "greeting[]");
    flatValue("ehlo_hello_message", "message.helo", "helo", v -> v);
    flatValue("connection_close_message", "message.close", "close", v -> v);
    flatValue("banner_includes_uuid", "uuid.banner_chars", "banner_chars", Migration::uuidChars);
    flatValue("deny_includes_uuid", "uuid.deny_chars", "deny_chars", Migration::uuidChars);
    flatValue("max_mime_parts", "max.mime_parts", "mime_parts", Migration::integer);
    flatValue("max_line_length", "max.line_length", "line_length", Migration::integer);
    flatValue("max_data_line_length", "max.data_line_length", "data_line_length", Migration::integer);
    flatList("haproxy_hosts", "haproxy.hosts", "hosts[]");
    for (String h : values.getOrDefault("haproxy.hosts", List.of())) {
      String host = h.substring(h.indexOf('=') + 1);
      if (host.contains(":") && !host.contains("/")) {
        humans.add(new Human("config/haproxy_hosts", host + " is an IPv6 address without a mask: Haraka 3.x trusts the whole /64;"
            + " write " + host + "/128 in connection.ini [haproxy] hosts[] if only that host is meant (HL208)"));
      }
    }
    // smtp.ini settings that moved
    Path smtp = root.resolve(SMTP_INI);
    if (Files.isRegularFile(smtp)) smtpIni(smtp, exists);

    if (exists) {
      // Already migrated (or written by hand): only what it does not hold needs a human.
      Map<String, List<String>> have = iniValues(root.resolve(CONNECTION_INI));
      for (Carried c : carried) {
        if (!have.getOrDefault(c.target(), List.of()).contains(c.value())) {
          humans.add(new Human(CONNECTION_INI, "already exists, so it is not rewritten: it lacks " + c.target() + "=" + c.value()
              + " (from " + c.source() + ")"));
        }
      }
      carried.clear();
      return;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("v", values);
    model.put("extra", extra);
    String text = MigrateTemplates.render("connection.ini.ftl", model);
    files.add(0, new FileChange(CONNECTION_INI, null, text.getBytes(StandardCharsets.UTF_8)));
    changes.add(0, new Change(CONNECTION_INI, "created from Haraka's shipped connection.ini, " + carried.size() + " value(s) carried over",
        "Haraka 3.1 reads these settings only from connection.ini, and stops at start-up without it (reference §7.1, §7.4)"));
  }

  /** "[section] key" -> values, as a simple reading of an INI file (enough to compare carried values). */
  private Map<String, List<String>> iniValues(Path p) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String section = "main";
    for (String l : text(p).split("\r?\n", -1)) {
      Matcher s = SECTION.matcher(l);
      if (s.matches()) {
        section = s.group(1).trim();
        continue;
      }
      Matcher k = KEY.matcher(l);
      if (k.matches()) out.computeIfAbsent("[" + section + "] " + k.group(1), x -> new ArrayList<>()).add(k.group(2));
    }
    return out;
  }

  private interface Conv {
    String apply(String v);
  }

  private static String integer(String v) {
    return v.matches("-?\\d+") ? v : null;
  }

  private static String uuidChars(String v) {
    String t = v.toLowerCase(Locale.ROOT);
    if (t.matches("\\d+")) return t;
    if (t.equals("true") || t.equals("yes") || t.equals("on")) return "6";
    if (t.equals("false") || t.equals("no") || t.equals("off")) return "0";
    return null;
  }

  /** The lines Haraka's flat reader keeps: trimmed, no blank lines, no # comments. */
  private List<String> flatLines(String name) throws IOException {
    Path p = root.resolve("config").resolve(name);
    if (!Files.isRegularFile(p)) return null;
    List<String> out = new ArrayList<>();
    for (String l : text(p).split("\r?\n", -1)) {
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      out.add(t);
    }
    return out;
  }

  private void flatValue(String name, String key, String iniKey, Conv conv) throws IOException {
    List<String> lines = flatLines(name);
    if (lines == null) return;
    String source = "config/" + name;
    oldFiles.add(new OldFile(source, "connection.ini " + section(key) + " " + iniKey));
    if (lines.isEmpty()) return;
    String value = conv.apply(lines.get(0));
    if (value == null) {
      if (!name.equals("databytes") || !lines.get(0).matches("0+")) {
        humans.add(new Human(source, "value '" + lines.get(0) + "' cannot be carried over to " + section(key) + " " + iniKey
            + "; the shipped value stays"));
      }
      return;
    }
    values.put(key, List.of("; carried over from " + source + " by haraka-lint migrate", iniKey + "=" + value));
    carried.add(new Carried(source, section(key) + " " + iniKey, value));
  }

  private void flatList(String name, String key, String iniKey) throws IOException {
    List<String> lines = flatLines(name);
    if (lines == null) return;
    String source = "config/" + name;
    oldFiles.add(new OldFile(source, "connection.ini " + section(key) + " " + iniKey));
    if (lines.isEmpty()) return;
    List<String> out = new ArrayList<>();
    out.add("; carried over from " + source + " by haraka-lint migrate");
    for (String l : lines) {
      out.add(iniKey + "=" + l);
      carried.add(new Carried(source, section(key) + " " + iniKey, l));
    }
    values.put(key, out);
  }

  private static String section(String key) {
    return "[" + key.substring(0, key.indexOf('.')) + "]";
  }

  private void smtpIni(Path smtp, boolean connectionExists) throws IOException {
    byte[] before = Files.readAllBytes(smtp);
    String text = decode(before, SMTP_INI);
    if (text == null) return;
    List<String> lines = splitKeepingEol(text);
    StringBuilder out = new StringBuilder();
    String section = "main";
    boolean changed = false;
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String l = stripEol(raw);
      Matcher s = SECTION.matcher(l);
      if (s.matches()) {
        section = s.group(1).trim();
        if (section.equals("headers")) {
          changed = true;
          out.append(comment(raw, "; [headers] moved to connection.ini [headers] (haraka-lint migrate)"));
          continue;
        }
        out.append(raw);
        continue;
      }
      Matcher k = KEY.matcher(l);
      boolean moved = k.matches() && (section.equals("headers") || section.equals("main") && MOVED_MAIN.contains(k.group(1)));
      if (section.equals("headers") && !moved) {
        changed = true; // comments and blank lines of the moved section go with it
        continue;
      }
      if (!moved) {
        out.append(raw);
        continue;
      }
      changed = true;
      String key = k.group(1);
      String value = k.group(2);
      String bare = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
      String target = section + "." + bare;
      String source = SMTP_INI + ":" + lineNo;
      List<String> prev = values.get(target);
      List<String> lineOut = new ArrayList<>();
      if (prev != null && key.endsWith("[]")) lineOut.addAll(prev); // arrays collect, a scalar's last line wins
      else lineOut.add("; carried over from " + SMTP_INI + " by haraka-lint migrate");
      lineOut.add(key + "=" + value);
      if (section.equals("headers") && !List.of("add_received", "clean_auth_results", "show_version", "max_lines", "max_received").contains(bare)) {
        extra.computeIfAbsent("headers", x -> new ArrayList<>()).addAll(lineOut);
      } else {
        values.put(target, lineOut);
      }
      carried.add(new Carried(source, "[" + section + "] " + key, value));
      if (section.equals("main")) {
        out.append(comment(raw, "; " + key + " moved to connection.ini [main] (haraka-lint migrate)"));
      }
    }
    if (!changed) return;
    if (connectionExists) {
      humans.add(new Human(SMTP_INI, "has settings that Haraka 3.1 reads only from connection.ini ([headers], "
          + String.join(", ", MOVED_MAIN) + "); connection.ini already exists, so move them by hand"));
      return;
    }
    files.add(new FileChange(SMTP_INI, before, out.toString().getBytes(StandardCharsets.UTF_8)));
    changes.add(new Change(SMTP_INI, "moved settings removed (each replaced by a one-line comment)",
        "Haraka 3.1 ignores [headers], smtputf8, strict_rfc1869, spool_dir and spool_after in smtp.ini (reference §3.1, §7.1)"));
  }

  /** A replacement line with the original line's end of line. */
  private static String comment(String raw, String text) {
    String eol = raw.substring(stripEol(raw).length());
    return text + (eol.isEmpty() ? "" : eol);
  }

  // ---------------------------------------------------------------- plugins and package.json

  private void plugins() throws IOException {
    Path p = root.resolve(PLUGINS);
    if (!Files.isRegularFile(p)) return;
    byte[] before = Files.readAllBytes(p);
    String text = decode(before, PLUGINS);
    if (text == null) return;
    StringBuilder out = new StringBuilder();
    Map<String, String> needed = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : splitKeepingEol(text)) {
      lineNo++;
      String l = stripEol(raw);
      String name = l.strip();
      if (lineNo == 1 && name.startsWith("\uFEFF")) name = name.substring(1).strip();
      if (name.isEmpty() || name.startsWith("#")) {
        out.append(raw);
        continue;
      }
      PluginCatalog.Entry e = PluginCatalog.lookup(name).orElse(null);
      if (e == null) {
        out.append(raw);
        continue;
      }
      if (e.status() == PluginCatalog.Status.ALIAS && e.isAliasIn(to)) {
        int at = l.indexOf(name);
        out.append(l, 0, at).append(e.target()).append(l.substring(at + name.length())).append(raw.substring(l.length()));
        renames.add(new Rename(lineNo, name, e.target(), e.npmPackage()));
        if (e.npmPackage() != null) needed.putIfAbsent(e.npmPackage(), "`" + name + "` is now `" + e.target() + "` (" + e.history() + ")");
        continue;
      }
      out.append(raw);
      if (e.status() == PluginCatalog.Status.REMOVED || e.status() == PluginCatalog.Status.SHIM) {
        humans.add(new Human(PLUGINS + ":" + lineNo, "`" + name + "` " + e.history()
            + (e.target() != null ? "; replacement: " + e.target() : "")));
      } else if (e.status() == PluginCatalog.Status.NPM && e.npmPackage() != null) {
        boolean dropped = e.droppedFromHarakaDeps().map(v -> to.compareTo(v) >= 0).orElse(false);
        if (dropped || !e.history().contains("optional dep")) {
          needed.putIfAbsent(e.npmPackage(), "`" + name + "` is an npm plugin (" + e.history() + ")");
        }
      }
    }
    byte[] after = out.toString().getBytes(StandardCharsets.UTF_8);
    if (!renames.isEmpty()) {
      files.add(new FileChange(PLUGINS, before, after));
      changes.add(new Change(PLUGINS, renames.size() + " deprecated plugin name(s) renamed",
          "Haraka " + to + " loads these names only through its deprecated alias table (plugin catalogue)"));
    }
    packageJson(needed);
  }

  private void packageJson(Map<String, String> needed) throws IOException {
    Path p = root.resolve(PACKAGE_JSON);
    if (!Files.isRegularFile(p)) {
      humans.add(new Human(PACKAGE_JSON, "missing: install Haraka " + harakaRange + " and " + String.join(", ", needed.keySet())));
      return;
    }
    byte[] before = Files.readAllBytes(p);
    String text = decode(before, PACKAGE_JSON);
    if (text == null) return;
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      humans.add(new Human(PACKAGE_JSON, "is not valid JSON; add " + String.join(", ", needed.keySet()) + " by hand"));
      return;
    }
    JsonNode deps = tree.path("dependencies");
    Map<String, String> add = new LinkedHashMap<>();
    for (Map.Entry<String, String> n : needed.entrySet()) {
      if (!deps.has(n.getKey())) {
        add.put(n.getKey(), "*");
        packages.add(new Package(n.getKey(), "*", n.getValue()));
      }
    }
    String haraka = deps.has("Haraka") ? "Haraka" : deps.has("haraka") ? "haraka" : null;
    String setHaraka = null;
    if (haraka == null) {
      add.put("Haraka", harakaRange);
      packages.add(new Package("Haraka", harakaRange, "the server itself"));
    } else {
      HarakaVersion have = HarakaVersion.tryParse(deps.get(haraka).asText());
      if (have == null || have.compareTo(to) < 0) {
        setHaraka = harakaRange;
        packages.add(new Package(haraka, harakaRange, "was " + deps.get(haraka).asText()));
      }
    }
    if (add.isEmpty() && setHaraka == null) return;
    String after = JsonEdit.editDependencies(text, haraka, setHaraka, add);
    if (after == null) {
      humans.add(new Human(PACKAGE_JSON, "has no plain \"dependencies\" object to edit; add " + add + " by hand"));
      return;
    }
    files.add(new FileChange(PACKAGE_JSON, before, after.getBytes(StandardCharsets.UTF_8)));
    changes.add(new Change(PACKAGE_JSON, (setHaraka != null ? haraka + " " + setHaraka : "") + (setHaraka != null && !add.isEmpty() ? "; " : "")
        + (add.isEmpty() ? "" : "added " + String.join(", ", add.keySet())), "the plugins that moved to npm must be installed beside Haraka"));
  }

  // ---------------------------------------------------------------- what no longer exists

  private void renamedFiles() throws IOException {
    for (Map.Entry<String, String> e : RENAMED_FILES.entrySet()) {
      Path p = root.resolve("config").resolve(e.getKey());
      if (!Files.isRegularFile(p)) continue;
      String src = "config/" + e.getKey();
      oldFiles.add(new OldFile(src, e.getValue()));
      String hint = hint(e.getKey(), p);
      humans.add(new Human(src, "Haraka " + to + " does not read it; move its settings to " + e.getValue() + (hint.isEmpty() ? "" : ": " + hint)));
    }
  }

  /** The concrete content to write, where the old file is simple enough to read here. */
  private String hint(String name, Path p) throws IOException {
    if (!name.equals("dkim_sign.ini") && !name.equals("dnsbl.ini")) return "";
    String text = decode(Files.readAllBytes(p), "config/" + name);
    if (text == null) return "";
    Map<String, String> kv = new LinkedHashMap<>();
    for (String l : text.split("\r?\n")) {
      Matcher k = KEY.matcher(l);
      if (k.matches()) kv.put(k.group(1), k.group(2));
    }
    List<String> out = new ArrayList<>();
    if (name.equals("dkim_sign.ini")) {
      out.add("[sign]");
      if (kv.containsKey("disabled")) out.add("enabled=" + (kv.get("disabled").equalsIgnoreCase("true") ? "false" : "true"));
      for (String k : List.of("selector", "domain")) if (kv.containsKey(k)) out.add(k + "=" + kv.get(k));
      if (kv.containsKey("headers_to_sign")) out.add("headers=" + kv.get("headers_to_sign"));
    } else {
      out.add("[main]");
      for (String k : List.of("zones", "reject", "search", "periodic_checks")) if (kv.containsKey(k)) out.add(k + "=" + kv.get(k));
    }
    return "`" + String.join("` / `", out) + "`";
  }

  private void smtpForward() throws IOException {
    for (String f : List.of("smtp_forward.ini", "smtp_proxy.ini")) {
      Path p = root.resolve("config").resolve(f);
      if (!Files.isRegularFile(p)) continue;
      String text = decode(Files.readAllBytes(p), "config/" + f);
      if (text == null) continue;
      int n = 0;
      for (String l : text.split("\r?\n", -1)) {
        n++;
        Matcher k = KEY.matcher(l);
        if (k.matches() && (k.group(1).equals("timeout") || k.group(1).equals("max_connections"))) {
          humans.add(new Human("config/" + f + ":" + n, k.group(1) + " was a connection-pool setting; pooling was removed in 3.0.0 and it is ignored"));
        }
      }
    }
  }

  /** The migration report (templates/migration.md.ftl). */
  public static String report(Plan plan) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("r", plan);
    return MigrateTemplates.render("migration.md.ftl", model);
  }

  // ---------------------------------------------------------------- text helpers

  private String decode(byte[] bytes, String path) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      humans.add(new Human(path, "is not valid UTF-8, so it is not rewritten; migrate it by hand"));
      return null;
    }
  }

  private String text(Path p) throws IOException {
    String t = decode(Files.readAllBytes(p), root.relativize(p).toString());
    return t == null ? "" : t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  static List<String> splitKeepingEol(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) out.add(text.substring(start));
    return out;
  }

  static String stripEol(String raw) {
    int end = raw.length();
    if (end > 0 && raw.charAt(end - 1) == '\n') end--;
    if (end > 0 && raw.charAt(end - 1) == '\r') end--;
    return raw.substring(0, end);
  }
}
