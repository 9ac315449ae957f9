package io.harakalint.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads testssl.sh's data files from {@code ../shared/data/} at test time (never copied into the project). */
final class TestsslData {
  private TestsslData() {}

  static Path dir() {
    return Path.of(System.getProperty("project.root", ".")).resolve("../shared/data").normalize();
  }

  static Path clientSimulation() {
    return dir().resolve("testssl-client-simulation.txt");
  }

  static Path cipherMapping() {
    return dir().resolve("testssl-cipher-mapping.txt");
  }

  static final int SSLV2 = 1 << 24;

  private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+)\\+=\\((.*)\\)\\s*$");

  /** Each recorded client by its {@code names} entry, field name to value (quotes removed). */
  static Map<String, Map<String, String>> clients() throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Map<String, String> cur = null;
    for (String line : Files.readAllLines(clientSimulation())) {
      Matcher m = FIELD.matcher(line);
      if (!m.matches()) continue;
      String v = m.group(2).strip();
      if (v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
      if (m.group(1).equals("names")) {
        cur = new HashMap<>();
        out.put(v, cur);
      }
      if (cur != null) cur.put(m.group(1), v);
    }
    return out;
  }

  /** Cipher suite code point (0xC030) to OpenSSL name, from testssl's mapping. */
  static Map<Integer, String> cipherNames() throws IOException {
    Map<Integer, String> out = new HashMap<>();
    Pattern p = Pattern.compile("^\\s*0x([0-9A-Fa-f]{2}),0x([0-9A-Fa-f]{2})(?:,0x([0-9A-Fa-f]{2}))?\\s+-\\s+(\\S+)");
    for (String line : Files.readAllLines(cipherMapping())) {
      Matcher m = p.matcher(line);
      if (m.find()) {
        // SSLv2 cipher specs have three bytes; they are keyed with a marker bit above the 24 bits.
        String code = m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        out.putIfAbsent(Integer.parseInt(code, 16) | (m.group(3) == null ? 0 : SSLV2), m.group(4));
      }
    }
    return out;
  }

  /** The cipher suite code points of a recorded ClientHello (TLS record, or SSLv2-compatible hello). */
  static List<Integer> helloSuites(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    List<Integer> out = new ArrayList<>();
    if ((b[0] & 0xff) == 0x16) {
      int p = 5 + 4 + 2 + 32;
      p += 1 + (b[p] & 0xff);
      int len = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
      p += 2;
      for (int i = 0; i < len; i += 2) out.add(((b[p + i] & 0xff) << 8) | (b[p + i + 1] & 0xff));
    } else if ((b[0] & 0x80) != 0) {
      int specLen = ((b[5] & 0xff) << 8) | (b[6] & 0xff);
      int p = 11;
      for (int i = 0; i < specLen; i += 3) {
        int spec = ((b[p + i] & 0xff) << 16) | ((b[p + i + 1] & 0xff) << 8) | (b[p + i + 2] & 0xff);
        out.add(spec < 0x10000 ? spec : spec | SSLV2);
      }
    }
    return out;
  }
}
