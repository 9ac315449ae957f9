package io.harakalint.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@code --format} accepts, created on demand so that a plain text check never loads the
 * classes (and libraries) of the others: Freemarker only for markdown and html (and text when a
 * --template folder overrides it), Jackson and StAX for the machine formats.
 */
public final class Reporters {
  /** Every name, in the order --help lists them. */
  public static final List<String> NAMES =
      List.of("text", "json", "jsonl", "markdown", "html", "sarif", "rdjson", "junit", "checkstyle", "gitlab");
  /** The formats of {@code haraka-lint diff}. */
  public static final List<String> DIFF_NAMES = List.of("text", "json", "markdown");

  private Reporters() {}

  /**
   * @param color whether the text format may use colour (only when writing to a terminal)
   */
  public static Optional<Reporter> byName(String name, boolean color) {
    return byName(name, ReportOptions.PLAIN.withColor(color));
  }

  public static Optional<Reporter> byName(String name, ReportOptions options) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> Optional.of(options.overridesTemplate(TemplatedTextReporter.TEMPLATE)
          ? new TemplatedTextReporter(options) : new TextReporter(options.color()));
      case "json" -> Optional.of(new JsonReporter());
      case "jsonl" -> Optional.of(new JsonLinesReporter());
      case "markdown" -> Optional.of(new MarkdownReporter(options));
      case "html" -> Optional.of(new HtmlReporter(options));
      case "sarif" -> Optional.of(new SarifReporter());
      case "rdjson" -> Optional.of(new RdjsonReporter());
      case "junit" -> Optional.of(new JunitReporter());
      case "checkstyle" -> Optional.of(new CheckstyleReporter());
      case "gitlab" -> Optional.of(new GitlabReporter());
      default -> Optional.empty();
    };
  }

  public static Optional<DiffReporter> diffByName(String name, ReportOptions options) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> Optional.of((diff, out) -> {
        java.io.PrintWriter p = out instanceof java.io.PrintWriter pw ? pw : new java.io.PrintWriter(out);
        diff.writeText(p);
        p.flush();
      });
      case "json" -> Optional.of((diff, out) -> {
        java.io.PrintWriter p = out instanceof java.io.PrintWriter pw ? pw : new java.io.PrintWriter(out);
        diff.writeJson(p);
        p.flush();
      });
      case "markdown" -> Optional.of(new MarkdownReporter(options));
      default -> Optional.empty();
    };
  }
}
