package io.harakalint.model;

/**
 * Whether a tree is a whole Haraka config folder, so that rules about something <em>missing</em>
 * may judge it. {@code bin/haraka -c DIR} refuses to start without {@code smtp.ini} (or
 * {@code smtp.json}/{@code smtp.yaml}), and {@code haraka -i} writes {@code plugins} next to it; a
 * folder without both is a few files being linted on their own, where "X is missing" would be
 * noise.
 */
public final class TreeCompleteness {
  private TreeCompleteness() {}

  public static boolean isWholeConfig(ConfigTree tree) {
    boolean smtp = tree.has("smtp.ini") || tree.has("smtp.json") || tree.has("smtp.yaml");
    return smtp && tree.has("plugins");
  }

  /** The file a finding about something missing from the whole tree points at: smtp.ini (or its JSON/YAML form). */
  public static String anchorFile(ConfigTree tree) {
    for (String name : new String[] {"smtp.ini", "smtp.json", "smtp.yaml"}) {
      if (tree.has(name)) return name;
    }
    return "plugins";
  }
}
