package io.harakalint.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code booleans} each consumer passes to haraka-config, per file
 * ({@code declared-booleans.tsv}, each line citing its source). Only these keys are booleans; any
 * other {@code true}/{@code false} is a string, and "false" is truthy in JavaScript.
 */
public final class DeclaredBooleans {
  private static volatile Map<String, List<String>> table;

  private DeclaredBooleans() {}

  public static List<String> forFile(String name) {
    return table().getOrDefault(name, List.of());
  }

  public static Map<String, List<String>> all() {
    return table();
  }

  private static Map<String, List<String>> table() {
    Map<String, List<String>> t = table;
    if (t == null) table = t = load();
    return t;
  }

  private static Map<String, List<String>> load() {
    Map<String, List<String>> out = new HashMap<>();
    try (InputStream in = DeclaredBooleans.class.getResourceAsStream("declared-booleans.tsv")) {
      if (in == null) return out;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        if (cols.length < 2) continue;
        out.put(cols[0].trim(), List.copyOf(Arrays.asList(cols[1].trim().split("\\s+"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
