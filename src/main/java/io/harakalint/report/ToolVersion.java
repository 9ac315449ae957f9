package io.harakalint.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The version Maven wrote into the jar (resource filtering), read once. */
public final class ToolVersion {
  private static String version;

  private ToolVersion() {}

  public static synchronized String get() {
    if (version == null) {
      try (InputStream in = ToolVersion.class.getResourceAsStream("/io/harakalint/version.txt")) {
        version = in == null ? "dev" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        version = "dev";
      }
    }
    return version;
  }
}
