package io.harakalint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tls.ini} as {@code tls_socket.js} builds the inbound server options: for each allow-listed
 * option {@code [*]} wins over {@code [main]} ({@code applySocketOpts('*')}). Only {@code [main]},
 * {@code [*]}, {@code [no_tls_hosts]}, {@code [outbound]}, {@code [redis]}, the mutual-auth sections
 * and per-host sections are read; {@code [inbound]} is not read anywhere.
 */
public record TlsIni(IniFile file) {
  public boolean exists() {
    return file.exists();
  }

  /**
   * An inbound option as the server sees it: {@code [*]} first, then {@code [main]}; a key without a
   * value (undefined) is skipped in both, so Node's default applies ({@code applySocketOpts}).
   */
  public Optional<IniProperty> inbound(String key) {
    Optional<IniProperty> star = file.get("*", key).filter(p -> !p.isDefault() && !(p.value() instanceof IniValue.Undefined));
    return star.isPresent() ? star : file.get("main", key).filter(p -> !(p.value() instanceof IniValue.Undefined));
  }

  /** The key files the server loads: {@code key}/{@code key[]}, default {@code tls_key.pem}. */
  public List<Located<String>> keyFiles() {
    return files("key", "tls_key.pem");
  }

  /** The certificate chain files: {@code cert}/{@code cert[]}, default {@code tls_cert.pem}. */
  public List<Located<String>> certFiles() {
    return files("cert", "tls_cert.pem");
  }

  private List<Located<String>> files(String key, String dflt) {
    Optional<IniProperty> p = inbound(key);
    List<Located<String>> out = new ArrayList<>();
    if (p.isPresent() && p.get().value() instanceof IniValue.Arr arr) {
      for (IniValue.Element e : arr.items()) out.add(new Located<>(e.value().toString(), e.entry().valueSpan()));
    } else if (p.isPresent() && !(p.get().value() instanceof IniValue.Undefined)) {
      out.add(new Located<>(p.get().value().toString(), p.get().span()));
    } else {
      out.add(new Located<>(dflt, file.fileSpan()));
    }
    return out;
  }

  /** {@code [no_tls_hosts]}: client IPs or CIDRs to which STARTTLS is not advertised (keys, no values). */
  public List<Located<String>> noTlsHosts() {
    List<Located<String>> out = new ArrayList<>();
    for (Map.Entry<String, IniProperty> e : file.section("no_tls_hosts").entrySet()) {
      out.add(new Located<>(e.getKey(), e.getValue().keySpan()));
    }
    return out;
  }
}
