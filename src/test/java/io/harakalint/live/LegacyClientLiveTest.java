package io.harakalint.live;

import static io.harakalint.live.SmtpProbe.OUTSIDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.cli.Main;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * legacy-client's transitional patch, for real on Haraka 3.3.4 (127.0.0.1 only): the seed's v3 tree
 * (tls, auth/flat_file, rcpt_to.in_host_list, Haraka's TLS defaults) patched for 198.18.0.10, then
 * clients presenting addresses with PROXY v1 from 127.0.0.1.
 */
class LegacyClientLiveTest {
  @Test
  void afterThePatchTheLegacyAddressRelaysWithoutAuthAndAnotherPublicAddressCannot() throws Exception {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    ScenarioTree.Prepared tree = ScenarioTree.inline("legacy-client")
        .file("config/plugins", "tls\nauth/flat_file\nrcpt_to.in_host_list\nqueue/smtp_forward\n")
        .file("config/host_list", "example.com\n")
        .file("config/tls.ini", "; Haraka v3 defaults: Node's minVersion (TLSv1.2) and ciphers\n[main]\n\n[no_tls_hosts]\n")
        .file("config/auth_flat_file.ini", "[core]\nmethods=PLAIN,LOGIN\n\n[users]\nalice=correct-horse-battery\n")
        .prepare(install);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String until = LocalDate.now().plusDays(30).toString();
    // --force: the prepared copy may sit inside a git work tree where its files are untracked.
    int code = Main.run(new String[] {"legacy-client", "--ip", Client.PUBLIC.ip(), "--until", until, "--owner", "mail-team@example.com",
        "--write", "--force", tree.root().toString()}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("tls_early_post_process_client_hello:unsupported protocol");
    assertThat(Files.readString(tree.root().resolve("config/tls.ini"))).contains("[no_tls_hosts]\n198.18.0.10\n");
    assertThat(Files.readString(tree.root().resolve("config/relay_acl_allow"))).isEqualTo("198.18.0.10/32\n");

    try (HarakaServer s = HarakaServer.start(tree)) {
      assertThat(s.running()).as("Haraka listens: %s", s.log().all()).isTrue();
      // The TLS 1.0-only client is not offered STARTTLS (so never fails a handshake), and relays without AUTH.
      Result legacy = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(s);
      assertThat(legacy.offersBeforeTls("STARTTLS")).as(legacy.capabilities()).isFalse();
      assertThat(legacy.authenticated()).isFalse();
      assertThat(legacy.relayAccepted()).as("%s%n%s", legacy.rcptSummary(), String.join("\n", legacy.log())).isTrue();

      Result other = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE).run(s);
      assertThat(other.offersBeforeTls("STARTTLS")).as(other.capabilities()).isTrue();
      assertThat(other.relayAccepted()).as("%s%n%s", other.rcptSummary(), String.join("\n", other.log())).isFalse();
      // The log lines the remediation report tells the operator to watch.
      assertThat(legacy.log()).anyMatch(l -> l.contains("plugin=relay function=pass_relaying") && l.contains("retval=OK"))
          .anyMatch(l -> l.contains("disconnect ip=198.18.0.10") && l.contains("relay=Y") && l.contains("tls=N"));
      assertThat(other.log()).anyMatch(l -> l.contains("disconnect ip=198.18.0.11") && l.contains("relay=N")
          && l.contains("550 I cannot deliver mail for"));
    }
  }
}
