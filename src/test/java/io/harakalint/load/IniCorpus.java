package io.harakalint.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The corpus shared by {@link HarakaConfigFidelityTest} and {@link Ini4jDivergenceTest}: handcrafted
 * files for every documented quirk of haraka-config's INI and flat dialect, thousands of generated
 * files biased towards those quirks (deterministic seed), and every INI/flat file under
 * {@code samples/} if that folder exists. Files are written to a temporary directory at test time;
 * the generated corpus is never committed.
 */
final class IniCorpus {
  static final long SEED = 0x4A4B_2024_0170L;
  static final int GENERATED_INI = 2200;
  static final int GENERATED_FLAT = 700;

  /**
   * One file as one consumer reads it.
   *
   * @param name short id used in messages ({@code gen/ini/00042.ini}, {@code samples/x/smtp.ini})
   * @param type {@code ini}, {@code list} or {@code value}
   * @param file where the bytes were written (samples: the sample itself)
   * @param booleans the {@code booleans} option (INI only)
   * @param origin {@code handcrafted}, {@code generated} or {@code samples}
   */
  record Case(String name, String type, Path file, byte[] bytes, List<String> booleans, String origin) {
    boolean isIni() {
      return type.equals("ini");
    }
  }

  private IniCorpus() {}

  /** Builds the whole corpus, writing generated files under {@code dir}. */
  static List<Case> build(Path dir, Path projectRoot) throws IOException {
    List<Case> out = new ArrayList<>();
    Writer w = new Writer(dir);
    for (Handcrafted h : handcrafted()) out.add(w.write("hand", h.type, h.bytes, h.booleans, "handcrafted"));
    Random r = new Random(SEED);
    Gen g = new Gen(r);
    for (int i = 0; i < GENERATED_INI; i++) {
      byte[] bytes = g.iniFile();
      out.add(w.write("gen", "ini", bytes, g.booleans(), "generated"));
    }
    for (int i = 0; i < GENERATED_FLAT; i++) {
      String type = r.nextInt(3) == 0 ? "value" : "list";
      out.add(w.write("gen", type, g.flatFile(type), List.of(), "generated"));
    }
    out.addAll(samples(projectRoot));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Samples

  private static final List<String> NOT_FLAT = List.of(".json", ".yaml", ".yml", ".hjson", ".js", ".md",
      ".pem", ".bin", ".binary", ".tsv", ".txt.gz", ".gz", ".zip", ".tar", ".der", ".p12", ".pfx");

  /**
   * Every INI file under samples/ (INI reading, once per declared-booleans row for its name) and every
   * other file in a {@code config/} folder there (list reading), except JSON/YAML/JS and binary ones.
   */
  static List<Case> samples(Path projectRoot) throws IOException {
    Path dir = projectRoot.resolve("samples");
    if (!Files.isDirectory(dir)) return List.of();
    Map<String, List<List<String>>> declared = declaredBooleans(projectRoot);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<Case> out = new ArrayList<>();
    for (Path f : files) {
      String rel = projectRoot.relativize(f).toString().replace('\\', '/');
      String base = f.getFileName().toString();
      String lower = base.toLowerCase(Locale.ROOT);
      if (base.startsWith(".") || rel.contains("/.") || rel.contains("/node_modules/")) continue;
      if (NOT_FLAT.stream().anyMatch(lower::endsWith)) continue;
      if (Files.size(f) > 2_000_000) continue;
      byte[] bytes = Files.readAllBytes(f);
      if (lower.endsWith(".ini")) {
        List<List<String>> sets = declaredFor(declared, rel);
        if (sets.isEmpty()) sets = List.of(List.of());
        int n = 0;
        for (List<String> b : sets) {
          String name = sets.size() == 1 ? rel : rel + "#booleans" + (++n);
          out.add(new Case(name, "ini", f.toAbsolutePath(), bytes, b, "samples"));
        }
      } else if (rel.contains("/config/")) { // flat config files; not README, expected-findings.txt...
        out.add(new Case(rel, "list", f.toAbsolutePath(), bytes, List.of(), "samples"));
      }
    }
    return out;
  }

  /**
   * src/main/resources/io/harakalint/model/declared-booleans.tsv: {@code file<TAB>declarations<TAB>source}.
   * A file may be listed once per consumer; each listing becomes its own case.
   */
  static Map<String, List<List<String>>> declaredBooleans(Path projectRoot) throws IOException {
    Path tsv = projectRoot.resolve("src/main/resources/io/harakalint/model/declared-booleans.tsv");
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(tsv)) return out;
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      String[] cols = line.split("\t");
      if (cols.length < 2) continue;
      String decl = cols[1].trim();
      List<String> b = decl.isEmpty() ? List.of() : List.of(decl.split("\\s+"));
      List<List<String>> sets = out.computeIfAbsent(cols[0].trim(), k -> new ArrayList<>());
      if (!sets.contains(b)) sets.add(b);
    }
    return out;
  }

  /** Matches a sample by its path below the last {@code config/} folder, else by its file name. */
  private static List<List<String>> declaredFor(Map<String, List<List<String>>> declared, String rel) {
    int c = rel.lastIndexOf("config/");
    String underConfig = c >= 0 ? rel.substring(c + "config/".length()) : null;
    if (underConfig != null && declared.containsKey(underConfig)) return declared.get(underConfig);
    String base = rel.substring(rel.lastIndexOf('/') + 1);
    return declared.getOrDefault(base, List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static final class Writer {
    private final Path dir;
    private int n;

    Writer(Path dir) throws IOException {
      this.dir = dir;
      Files.createDirectories(dir.resolve("ini"));
      Files.createDirectories(dir.resolve("flat"));
    }

    Case write(String prefix, String type, byte[] bytes, List<String> booleans, String origin) {
      n++;
      String file = type.equals("ini") ? String.format("ini/%s-%05d.ini", prefix, n) : String.format("flat/%s-%05d", prefix, n);
      Path p = dir.resolve(file);
      try {
        Files.write(p, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = type.equals("ini") ? file : file + "." + type;
      return new Case(name, type, p.toAbsolutePath(), bytes, List.copyOf(booleans), origin);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Text to bytes: U+E000..U+E00E stand for invalid UTF-8 byte sequences.

  private static final byte[][] INVALID = {
    {(byte) 0xFF},
    {(byte) 0xC0, (byte) 0x80},                             // overlong NUL
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                // UTF-16 surrogate
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},   // above U+10FFFF
    {(byte) 0xE2, (byte) 0x82},                             // truncated 3-byte sequence
    {(byte) 0x80},                                          // lone continuation byte
    {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},                // truncated 4-byte sequence
    {(byte) 0xC3},                                          // lone lead byte
    {(byte) 0xE0, (byte) 0x80, (byte) 0x80},                // overlong 3-byte
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // 5-byte form
    {(byte) 0xFE, (byte) 0xFF},
    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},                // low surrogate
    {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},   // overlong 4-byte
    {(byte) 0xC2},                                          // lead byte then whatever follows
    {(byte) 0xE1, (byte) 0x80},                             // truncated, then whatever follows
  };
  private static final char INVALID_BASE = '\uE000';

  static byte[] toBytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= INVALID_BASE && c < INVALID_BASE + INVALID.length) {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(INVALID[c - INVALID_BASE]);
        start = i + 1;
      }
    }
    out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static String invalid(int i) {
    return String.valueOf((char) (INVALID_BASE + i));
  }

  // ---------------------------------------------------------------------------------------------
  // Handcrafted cases: the rules of reference sections 1.4-1.6, one file each.

  private record Handcrafted(String type, byte[] bytes, List<String> booleans) {}

  private static List<Handcrafted> handcrafted() {
    List<Handcrafted> h = new ArrayList<>();
    String[][] ini = {
      {""},
      {"; only a comment\n# and another\n"},
      {"\uFEFF"},
      {"\uFEFFkey=value\n"},
      {"\uFEFF[main]\nx=1\n"},
      {"a=1 \\\n  2\n"},
      {"a=1\\ \t \n2\n"},
      {"b=x\\\n[s3]\nc=y\n"},
      {"b=x\\\n; comment inside\n\n  \nc=y\n"},
      {"a=dangling\\"},
      {"a=dangling\\\n"},
      {"a=dangling\\\n; comment\n\n"},
      {"\\\na=1\n"},
      {"a=\\\\\n"},
      {"a=x\\\\ \nb=2\n"},
      {"[main] ; x\nk=v\n[s]\nk=w\n[t] # y\nk=z\n"},
      {"eq=a=b\nq==\n"},
      {"key: value\nkey:value\n"},
      {"haraka\n2605:ae00::2\n10.0.0.0/8\nuser@example.com\n::1\n"},
      {"v=1 ; c\nw=2 # c\nx=true ; c\n"},
      {"k=a\nk[]=b\n"},
      {"k[]=b\nk=a\n"},
      {"k[]=b\nk=a\nk[]=c\n"},
      {"hosts[] =\nhosts[]=\nhosts[]=x\n"},
      {"a[]b[]=1\na[]b[]=2\na[]=3\n"},
      {"[]=1\n[][]=2\n[]x=3\nx[]y=4\n"},
      {"__proto__=1\nconstructor=2\nprototype=3\n__proto__[]=4\n[__proto__]\nx=1\n[constructor]\ny=2\n[prototype]\nconstructor=3\n[ok]\nz=4\n"},
      {"[hasOwnProperty]\ntoString=1\nvalueOf\n[toString]\n__defineGetter__=2\n"},
      {"[2001:db8::1]\nx=1\n[ spaced ]\ny=2\n[]\nz=3\n[\t tab \t]\nw=4\n"},
      {"[*]\na=1\n[a.b.c]\nb=2\n[10]\n[2]\n[b]\n[1]\nq=1\n"},
      {"10=a\n2=b\nz=c\n1=d\n01=e\n-1=f\n4294967294=g\n4294967295=h\n"},
      {"n1=0755\nn2=-0\nn3=1.50\nn4=+1\nn5=1e5\nn6=0x10\nn7=99999999999999999999\nn8=1.\nn9=.5\nn10=-1.0\nn11=1_000\nn12=-0.0\n"},
      {"big1=9007199254740993\nbig2=90071992547409930000000000000000000000000001\nbig3=18446744073709551615\n"},
      {"huge=" + "9".repeat(400) + "\nzeros=" + "0".repeat(800) + "5\nfl=" + "0".repeat(30) + "1." + "0".repeat(400) + "1\n"},
      {"tiny=0." + "0".repeat(340) + "1\nsub=0." + "0".repeat(322) + "5\n"},
      {"q=\"quoted\"\ns='single'\ne=\nsp=   padded   \n"},
      {"a\u00a0=\u00a0b\u00a0\n\u00a0c=d\n"},
      {"a=b\u2028c\nd=e\u2029\n\u2028f=g\nh=i\u0085j\n\u0085k=l\n"},
      {"# comment with \u2028 inside\n; \u2029\n\u2028; ls before\n"},
      {"\u2028\n\u2029\n\u0085\n\u00a0\n\u3000\n\uFEFF\n"},
      {"a=1\rb=2\r\nc=3\n\rd=4\r\r\ne=5"},
      {"a=b\u0000c\n\u0000=1\nk\u0000\n"},
      {"a=" + invalid(0) + "\n" + invalid(2) + "=1\nb=x" + invalid(4) + "y\nc=" + invalid(7) + "\n"},
      {"clé=1\nkey with space=2\nstar*=3\nbang!=4\npct%=5\n"},
      {"a.b=1\n+x=2\n-y=3\n@=4\n:=5\n/=6\n.=7\n_=8\n"},
      {"[ips.backscatterer.org]\nenable=true\n[ips]\nx=1\n"},
      {"ignore_bad_plugins=false\ndaemonize=yes\ngraceful_shutdown=TRUE\n"},
      {"[main]\nsmtputf8\n[headers]\nadd_received=0\nshow_version=Off\nclean_auth_results=ON\n"},
      {"flag=true ; c\nflag2=Yes\nflag3=on\nflag4=1\nflag5=ok\nflag6=enabled\nflag7=\nflag8\nflag9=true\u00a0\n"},
      {"x[]=true\nx[]=false\n[s]\nx[]=1\n"},
      {"[a]\n[b]\n[a]\nk=1\n"},
      {"a = 1\na=2\na =3\n"},
      {"   [  indented  ]   \n\t\tk\t=\tv\t\n"},
      {"[s]x=1\n[s] x\n[a]]\n[[b]\n[c\n"},
      {"a=1\\\n[__proto__]\nb=2\n"},
      {"[s]\na=1\\\n[t]\\\n=2\n"},
    };
    for (String[] s : ini) h.add(new Handcrafted("ini", toBytes(s[0]), List.of()));
    // Declared booleans (reference 1.5).
    Object[][] withBooleans = {
      {"[ips.backscatterer.org]\nenable=true\n", List.of("+ips.backscatterer.org.enable")},
      {"[ips.backscatterer.org]\nenable=false\n[ips]\nbackscatterer.org.enable=no\n", List.of("-ips.backscatterer.org.enable")},
      {"daemonize=yes\n", List.of("-main.daemonize", "-main.graceful_shutdown")},
      {"[main]\nsmtputf8=false\n[headers]\nadd_received=0\nshow_version=Off\n",
          List.of("-main.strict_rfc1869", "+main.smtputf8", "+headers.add_received", "+headers.show_version", "+headers.clean_auth_results")},
      {"a=TRUE\nb=Yes\nc=on\nd=1\ne=true ; c\nf\ng=\nh=ok\ni=enabled\nj=2\n",
          List.of("a", "+b", "-c", "main.d", "+main.e", "main.+f", "main.-g", "*.h", "+*.i", "-*.j")},
      {"[s]\nflag=yes\n[t]\nflag=no\n[u.v]\nflag=on\n", List.of("*.flag")},
      {"[s]\nflag=yes\n", List.of("+*.flag", "-*.other")},
      {"x[]=yes\nx[]=no\n", List.of("main.x[]")},
      {"x[]=yes\nx[]=no\n", List.of("main.x")},
      {"[-main]\nx=yes\n[+main]\nx=yes\n[main]\nx=on\n", List.of("-main.x")},
      {"a b.c=on\n", List.of("a b.c")},
      {"__proto__=1\n", List.of("+main.__proto__", "+__proto__.x", "+constructor.y", "+z.prototype", "+main.ok")},
      {"k=on\n", List.of("+", "-", ".", "+.", "main.", "+main.k")},
      {"[10]\nflag=1\n[2]\nflag=0\n", List.of("+10.flag", "+2.flag", "+1.other")},
      {"", List.of("+main.a", "-b.c", "+d.e.f")},
    };
    for (Object[] b : withBooleans) {
      @SuppressWarnings("unchecked")
      List<String> decl = (List<String>) b[1];
      h.add(new Handcrafted("ini", toBytes((String) b[0]), decl));
    }
    String[] flat = {
      "",
      "\n\n",
      "; comment only\n# another\n",
      "10.0.0.0/8 # office\n192.168.0.0/16\n  spaced item  \n",
      "\uFEFFfirst\nsecond\n",
      "\uFEFF\n0755\n",
      "  ; comment\n\n042\n",
      "-0\n",
      "1.50\n",
      "+1\n",
      "1e5\n",
      "99999999999999999999\n",
      "a\u2028b\n\u2028\n#\u2028c\n\u0085\nd\u0085\n",
      "x\ry\r\nz\n\rw",
      "nul\u0000byte\n",
      invalid(0) + "\nok\n" + invalid(3) + invalid(5) + "\n",
      "\u00a0\u00a0nbsp\u00a0\n",
      "a \\\nb\n",
      "[section]\nkey=value\n",
    };
    for (String f : flat) {
      h.add(new Handcrafted("list", toBytes(f), List.of()));
      h.add(new Handcrafted("value", toBytes(f), List.of()));
    }
    return h;
  }

  // ---------------------------------------------------------------------------------------------
  // Generator

  private static final class Gen {
    private final Random r;
    private final List<String> lastBooleans = new ArrayList<>();

    Gen(Random r) {
      this.r = r;
    }

    private static final String[] SECTIONS = {
      "main", "main", "s1", "s2", "ips", "ips.backscatterer.org", "a.b", "2001:db8::1", "*", "10", "2", "0",
      "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "-main", "+main", "héllo", "x y",
      "headers", "users", "no_tls_hosts",
    };
    private static final String[] KEYS = {
      "a", "a", "b", "b", "c", "key", "host", "enable", "flag", "flag", "x", "k", "10.0.0.0/8", "::1",
      "2605:ae00::2", "user@example.com", "a+b", "+x", "-x", "a.b", "backscatterer.org.enable", "key:value",
      "__proto__", "constructor", "prototype", "toString", "valueOf", "0", "1", "10", "2", "4294967295", "_",
      "@", ":", "/", ".", "[]", "[][]", "a[]b[]", "x[]y", "daemonize", "smtputf8", "hosts",
    };
    private static final String[] BAD_KEYS = {
      "k*", "my key", "clé", "bang!", "pct%", "t\u00e9st", "a\u0000b", "\u00a0", "k\u2028", "k\u0085", "\"q\"",
      "a=b", "", "[x", "x]y", "k;c", "k#c", "ke\u200By",
    };
    private static final String[] VALUES = {
      "", "1", "0", "0755", "-0", "-00", "00", "1.50", "+1", "1e5", "0x10", "99999999999999999999",
      "9007199254740993", "18446744073709551615", "-9223372036854775809", "1.", ".5", "-1.0", "-0.0", "1_000",
      "3.14159265358979323846264338327950288", "0.1", "-.5", "1.2.3", "--1", "1 2", "Infinity", "NaN", "-",
      "TRUE", "Yes", "on", "ON", "ok", "OK", "enabled", "true", "false", "no", "off", "0", "yes please",
      "true ; c", "yes # c", "\"quoted\"", "'single'", "\"true\"", "a=b", "a==b", "=", "x ; comment", "x # comment",
      "x;y", "x#y", "path\\to\\file", "  spaced  ", "\u00a0nbsp\u00a0", "with\u2028ls", "with\u2029ps",
      "nel\u0085", "\u0085", "é€😀", "nul\u0000", "\u3000ideo\u3000", "\uFEFFbom", "10.0.0.0/8", "::1",
      "user@example.com", "/etc/haraka/tls/cert.pem", "${HOME}", "%(x)s", "[x]", "a\tb", "\t", "\\", "\\\\",
      "trailing\\ x", "ends with backslash\\\\x",
    };
    private static final String[] SEPARATORS = {"=", "=", "=", " = ", "\t=\t", " =", "= ", "  =  ", "=\u00a0", "\u2028=", "==", ": ", ":", " "};
    private static final String[] INDENTS = {"", "", "", "", " ", "  ", "\t", "\u00a0", "\uFEFF", "\u2028", "\u3000", "\u0085"};
    private static final String[] TRAILERS = {"", "", "", "", " ", "\t", "  \t", "\u00a0", "\u2028", "\u2029", "\u0085", "\uFEFF"};
    private static final String[] COMMENTS = {
      "; comment", "# comment", ";", "#", "  ; indented", "\t# tab", "\u00a0# nbsp", "\u2028; ls", "\uFEFF#bom",
      "# with \u2028 inside", "; with \u2029 inside", "# with \u0085 inside", ";[section]", "#k=v", " ;; double",
    };
    private static final String[] BLANKS = {"", "", " ", "\t", "  \t ", "\u00a0", "\u3000", "\uFEFF", "\u2028", "\u2029", "\u000B", "\f"};
    private static final String[] INLINE = {" ; c", "; c", " # c", "#c", "\t;c", " ;", " #"};
    private static final String[] CONT = {"\\", "\\", "\\ ", "\\\t", "\\ \t ", " \\", "\\\u00a0", "\\\\", "\\\f",
      "\\\u000B", "\\ \u2028", "\\\uFEFF"};
    private static final String[] GARBAGE = {
      "key: value", "= value", "=", "[x", "x]", "[a]b]", "[[b]]", "[a] [b]", "[x] ; comment", "[y] # c", "[z]; c",
      "random words here", "a b = c", "!x=1", "k\u00e9=1", "[ok] x=1", "\\", "\\ ", "=\\", "[]]", "[\\]",
    };
    private static final String[] DECL_SECTIONS = {"main", "s1", "s2", "ips", "*", "a", "10", "headers", "-main", "constructor"};

    byte[] iniFile() {
      lastBooleans.clear();
      List<String> lines = new ArrayList<>();
      int n = 1 + r.nextInt(r.nextInt(5) == 0 ? 40 : 14);
      if (r.nextInt(10) < 3) { // a plausible config file with a few of the common quirks
        for (int i = 0; i < n; i++) mildLines(lines);
        if (r.nextInt(2) == 0) declareBooleans();
        return finishMild(lines);
      }
      for (int i = 0; i < n; i++) iniLines(lines);
      if (r.nextInt(12) == 0) { // dangling continuation at EOF
        lines.add(key() + "=" + value() + pick(CONT));
        if (r.nextBoolean()) lines.add(pick(COMMENTS));
      }
      if (r.nextInt(2) == 0) declareBooleans();
      return finish(lines);
    }

    List<String> booleans() {
      return List.copyOf(lastBooleans);
    }

    byte[] flatFile(String type) {
      List<String> lines = new ArrayList<>();
      int n = r.nextInt(10);
      if (type.equals("value") && r.nextBoolean()) {
        // The value reading types the first non-comment line: lead with the noise it must skip.
        for (int i = r.nextInt(3); i > 0; i--) lines.add(r.nextBoolean() ? pick(COMMENTS) : pick(BLANKS));
        lines.add(pick(INDENTS) + pick(VALUES) + pick(TRAILERS));
      }
      for (int i = 0; i < n; i++) {
        switch (r.nextInt(9)) {
          case 0 -> lines.add(pick(COMMENTS));
          case 1 -> lines.add(pick(BLANKS));
          case 2 -> lines.add(pick(INDENTS) + pick(VALUES) + pick(TRAILERS));
          case 3 -> lines.add(pick(INDENTS) + pick(KEYS) + pick(INLINE));
          case 4 -> lines.add(pick(KEYS) + pick(SEPARATORS) + pick(VALUES));
          case 5 -> lines.add(pick(GARBAGE));
          case 6 -> lines.add(unicodeNoise(pick(VALUES)));
          default -> lines.add(pick(INDENTS) + pick(KEYS) + pick(TRAILERS));
        }
      }
      return finish(lines);
    }

    private static final String[] MILD_SECTIONS = {"main", "s1", "s2", "ips", "ips.backscatterer.org", "headers", "users", "10"};
    private static final String[] MILD_KEYS = {"a", "b", "key", "host", "enable", "flag", "x", "k", "hosts", "daemonize",
      "10.0.0.0/8", "::1", "user@example.com", "smtputf8", "backscatterer.org.enable", "a.b", "0", "2"};
    private static final String[] MILD_VALUES = {"", "1", "0", "0755", "-0", "1.50", "+1", "1e5", "true", "false", "yes",
      "TRUE", "on", "Off", "x ; comment", "1 # c", "\"quoted\"", "a=b", "/etc/haraka/tls/cert.pem", "localhost",
      "99999999999999999999", "25", "587", "user@example.com", "a b c", "-1.0"};

    private void mildLines(List<String> out) {
      int c = r.nextInt(100);
      String sp = r.nextInt(5) == 0 ? " " : "";
      String sep = pick(new String[] {"=", "=", " = ", "= ", "\t=\t"});
      if (c < 45) out.add(pick(MILD_KEYS) + sep + pick(MILD_VALUES) + sp);
      else if (c < 60) out.add("[" + pick(MILD_SECTIONS) + "]" + (r.nextInt(15) == 0 ? " ; c" : ""));
      else if (c < 70) out.add(pick(new String[] {"; comment", "# comment", "", "  ; indented"}));
      else if (c < 78) out.add(pick(MILD_KEYS)); // bare key
      else if (c < 88) {
        String k = pick(new String[] {"hosts", "a", "k", "list"});
        for (int i = 1 + r.nextInt(3); i > 0; i--) out.add(k + (r.nextInt(6) == 0 ? "" : "[]") + "=" + pick(MILD_VALUES));
      } else if (c < 95) {
        out.add(pick(MILD_KEYS) + "=" + pick(MILD_VALUES) + pick(new String[] {" \\", "\\", "\\ "}));
        if (r.nextInt(4) == 0) out.add(pick(new String[] {"; comment", ""}));
        out.add("  " + pick(MILD_VALUES));
      } else {
        out.add(pick(MILD_KEYS) + ": " + pick(MILD_VALUES)); // the colon form Haraka rejects
      }
    }

    private byte[] finishMild(List<String> lines) {
      String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
      StringBuilder sb = new StringBuilder(r.nextInt(20) == 0 ? "\uFEFF" : "");
      for (String l : lines) sb.append(l).append(eol);
      return toBytes(sb.toString());
    }

    private void iniLines(List<String> out) {
      int c = r.nextInt(100);
      if (c < 34) out.add(keyValue());
      else if (c < 46) out.add(header());
      else if (c < 53) out.add(pick(COMMENTS));
      else if (c < 58) out.add(pick(BLANKS));
      else if (c < 70) continuation(out);
      else if (c < 79) arrays(out);
      else if (c < 85) out.add(pick(INDENTS) + key() + pick(TRAILERS));
      else if (c < 90) out.add(pick(GARBAGE));
      else if (c < 96) out.add(unicodeNoise(r.nextBoolean() ? keyValue() : header()));
      else out.add(pick(INDENTS) + pick(BAD_KEYS) + pick(SEPARATORS) + value());
    }

    private String keyValue() {
      String k = key();
      if (r.nextInt(8) == 0) return pick(INDENTS) + k + pick(TRAILERS); // bare key
      String v = value();
      if (r.nextInt(6) == 0) v += pick(INLINE);
      return pick(INDENTS) + k + pick(SEPARATORS) + v + pick(TRAILERS);
    }

    private String header() {
      String name = r.nextInt(10) == 0 ? pick(BAD_KEYS) : pick(SECTIONS);
      String pad1 = r.nextInt(4) == 0 ? pick(new String[] {" ", "  ", "\t", "\u00a0", "\u2028", "\u0085"}) : "";
      String pad2 = r.nextInt(4) == 0 ? pick(new String[] {" ", "  ", "\t", "\u00a0", "\u2029", "\u0085"}) : "";
      String h = pick(INDENTS) + "[" + pad1 + name + pad2 + "]" + pick(TRAILERS);
      if (r.nextInt(10) == 0) h += pick(INLINE);
      if (r.nextInt(30) == 0) h = "[]";
      return h;
    }

    private void continuation(List<String> out) {
      String first = pick(INDENTS) + key() + pick(SEPARATORS) + value();
      out.add(first + pick(CONT));
      int middle = r.nextInt(4);
      for (int i = 0; i < middle; i++) {
        switch (r.nextInt(6)) {
          case 0 -> out.add(pick(COMMENTS));
          case 1 -> out.add(pick(BLANKS));
          case 2 -> out.add(header());
          case 3 -> out.add(key() + "=" + value() + pick(CONT));
          default -> out.add(pick(INDENTS) + value() + pick(CONT));
        }
      }
      switch (r.nextInt(5)) {
        case 0 -> out.add(keyValue());
        case 1 -> out.add(pick(INDENTS) + value() + pick(TRAILERS));
        case 2 -> out.add(pick(GARBAGE));
        default -> out.add(pick(INDENTS) + value());
      }
    }

    private void arrays(List<String> out) {
      String k = r.nextInt(6) == 0 ? pick(KEYS) : pick(new String[] {"hosts", "a", "k", "x", "list", "a[]b"});
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        boolean scalar = r.nextInt(4) == 0;
        String v = r.nextInt(5) == 0 ? "" : value();
        String sep = r.nextInt(4) == 0 ? pick(SEPARATORS) : "=";
        out.add(pick(INDENTS) + k + (scalar ? "" : "[]") + sep + v);
      }
    }

    private String key() {
      if (r.nextInt(15) == 0) return pick(BAD_KEYS);
      String k = pick(KEYS);
      if (r.nextInt(8) == 0) k += "[]";
      return k;
    }

    private String value() {
      if (r.nextInt(20) == 0) return number();
      String v = pick(VALUES);
      if (r.nextInt(12) == 0) v = v + pick(VALUES);
      return v;
    }

    private String number() {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(3) == 0) sb.append('-');
      int zeros = r.nextInt(4) == 0 ? r.nextInt(30) : 0;
      sb.append("0".repeat(zeros));
      int digits = 1 + r.nextInt(r.nextInt(4) == 0 ? 330 : 25);
      for (int i = 0; i < digits; i++) sb.append((char) ('0' + r.nextInt(10)));
      if (r.nextInt(3) == 0) {
        sb.append('.');
        int frac = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(r.nextInt(4) == 0 ? 400 : 20);
        for (int i = 0; i < frac; i++) sb.append((char) ('0' + r.nextInt(10)));
      }
      return sb.toString();
    }

    private String unicodeNoise(String s) {
      String[] noise = {"\u2028", "\u2029", "\u0085", "\u00a0", "\uFEFF", "\u0000", "\u200B", "\u3000", "é", "😀", "\u000B"};
      StringBuilder sb = new StringBuilder(s);
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) sb.insert(r.nextInt(sb.length() + 1), pick(noise));
      return sb.toString();
    }

    private void declareBooleans() {
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        String sign = pick(new String[] {"", "", "+", "-"});
        String k = pick(new String[] {"flag", "enable", "a", "b", "x", "k", "daemonize", "smtputf8", "hosts", "key"});
        String d = switch (r.nextInt(8)) {
          case 0 -> sign + k;                                                  // main.key
          case 1 -> pick(DECL_SECTIONS) + "." + sign + k;                        // section.[+-]key
          case 2 -> sign + "*." + k;                                             // wildcard
          case 3 -> sign + "ips.backscatterer.org." + k;                         // dotted section
          case 4 -> sign + pick(DECL_SECTIONS) + "." + k + (r.nextInt(3) == 0 ? "[]" : "");
          default -> sign + pick(DECL_SECTIONS) + "." + k;
        };
        lastBooleans.add(d);
      }
    }

    private byte[] finish(List<String> lines) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(10) == 0) sb.append('\uFEFF');
      int style = r.nextInt(10); // 0-4 LF, 5-6 CRLF, 7 CR, 8-9 mixed
      for (int i = 0; i < lines.size(); i++) {
        sb.append(lines.get(i));
        boolean last = i == lines.size() - 1;
        if (last && r.nextInt(4) == 0) break; // no final line break
        sb.append(switch (style) {
          case 0, 1, 2, 3, 4 -> "\n";
          case 5, 6 -> "\r\n";
          case 7 -> "\r";
          default -> pick(new String[] {"\n", "\r\n", "\r", "\n\r", "\r\r\n"});
        });
      }
      String text = sb.toString();
      if (r.nextInt(8) == 0) { // invalid UTF-8 somewhere
        StringBuilder t = new StringBuilder(text);
        for (int i = 1 + r.nextInt(3); i > 0; i--) t.insert(r.nextInt(t.length() + 1), invalid(r.nextInt(INVALID.length)));
        text = t.toString();
      }
      if (r.nextInt(25) == 0) { // NUL bytes
        StringBuilder t = new StringBuilder(text);
        t.insert(r.nextInt(t.length() + 1), '\u0000');
        text = t.toString();
      }
      return toBytes(text);
    }

    private String pick(String[] a) {
      return a[r.nextInt(a.length)];
    }
  }

  static String describe(Case c) {
    return c.name() + " (" + c.type() + (c.booleans().isEmpty() ? "" : ", booleans " + c.booleans()) + ")";
  }

  static String preview(byte[] bytes, int max) {
    StringBuilder sb = new StringBuilder();
    String s = new String(bytes, 0, Math.min(bytes.length, max * 4), StandardCharsets.UTF_8);
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      if (c == '\n') sb.append("\\n");
      else if (c == '\r') sb.append("\\r");
      else if (c == '\t') sb.append("\\t");
      else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\u%04X", (int) c));
      else sb.append(c);
    }
    if (bytes.length > max) sb.append("…");
    return sb.toString();
  }
}
