package io.harakalint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code auth_flat_file.ini} ({@code plugins/auth/flat_file.js}): methods and cleartext users. */
public record AuthFlatFile(IniFile file) {
  /** A user and their password: the password is a {@link Secret} and never printed. */
  public record User(Located<String> name, Secret password, IniProperty property) {}

  public Optional<Located<String>> methods() {
    return file.string("core", "methods");
  }

  public List<User> users() {
    List<User> out = new ArrayList<>();
    for (IniProperty p : file.section("users").values()) {
      String raw = p.raw();
      out.add(new User(new Located<>(p.key(), p.keySpan()), new Secret(raw), p));
    }
    return out;
  }
}
