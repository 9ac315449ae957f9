package io.harakalint.fix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harakalint.load.MemoryTreeSource;

/**
 * Fuzzes one config file of an otherwise sensible tree through the whole pipeline: load, every rule,
 * fix planning, the fixed tree's re-lint ({@link FixInvariants}). Inputs: the first byte picks the
 * file, the rest is its content. Replayed from {@code FixFuzzTestInputs/} in every test run.
 */
class FixFuzzTest {
  private static final String[] FILES = {"tls.ini", "relay.ini", "smtp.ini", "plugins", "relay_acl_allow",
      "connection.ini", "auth_flat_file.ini", "haproxy_hosts", "smtp_forward.ini", "outbound.ini", "tls_cert.pem",
      "tls_key.pem", "host_list", "smtp.json", "smtp.yaml"};

  @FuzzTest(maxDuration = "50s")
  void lintAndFixOneFuzzedFile(FuzzedDataProvider data) {
    String name = data.pickValue(FILES);
    MemoryTreeSource src = new MemoryTreeSource("fuzz")
        .put("config/plugins", "tls\nauth/flat_file\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n")
        .put("config/relay.ini", "[relay]\nacl=true\n")
        .put("config/tls.ini", "[main]\nminVersion=TLSv1.2\n")
        .put("config/" + name, data.consumeRemainingAsBytes());
    FixInvariants.check(src);
  }
}
