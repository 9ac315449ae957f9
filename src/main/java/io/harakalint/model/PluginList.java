package io.harakalint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code config/plugins} in load order. Haraka reads it as a flat list: an inline comment becomes
 * part of the name, and a leading {@code haraka-plugin-} is stripped ({@code plugins.js}).
 */
public final class PluginList {
  private static final String NPM_PREFIX = "haraka-plugin-";

  /**
   * One line of the file.
   *
   * @param written the name as written (trimmed)
   * @param name what Haraka looks up: {@code haraka-plugin-} removed
   * @param loads the plugin that actually runs: an alias's target, else {@code name}
   */
  public record Plugin(Located<String> written, String name, String loads, Optional<PluginCatalog.Entry> catalog) {
    public int line() {
      return written.span().line();
    }

    public boolean isAlias() {
      return !name.equals(loads);
    }
  }

  private final String path;
  private final boolean exists;
  private final List<Plugin> plugins;

  private PluginList(String path, boolean exists, List<Plugin> plugins) {
    this.path = path;
    this.exists = exists;
    this.plugins = plugins;
  }

  static PluginList from(ConfigTree tree) {
    Optional<FlatDocument> doc = tree.flat("plugins");
    List<Plugin> out = new ArrayList<>();
    for (Located<String> item : doc.map(FlatDocument::items).orElse(List.of())) {
      String name = item.value().startsWith(NPM_PREFIX) ? item.value().substring(NPM_PREFIX.length()) : item.value();
      Optional<PluginCatalog.Entry> entry = PluginCatalog.lookup(name);
      String loads = entry.filter(e -> e.isAliasIn(tree.harakaVersion())).map(PluginCatalog.Entry::target).orElse(name);
      out.add(new Plugin(item, name, loads, entry));
    }
    return new PluginList(tree.pathOf("plugins"), doc.isPresent(), List.copyOf(out));
  }

  public String path() {
    return path;
  }

  public boolean exists() {
    return exists;
  }

  public List<Plugin> all() {
    return plugins;
  }

  /** The first line that loads this plugin (directly or through an alias). */
  public Optional<Plugin> find(String loads) {
    return plugins.stream().filter(p -> p.loads().equals(loads)).findFirst();
  }

  public boolean loads(String plugin) {
    return find(plugin).isPresent();
  }

  /** Plugins whose catalogue entry has the role (rcpt, queue, auth, tls, relay). */
  public List<Plugin> withRole(String role) {
    return plugins.stream()
        .filter(p -> PluginCatalog.lookup(p.loads()).or(p::catalog).map(e -> e.hasRole(role)).orElse(false))
        .toList();
  }
}
