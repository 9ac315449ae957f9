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
 */
public record InstallFacts(HarakaVersion harakaVersion, String versionSource, boolean haveRoot,
    Map<String, String> packages, Set<String> localPlugins) {

  public Optional<HarakaVersion> packageVersion(String npmName) {
    return Optional.ofNullable(HarakaVersion.tryParse(packages.get(npmName)));
  }

  public boolean hasPackage(String npmName) {
    return packages.containsKey(npmName);
  }
}
