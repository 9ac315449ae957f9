package io.harakalint.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cipher suites of OpenSSL 3.0 as Node bundles it, read on first use from {@code ciphers.tsv}
 * (generated from {@code openssl ciphers} output; see the file's header).
 */
public final class CipherTable {
  private final List<CipherSuite> legacy;
  private final List<CipherSuite> tls13;
  private final Map<String, CipherSuite> byName;
  private final Map<Integer, CipherSuite> byId;

  private CipherTable(List<CipherSuite> all) {
    List<CipherSuite> l = new ArrayList<>();
    List<CipherSuite> t = new ArrayList<>();
    Map<String, CipherSuite> n = new LinkedHashMap<>();
    Map<Integer, CipherSuite> i = new LinkedHashMap<>();
    for (CipherSuite c : all) {
      (c.tls13() ? t : l).add(c);
      n.put(c.name(), c);
      n.putIfAbsent(c.stdName(), c);
      i.put(c.id(), c);
    }
    this.legacy = Collections.unmodifiableList(l);
    this.tls13 = Collections.unmodifiableList(t);
    this.byName = n;
    this.byId = i;
  }

  private static final class Holder {
    static final CipherTable INSTANCE = load();
  }

  public static CipherTable get() {
    return Holder.INSTANCE;
  }

  /** TLS 1.0-1.2 suites in OpenSSL's tie-break order. */
  public List<CipherSuite> legacySuites() {
    return legacy;
  }

  /** TLS 1.3 suites, OpenSSL's default TLS 1.3 order first (the last two are not enabled by default). */
  public List<CipherSuite> tls13Suites() {
    return tls13;
  }

  /** OpenSSL's default {@code ciphersuites}: the first three TLS 1.3 suites. */
  public List<CipherSuite> defaultTls13() {
    return tls13.subList(0, 3);
  }

  /** By OpenSSL name or IANA name. */
  public Optional<CipherSuite> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<CipherSuite> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  private static CipherTable load() {
    try (InputStream in = CipherTable.class.getResourceAsStream("ciphers.tsv")) {
      if (in == null) throw new IllegalStateException("ciphers.tsv missing from the jar");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<CipherSuite> all = new ArrayList<>();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        all.add(new CipherSuite(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3].substring(2), 16),
            TlsProtocol.parse(f[4]), f[5], f[6], f[7], Integer.parseInt(f[8]), f[9], f[10], f[11].equals("1"),
            f[12].equals("1")));
      }
      return new CipherTable(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
