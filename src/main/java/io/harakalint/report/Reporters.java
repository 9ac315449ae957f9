package io.harakalint.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@code --format} accepts, created on demand so that a plain text check never loads the
 * classes (and libraries) of the others.
 */
public final class Reporters {
  /** Every name, in the order --help lists them. */
  public static final List<String> NAMES = List.of("text", "json");

  private Reporters() {}

  /**
   * @param color whether the text format may use colour (only when writing to a terminal)
   */
  public static Optional<Reporter> byName(String name, boolean color) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> Optional.of(new TextReporter(color));
      case "json" -> Optional.of(new JsonReporter());
      default -> Optional.empty();
    };
  }
}
