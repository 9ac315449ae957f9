package io.harakalint.rules.relay;

import io.harakalint.model.AclEntry;
import io.harakalint.model.RelayConfig;
import java.util.ArrayList;
import java.util.List;

/** How the detected relay plugin version treats an ACL entry, in words a rule can put in a message. */
final class AclFacts {
  private AclFacts() {}

  /** The effects that may apply: one when the relay version is known, both when it is not. */
  static List<AclEntry.Effect> effects(AclEntry e, RelayConfig.AclSemantics s) {
    List<AclEntry.Effect> out = new ArrayList<>();
    if (s != RelayConfig.AclSemantics.CURRENT) out.add(e.legacyEffect());
    if (s != RelayConfig.AclSemantics.LEGACY) out.add(e.currentEffect());
    return out;
  }

  static String versionPhrase(RelayConfig.AclSemantics s, boolean legacy) {
    if (legacy) {
      return s == RelayConfig.AclSemantics.LEGACY ? "with the relay plugin in use (<= 1.0.1 or Haraka's core relay)"
          : "with relay plugin <= 1.0.1 (Haraka <= 3.0.x)";
    }
    return s == RelayConfig.AclSemantics.CURRENT ? "with the relay plugin in use (>= 1.0.2)" : "with relay plugin 1.0.2";
  }
}
