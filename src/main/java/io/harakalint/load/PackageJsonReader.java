package io.harakalint.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the few fields haraka-lint needs from npm's package.json and package-lock.json with
 * Jackson's streaming parser (no ObjectMapper: it is slow to start and the hook runs on every commit).
 */
final class PackageJsonReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PackageJsonReader() {}

  /** package.json: its "version", and "dependencies"+"optionalDependencies" name to range. */
  record Manifest(String version, Map<String, String> dependencies) {}

  static Manifest manifest(byte[] json) {
    String version = null;
    Map<String, String> deps = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return new Manifest(null, deps);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("version") && t == JsonToken.VALUE_STRING) {
          version = p.getText();
        } else if ((field.equals("dependencies") || field.equals("optionalDependencies")) && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) deps.put(name, p.getText());
            else p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return new Manifest(null, deps);
    }
    return new Manifest(version, deps);
  }

  /** package-lock.json (v1, v2 or v3): top-level installed packages, name to exact version. */
  static Map<String, String> lockedPackages(byte[] json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return out;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ((field.equals("packages") || field.equals("dependencies")) && t == JsonToken.START_OBJECT) {
          boolean v2 = field.equals("packages");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
              p.skipChildren();
              continue;
            }
            String name = v2 ? topLevelName(key) : key;
            String version = readVersion(p);
            if (name != null && version != null) out.putIfAbsent(name, version);
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static String readVersion(JsonParser p) throws IOException {
    String version = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (f.equals("version") && t == JsonToken.VALUE_STRING) version = p.getText();
      else p.skipChildren();
    }
    return version;
  }

  /** "node_modules/haraka-plugin-relay" is top level; "node_modules/a/node_modules/b" is not. */
  private static String topLevelName(String key) {
    String prefix = "node_modules/";
    if (!key.startsWith(prefix)) return null;
    String rest = key.substring(prefix.length());
    return rest.contains("node_modules/") ? null : rest;
  }
}
