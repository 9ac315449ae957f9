package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** haraka-lint legacy-client: the explanation, the minimal transitional patch, its waivers, and the refusals. */
class LegacyClientCommandTest {
  static final String TODAY = "2026-11-28";
  static final String UNTIL = "2027-03-31";
  static final String IP = "198.18.7.21";

  /** Haraka v3's config/plugins with tls and auth/flat_file enabled, as in the seed story. */
  static final String PLUGINS = "# This file lists plugins that Haraka will run\n#\n# CONNECT\n# ----------\n# toobusy\n# relay\n"
      + "# access\n\n# HELO\n# ----------\ntls\n#\n# AUTH plugins require TLS before AUTH is advertised\nauth/flat_file\n\n"
      + "# MAIL FROM\nmail_from.is_resolvable\n\n# RCPT TO\n# ----------\n# At least one rcpt_to plugin is REQUIRED for inbound email.\n"
      + "rcpt_to.in_host_list\n\n# DATA\nheaders\n\n# QUEUE\nqueue/smtp_forward\n";
  static final String TLS = "[main]\nkey=/etc/haraka/tls_key.pem\ncert=/etc/haraka/tls_cert.pem\n\n"
      + "; no_tls_hosts - disable TLS for servers with broken TLS.\n[no_tls_hosts]\n; 127.0.0.1\n; 192.168.1.1\n\n"
      + "[mutual_auth_hosts]\n;travel.state.gov\n";

  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
  }

  private String read(String path) throws IOException {
    return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
  }

  @BeforeEach
  void harakaV3Defaults() throws IOException {
    write("config/plugins", PLUGINS);
    write("config/tls.ini", TLS);
    write("package.json", "{\"dependencies\": {\"Haraka\": \"3.3.4\"}}");
  }

  private CliRunner legacy(String... extra) {
    List<String> args = new ArrayList<>(List.of("legacy-client", "--today", TODAY));
    args.addAll(List.of(extra));
    args.add(dir.toString());
    return CliRunner.run(args.toArray(String[]::new));
  }

  private CliRunner seed(String... extra) {
    List<String> args = new ArrayList<>(List.of("--ip", IP, "--until", UNTIL, "--owner", "mail-team@example.com",
        "--reason", "Billing app runs Java 8u161 until the vendor ships 8u291 (OPS-812)"));
    args.addAll(List.of(extra));
    return legacy(args.toArray(String[]::new));
  }

  @Test
  void explainsTheFailureAndTheOptionsAndShowsTheDiffWithoutWriting() throws IOException {
    CliRunner r = seed();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("cannot complete a TLS handshake", "offers at most TLSv1, server requires TLSv1.2")
        .contains("client connection error: Error: ...:error:...:SSL routines:tls_early_post_process_client_hello:unsupported protocol")
        .contains("1. [refused] Disable the auth plugin's TLS check", "2. [recommended] Upgrade the client",
            "Java 8u291", "mail.smtp.ssl.protocols=TLSv1.2", "3. [transitional] Relay by IP until " + UNTIL)
        .contains("--- a/config/plugins", "+relay", "+198.18.7.21/32", "+[waiver legacy-198.18.7.21]")
        .contains("# Legacy client `198.18.7.21/32`: remediation report", "| " + UNTIL + " | exception ends")
        .contains("5 file(s) would change");
    assertThat(r.out().indexOf("[refused]")).isLessThan(r.out().indexOf("[recommended]"));
    assertThat(r.out().indexOf("[recommended]")).isLessThan(r.out().indexOf("[transitional]"));
    assertThat(read("config/tls.ini")).isEqualTo(TLS);
    assertThat(dir.resolve("config/relay.ini")).doesNotExist();
  }

  @Test
  void patchForAV3DefaultTreeIsMinimalAndASecondRunChangesNothing() throws IOException {
    CliRunner r = seed("--write");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 5 file(s)");
    assertThat(read("config/plugins")).isEqualTo(PLUGINS.replace("\nrcpt_to.in_host_list\n", "\nrelay\nrcpt_to.in_host_list\n"));
    assertThat(read("config/relay.ini")).isEqualTo("[relay]\nacl=true\n");
    assertThat(read("config/relay_acl_allow")).isEqualTo("198.18.7.21/32\n");
    assertThat(read("config/tls.ini")).isEqualTo(TLS.replace("; 192.168.1.1\n", "; 192.168.1.1\n198.18.7.21\n"));
    assertThat(read(".haraka-lint.ini")).isEqualTo("[waiver legacy-198.18.7.21]\nrule=HL303\nfile=config/tls.ini\n"
        + "entry=198.18.7.21\nreason=Billing app runs Java 8u161 until the vendor ships 8u291 (OPS-812)\n"
        + "owner=mail-team@example.com\nexpires=" + UNTIL + "\n");

    CliRunner again = seed("--write");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("nothing to change").doesNotContain("wrote");
    assertThat(read("config/relay_acl_allow")).isEqualTo("198.18.7.21/32\n");
  }

  @Test
  void existingFilesAreEditedInPlaceKeepingCrlfAndComments() throws IOException {
    write("config/plugins", "# mine\r\ntls\r\nauth/flat_file\r\nrcpt_to.in_host_list\r\nrelay\r\nqueue/smtp_forward\r\n");
    write("config/relay.ini", "; relay\r\n[relay]\r\nacl=false\r\nall=false\r\n");
    write("config/relay_acl_allow", "# office\r\n192.0.2.5/32");
    write(".haraka-lint.ini", "[rules]\r\nHL302=off\r\n");
    CliRunner r = legacy("--ip", "2001:DB8:0::7", "--until", UNTIL, "--owner", "ops", "--write");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("config/plugins")).isEqualTo("# mine\r\ntls\r\nauth/flat_file\r\nrelay\r\nrcpt_to.in_host_list\r\nqueue/smtp_forward\r\n");
    assertThat(read("config/relay.ini")).isEqualTo("; relay\r\n[relay]\r\nacl=true\r\nall=false\r\n");
    assertThat(read("config/relay_acl_allow")).isEqualTo("# office\r\n192.0.2.5/32\r\n2001:db8::7/128\r\n");
    assertThat(read("config/tls.ini")).contains("; 192.168.1.1\n2001:db8::7/128\n");
    assertThat(read(".haraka-lint.ini")).startsWith("[rules]\r\nHL302=off\r\n\r\n[waiver legacy-2001-db8--7]\r\nrule=HL303\r\n")
        .contains("entry=2001:db8::7/128\r\n");
    assertThat(legacy("--ip", "2001:db8::7/128", "--until", UNTIL, "--owner", "ops").out()).contains("nothing to change");
  }

  @Test
  void aClientThatCanDoTls12GetsNoNoTlsHostsEntry() throws IOException {
    CliRunner r = legacy("--ip", IP, "--profile", "java-8u291", "--until", UNTIL, "--owner", "ops", "--write");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("completes a TLS handshake");
    assertThat(read("config/tls.ini")).isEqualTo(TLS);
    assertThat(read("config/relay_acl_allow")).isEqualTo("198.18.7.21/32\n");
  }

  @Test
  void theWaiverKeepsCheckGreenUntilTheDateAndNotAfter() throws Exception {
    assertThat(CliRunner.run("check", "--today", TODAY, dir.toString()).code()).isZero();
    assertThat(seed("--write").code()).isZero();
    CliRunner audit = CliRunner.run("check", "--no-waivers", "--today", TODAY, dir.toString());
    assertThat(audit.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(audit.out()).contains("[HL303] 198.18.7.21 gets no STARTTLS");

    CliRunner check = CliRunner.run("check", "--today", TODAY, "--format", "json", dir.toString());
    assertThat(check.code()).as(check.out()).isZero();
    JsonNode findings = new ObjectMapper().readTree(check.out()).get("findings");
    boolean waived = false;
    for (JsonNode f : findings) {
      if (f.get("message").asText().contains(IP)) {
        assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("waived");
        waived = true;
      }
    }
    assertThat(waived).isTrue();
    assertThat(CliRunner.run("check", "--today", "2027-04-01", dir.toString()).code()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void anEarlierNoTlsHostsLineForTheClientIsWaivedToo() throws IOException {
    write("config/tls.ini", TLS.replace("; 192.168.1.1\n", "; 192.168.1.1\n198.18.7.21\n"));
    assertThat(CliRunner.run("check", "--today", TODAY, dir.toString()).code()).isEqualTo(ExitCode.FINDINGS);
    CliRunner r = seed("--write");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 4 file(s)");
    assertThat(read("config/tls.ini")).isEqualTo(TLS.replace("; 192.168.1.1\n", "; 192.168.1.1\n198.18.7.21\n"));
    assertThat(read(".haraka-lint.ini")).contains("[waiver legacy-198.18.7.21]\nrule=HL303\n");
    assertThat(CliRunner.run("check", "--today", TODAY, dir.toString()).code()).isZero();
    assertThat(seed().out()).contains("nothing to change");
  }

  @Test
  void refusesBroadRangesAndMissingOrPastEndDates() throws IOException {
    assertRefused(legacy("--ip", "198.18.7.0/24", "--until", UNTIL, "--owner", "o"), "broader than /29");
    assertRefused(legacy("--ip", "2001:db8::/124", "--until", UNTIL, "--owner", "o"), "broader than /125");
    assertRefused(legacy("--ip", IP, "--owner", "o"), "--until YYYY-MM-DD is required");
    assertRefused(legacy("--ip", IP, "--until", "2026-11-27", "--owner", "o"), "is in the past");
    assertRefused(legacy("--ip", IP, "--until", "31/03/2027", "--owner", "o"), "not a date");
    assertRefused(legacy("--ip", "198.18.7.5/29", "--until", UNTIL, "--owner", "o"), "host bits");
    assertRefused(legacy("--ip", "mail.example.com", "--until", UNTIL, "--owner", "o"), "not an IPv4 or IPv6 address");
    assertRefused(legacy("--ip", IP, "--until", UNTIL), "--owner NAME is required");
    assertRefused(legacy("--ip", IP, "--until", UNTIL, "--owner", "o", "--profile", "nope"), "no client profile 'nope'");
    assertThat(dir.resolve("config/relay_acl_allow")).doesNotExist();

    assertThat(legacy("--ip", "198.18.7.0/29", "--until", TODAY, "--owner", "o").code()).isZero();
    assertThat(legacy("--ip", "2001:db8::/125", "--until", UNTIL, "--owner", "o").code()).isZero();
    CliRunner forced = legacy("--ip", "198.18.7.0/24", "--until", UNTIL, "--owner", "o", "--force", "--write");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(read("config/relay_acl_allow")).isEqualTo("198.18.7.0/24\n");
  }

  @Test
  void refusesFilesWithUncommittedChangesUnlessForced() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    write("config/tls.ini", TLS + "; local edit\n");
    CliRunner refused = seed("--write");
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("uncommitted changes in config/tls.ini");
    assertThat(dir.resolve("config/relay.ini")).doesNotExist();
    assertThat(seed("--write", "--force").code()).isZero();
    assertThat(read("config/tls.ini")).contains("198.18.7.21\n");
  }

  private static void assertRefused(CliRunner r, String message) {
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(message);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
  }
}
