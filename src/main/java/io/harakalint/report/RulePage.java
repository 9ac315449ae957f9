package io.harakalint.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A rule's page from rules/ (packaged into the jar), and its rendering for a terminal. */
public final class RulePage {
  private RulePage() {}

  public static Optional<String> markdown(String ruleId) {
    try (InputStream in = RulePage.class.getResourceAsStream("/io/harakalint/pages/" + ruleId + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The page without the test suite's {@code ; expect: HL...} marker lines, for readers. */
  public static String withoutTestMarkers(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) inCode = !inCode;
      else if (inCode && isTestMarker(line)) continue;
      out.append(line).append('\n');
    }
    return out.toString().strip() + "\n";
  }

  static boolean isTestMarker(String line) {
    return line.matches("\\s*[;#]\\s*expect(-file)?:.*");
  }

  /**
   * Plain text for a terminal: headings in capitals, example blocks indented under their file name,
   * the test markers ({@code ; expect: HL...}) left out because they are for the test suite.
   */
  public static String forTerminal(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (!inCode) {
          int at = line.indexOf("file=");
          String file = at >= 0 ? line.substring(at + 5).split("\\s")[0] : "";
          if (!file.isEmpty()) out.append("    --- ").append(file).append('\n');
        }
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        if (isTestMarker(line)) continue;
        out.append("      ").append(line).append('\n');
      } else if (line.startsWith("## ")) {
        out.append('\n').append(line.substring(3).toUpperCase(java.util.Locale.ROOT)).append('\n');
      } else if (line.startsWith("# ")) {
        out.append(line.substring(2)).append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }
}
