package io.harakalint.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Haraka root says about the installation: the Haraka version and where it was read, the
 * npm packages present (name to version), and local plugins under {@code plugins/}.
 *
 * @param haveRoot false when the user named a bare config folder: then nothing is known about
 *     installed packages, and rules must not claim a package is missing
 * @param nodeModules the packages actually present in the root's {@code node_modules/} (empty when
 *     there is no node_modules): unlike {@code packages}, which also holds what package.json and
 *     the lock file name, this says what npm really installed
 */
public record InstallFacts(HarakaVersion harakaVersion, String versionSource, boolean haveRoot,
    Map<String, String> packages, Set<String> localPlugins, Set<String> nodeModules) {

  public InstallFacts(HarakaVersion harakaVersion, String versionSource, boolean haveRoot,
      Map<String, String> packages, Set<String> localPlugins) {
    this(harakaVersion, versionSource, haveRoot, packages, localPlugins, Set.of());
  }

  /** Whether npm installed Haraka itself into this root (so node_modules shows what an install gave). */
  public boolean hasInstalledHaraka() {
    return nodeModules.contains("Haraka") || nodeModules.contains("haraka");
  }

  public Optional<HarakaVersion> packageVersion(String npmName) {
    return Optional.ofNullable(HarakaVersion.tryParse(packages.get(npmName)));
  }

  public boolean hasPackage(String npmName) {
    return packages.containsKey(npmName);
  }
}
