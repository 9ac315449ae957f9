package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import io.harakalint.model.IniDocument;
import io.harakalint.model.IniEntry;
import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import io.harakalint.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an INI file exactly as haraka-config 1.7.0 does ({@code lib/readers/ini.js},
 * {@code lib/regex.js}), but keeps every entry's position and raw text instead of a plain object.
 *
 * <p>Why not ini4j: ini4j treats {@code key: value} as a pair, unescapes backslashes, trims
 * continuation lines and cannot report positions; the differential test {@code Ini4jDivergenceTest}
 * measures how often it disagrees with haraka-config on our corpus. This parser transcribes
 * haraka-config's five regexes instead; typing happens later in {@link io.harakalint.model.IniTyping}
 * because it depends on which booleans the consuming plugin declares.
 */
public final class IniParser {
  private static final String WS = JsPatterns.WS;
  // lib/regex.js section, param and continuation are matched by IniLineMatch (hand-written scanners).
  private static final Pattern HEADER_THEN_COMMENT = Pattern.compile("^" + WS + "*\\[[^\\]]*\\]" + WS + "*[;#].*");

  static final Set<String> UNSAFE = Set.of("__proto__", "constructor", "prototype");

  private IniParser() {}

  public static IniDocument parse(SourceFile file) {
    List<IniEntry> entries = new ArrayList<>();
    List<IniDocument.SectionHeader> headers = new ArrayList<>();
    List<LoadDiagnostic> diags = new ArrayList<>();
    String section = "main";
    StringBuilder pre = new StringBuilder();
    int preStartLine = -1;
    // Where each physical piece of a continued logical line starts: {line number, offset in logical line}.
    List<int[]> pieces = new ArrayList<>();

    for (SourceFile.Line physical : file.lines()) {
      String line = physical.text();
      if (JsPatterns.isComment(line) || JsPatterns.isBlank(line)) continue;

      int[] sm = IniLineMatch.section(line);
      if (sm != null) {
        String name = JsPatterns.trim(line.substring(sm[0], sm[1]));
        Span at = file.spanAt(physical.number(), sm[0]);
        if (pre.length() > 0) {
          diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.HEADER_IN_CONTINUATION, at,
              "section [" + name + "] inside a continuation: the continued text is glued onto the next key line"));
        }
        if (UNSAFE.contains(name)) {
          diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNSAFE_NAME, at, "section name [" + name + "] is ignored"));
          section = null; // keys go into a throw-away section
        } else {
          section = name;
        }
        headers.add(new IniDocument.SectionHeader(section == null ? name : section, physical.number(), section == null));
        continue;
      }

      int backslash = IniLineMatch.continuation(line);
      if (backslash >= 0) {
        if (pre.length() == 0) {
          preStartLine = physical.number();
          pieces.clear();
        }
        pieces.add(new int[] {physical.number(), pre.length()});
        pre.append(line, 0, backslash);
        continue;
      }

      List<int[]> layout;
      if (pre.length() > 0) {
        pieces.add(new int[] {physical.number(), pre.length()});
        layout = List.copyOf(pieces);
        line = pre + line;
        pre.setLength(0);
      } else {
        layout = List.<int[]>of(new int[] {physical.number(), 0});
      }
      applyParamLine(file, line, layout, section, entries, diags);
    }
    if (pre.length() > 0) {
      diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.DANGLING_CONTINUATION, file.spanAt(preStartLine, 1),
          "the last logical line ends with '\\' and is dropped"));
    }
    return new IniDocument(file, List.copyOf(entries), List.copyOf(headers), List.copyOf(diags));
  }

  private static void applyParamLine(SourceFile file, String line, List<int[]> layout,
      String section, List<IniEntry> entries, List<LoadDiagnostic> diags) {
    int startLine = layout.get(0)[0];
    int endLine = layout.get(layout.size() - 1)[0];
    int[] m = IniLineMatch.param(line);
    if (m == null) {
      LoadDiagnostic.Kind kind = HEADER_THEN_COMMENT.matcher(line).matches()
          ? LoadDiagnostic.Kind.HEADER_WITH_COMMENT : LoadDiagnostic.Kind.INVALID_LINE;
      diags.add(new LoadDiagnostic(kind, file.spanAt(startLine, firstNonSpace(line) + 1), safePrefix(line)));
      return;
    }
    String key = line.substring(m[0], m[1]);
    String value = m[2] < 0 ? null : line.substring(m[2], m[3]);
    // /^(.+)\[\]$/ on the key (key characters hold no line terminator, so '.' is any of them).
    boolean isArray = key.length() > 2 && key.endsWith("[]");
    // JS String.replace('[]', '') removes only the first occurrence.
    int firstPair = key.indexOf("[]");
    String baseKey = isArray ? key.substring(0, firstPair) + key.substring(firstPair + 2) : key;
    Span keySpan = spanOf(file, layout, m[0]);
    Span valueSpan = spanOf(file, layout, value == null ? line.length() : m[2]);
    if (UNSAFE.contains(baseKey)) {
      diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNSAFE_NAME, keySpan, "key '" + key + "' is ignored"));
      return;
    }
    if (section == null) return;
    entries.add(new IniEntry(section, key, baseKey, isArray, value, keySpan, valueSpan,
        startLine, endLine, layout.size() > 1));
  }

  /** Maps an index in a (possibly continued) logical line back to a physical line and column. */
  private static Span spanOf(SourceFile file, List<int[]> layout, int index) {
    int[] piece = layout.get(0);
    for (int[] p : layout) if (p[1] <= index) piece = p;
    return file.spanAt(piece[0], index - piece[1] + 1);
  }

  private static int firstNonSpace(String line) {
    int i = 0;
    while (i < line.length() && JsPatterns.isWs(line.charAt(i))) i++;
    return i;
  }

  /**
   * What an invalid line may show in a message: its first word (up to white space or '='), at most
   * 40 characters. The rest is never shown, because the line may hold a password; rules showing a
   * diagnostic from a file that holds secrets show nothing of it at all.
   */
  static String safePrefix(String line) {
    String t = JsPatterns.trim(line);
    int end = 0;
    while (end < t.length() && !JsPatterns.isWs(t.charAt(end)) && t.charAt(end) != '=') end++;
    String shown = t.substring(0, Math.min(end, 40));
    return end < t.length() || end > 40 ? shown + "…" : shown;
  }
}
