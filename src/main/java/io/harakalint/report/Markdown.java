package io.harakalint.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown in and out: escaping our text for a GitHub/GitLab comment, and turning a rule page into
 * HTML for the audit report. The converter knows only what the pages use (headings, paragraphs,
 * lists, fenced examples, inline code, bold, links) and escapes everything first, so no text of a
 * page (or a user's override of one) becomes markup; links become text with their address, because
 * the report must work offline and load nothing.
 */
final class Markdown {
  private Markdown() {}

  /** Text that Markdown shows as written, on one line (for table cells and list items). */
  static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r', '\n' -> sb.append(' ');
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '$' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** An inline code span holding {@code s} whatever backticks it contains. */
  static String code(String s) {
    if (s == null) s = "";
    s = s.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
    int run = 0;
    int longest = 0;
    for (char c : s.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s + pad + fence;
  }

  /** HTML text (for the raw HTML parts of a comment, such as {@code <summary>}). */
  static String html(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A rule page as HTML. The page's own title line is left out (the report prints the title from
   * the rule's metadata); the test suite's {@code expect:} markers are left out of the examples.
   */
  static String pageToHtml(String markdown) {
    StringBuilder out = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    String list = null; // "ul" or "ol" while inside a list
    StringBuilder item = null;
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    boolean titleSkipped = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("```")) {
        flushParagraph(out, paragraph);
        if (list != null) {
          closeList(out, list, item);
          list = null;
          item = null;
        }
        String label = "";
        int at = line.indexOf("file=");
        if (at >= 0) label = line.substring(at + 5).split("\\s")[0];
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          if (RulePage.isTestMarker(lines[i])) continue;
          code.append(html(lines[i])).append('\n');
        }
        out.append("<figure class=\"example\">");
        if (!label.isEmpty()) out.append("<figcaption>").append(html(label)).append("</figcaption>");
        out.append("<pre><code>").append(code).append("</code></pre></figure>\n");
        continue;
      }
      if (line.isBlank()) {
        flushParagraph(out, paragraph);
        continue;
      }
      if (line.startsWith("#")) {
        flushParagraph(out, paragraph);
        if (list != null) {
          closeList(out, list, item);
          list = null;
          item = null;
        }
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') level++;
        String text = line.substring(level).strip();
        if (level == 1 && !titleSkipped) {
          titleSkipped = true;
          continue;
        }
        int h = Math.min(6, level + 2);
        out.append("<h").append(h).append('>').append(inline(text)).append("</h").append(h).append(">\n");
        continue;
      }
      String bullet = listMarker(line);
      if (bullet != null) {
        flushParagraph(out, paragraph);
        String kind = Character.isDigit(bullet.charAt(0)) ? "ol" : "ul";
        if (list != null && !list.equals(kind)) {
          closeList(out, list, item);
          list = null;
          item = null;
        }
        if (list == null) {
          out.append('<').append(kind).append(">\n");
          list = kind;
        } else {
          out.append("<li>").append(inline(item.toString())).append("</li>\n");
        }
        item = new StringBuilder(line.strip().substring(bullet.length()).strip());
        continue;
      }
      if (list != null && (line.startsWith(" ") || line.startsWith("\t"))) {
        item.append(' ').append(line.strip());
        continue;
      }
      if (list != null) {
        closeList(out, list, item);
        list = null;
        item = null;
      }
      paragraph.add(line.strip());
    }
    flushParagraph(out, paragraph);
    if (list != null) closeList(out, list, item);
    return out.toString();
  }

  private static String listMarker(String line) {
    String s = line.stripLeading();
    if (line.length() - s.length() > 1) return null; // indented: a continuation, not a new item
    if (s.startsWith("- ") || s.startsWith("* ")) return s.substring(0, 2);
    int d = 0;
    while (d < s.length() && Character.isDigit(s.charAt(d))) d++;
    if (d > 0 && d + 1 < s.length() && s.charAt(d) == '.' && s.charAt(d + 1) == ' ') return s.substring(0, d + 2);
    return null;
  }

  private static void closeList(StringBuilder out, String list, StringBuilder item) {
    if (item != null) out.append("<li>").append(inline(item.toString())).append("</li>\n");
    out.append("</").append(list).append(">\n");
  }

  private static void flushParagraph(StringBuilder out, List<String> paragraph) {
    if (paragraph.isEmpty()) return;
    out.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
    paragraph.clear();
  }

  /** Inline code, bold and links, on text escaped first; code spans are left as they are. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int tick = text.indexOf('`', i);
      if (tick < 0) {
        out.append(prose(text.substring(i)));
        break;
      }
      int end = text.indexOf('`', tick + 1);
      if (end < 0) {
        out.append(prose(text.substring(i)));
        break;
      }
      out.append(prose(text.substring(i, tick)));
      out.append("<code>").append(html(text.substring(tick + 1, end))).append("</code>");
      i = end + 1;
    }
    return out.toString();
  }

  private static String prose(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '[') {
        int close = s.indexOf("](", i);
        int paren = close < 0 ? -1 : s.indexOf(')', close + 2);
        if (close > i && paren > close) {
          String label = s.substring(i + 1, close);
          String target = s.substring(close + 2, paren);
          out.append(bold(html(label)));
          if (!target.startsWith("#") && !target.equals(label)) out.append(" (").append(html(target)).append(')');
          i = paren + 1;
          continue;
        }
      }
      int next = s.indexOf('[', i + 1);
      int stop = next < 0 ? s.length() : next;
      out.append(bold(html(s.substring(i, stop))));
      i = stop;
    }
    return out.toString();
  }

  private static String bold(String escaped) {
    return escaped.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
  }
}
