package io.harakalint.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.cli.Main;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code haraka-lint migrate --to 3.1 --write} on a copy of samples/v2-upgrade, then that tree
 * started under Haraka 3.3.4 from npm on 127.0.0.1: the greeting banner, the EHLO text and the SIZE
 * Haraka announces come from the v2 files the migration carried into connection.ini.
 */
class MigrateLiveTest {
  private static final LiveServers SERVERS = new LiveServers();

  @TempDir Path dir;

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  @Test
  void migratedV2TreeStartsAndTheCarriedSettingsAreInEffect() throws IOException {
    LiveServers.require(HarakaInstall.haraka3());
    Path tree = dir.resolve("v2-upgrade");
    Path sample = HarakaInstall.projectRoot().resolve("samples/v2-upgrade");
    try (Stream<Path> s = Files.walk(sample)) {
      for (Path p : s.toList()) {
        Path to = tree.resolve(sample.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"migrate", "--to", "3.1", "--write", tree.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    ScenarioTree scenario = ScenarioTree.inline("v2-upgrade-migrated");
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = tree.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (rel.equals("config/smtp.ini")) {
          // the test runs unprivileged: no user/group to drop to
          text = text.lines().filter(l -> !l.startsWith("user=") && !l.startsWith("group=")).collect(Collectors.joining("\n", "", "\n"));
        } else if (rel.equals("config/plugins")) {
          // haraka-plugin-headers is not in the pinned test install (the harness itself removes the network plugins)
          text = text.lines().filter(l -> !l.strip().equals("headers")).collect(Collectors.joining("\n", "", "\n"));
        }
        scenario.file(rel, text);
      }
    }
    HarakaServer s = SERVERS.get(scenario, HarakaInstall.haraka3());
    assertThat(s.running()).as("Haraka 3.3.4 listens on the migrated tree: %s", s.log().all()).isTrue();

    Result r = SmtpProbe.as(Client.PUBLIC).run(s);
    assertThat(r.banner().code()).isEqualTo(220);
    // [message] greeting[] from config/smtpgreeting, [uuid] banner_chars=6 from banner_includes_uuid=true
    assertThat(r.banner().text()).matches(
        "(?s).*mx2\\.example\\.org ESMTP example\\.org mail - unsolicited bulk mail is not welcome here \\([0-9A-Fa-f-]{6}\\).*");
    // [message] helo from config/ehlo_hello_message, [max] bytes from config/databytes
    assertThat(String.join("\n", r.ehloBeforeTls())).contains("mx2.example.org at your service").contains("SIZE 10485760")
        .doesNotContain("SIZE 26214400");
  }
}
