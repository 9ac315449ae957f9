package io.harakalint.model;

import java.util.List;

/** {@code connection.ini} (Haraka 3.1+), read once by {@code connection.js}. */
public record ConnectionIni(IniFile file, boolean exists) {
  /** {@code [haproxy] hosts[]}: peers allowed to send a PROXY header and choose the client IP. */
  public List<IniValue.Element> haproxyHosts() {
    return file.array("haproxy", "hosts");
  }
}
