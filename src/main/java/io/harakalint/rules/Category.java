package io.harakalint.rules;

/** Rule families; the id range follows the family (HL1xx ini, HL2xx relay, ...). */
public enum Category {
  INI("HL1xx", "INI and flat-file syntax that Haraka reads differently than it looks"),
  RELAY("HL2xx", "Who may relay mail through the server"),
  TLS_AUTH("HL30x-HL34x", "TLS and authentication"),
  CERTIFICATES("HL35x-HL39x", "Certificates and keys that TLS loads"),
  PLUGINS("HL4xx", "config/plugins"),
  SECRETS("HL5xx", "Credentials and keys in the tree"),
  VERSIONS("HL6xx", "Haraka versions, start-up crashes, upgrades and logging"),
  POLICY("HL9xx", "haraka-lint's own policy file and waivers");

  private final String ids;
  private final String description;

  Category(String ids, String description) {
    this.ids = ids;
    this.description = description;
  }

  public String ids() {
    return ids;
  }

  public String description() {
    return description;
  }
}
