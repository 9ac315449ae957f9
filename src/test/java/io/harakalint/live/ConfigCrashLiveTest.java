package io.harakalint.live;

import static io.harakalint.live.StartupCrashLiveTest.EXITS;
import static io.harakalint.live.StartupCrashLiveTest.exited;
import static io.harakalint.live.StartupCrashLiveTest.firstLine;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More configurations the rules say stop Haraka 3.3.4 at start-up (HL605 SMTPS without key, HL310
 * secureProtocol with minVersion, HL350 key of another certificate) or break every connection
 * (HL604 connection.ini without [message] or [uuid]), each next to a tree written correctly.
 */
@ExtendWith(LiveReport.Extension.class)
class ConfigCrashLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String NO_BANNER = "a client gets no SMTP banner: the connection fails with a TypeError";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(ScenarioTree tree) {
    return SERVERS.get(tree, HarakaInstall.haraka3());
  }

  /** tls listed, default key and certificate (the harness's throwaway pair), minVersion=TLSv1.2: starts. */
  private static HarakaServer goodTls() {
    return server(ScenarioTree.resource("tls-default").variant("tls-min-v12").file("config/tls.ini", "[main]\nminVersion=TLSv1.2\n"));
  }

  @Test
  void smtpsListenerWithoutKeyStopsHaraka() {
    ScenarioTree tree = ScenarioTree.resource("tls-default").variant("smtps")
        .file("config/smtp.ini", "[main]\n; the listener on 127.0.0.1:PORT is the SMTPS one\nsmtps_port=" + ScenarioTree.PORT_PLACEHOLDER + "\n");
    HarakaServer bad = server(tree.variant("smtps-no-key").withoutCertificate());
    LiveReport.check(bad, EXITS, Lint.of(bad.tree()).reports("HL605"), exited(bad), crit(bad));

    HarakaServer good = server(tree.variant("smtps-with-key"));
    LiveReport.check(good, EXITS, Lint.of(good.tree()).reports("HL605"), exited(good), List.of());
  }

  @Test
  void secureProtocolWithMinVersionStopsHaraka() {
    HarakaServer bad = server(ScenarioTree.resource("tls-default").variant("secure-protocol-and-min-version")
        .file("config/tls.ini", "[main]\nsecureProtocol=TLSv1_2_method\nminVersion=TLSv1.2\n"));
    LiveReport.check(bad, EXITS, Lint.of(bad.tree()).reports("HL310"), exited(bad), crit(bad));

    HarakaServer good = goodTls();
    LiveReport.check(good, EXITS, Lint.of(good.tree()).reports("HL310"), exited(good), List.of());
  }

  @Test
  void keyOfAnotherCertificateStopsHaraka() {
    String otherKey;
    try {
      LiveServers.require(HarakaInstall.haraka3());
      otherKey = Files.readString(ThrowawayTls.otherKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HarakaServer bad = server(ScenarioTree.resource("tls-default").variant("key-cert-mismatch")
        .file("config/tls_key.pem", otherKey));
    LiveReport.check(bad, EXITS, Lint.of(bad.tree()).reports("HL350"), exited(bad), crit(bad));

    HarakaServer good = goodTls();
    LiveReport.check(good, EXITS, Lint.of(good.tree()).reports("HL350"), exited(good), List.of());
  }

  @Test
  void connectionIniWithoutMessageOrUuidBreaksEveryConnection() {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    String shipped;
    try {
      shipped = Files.readString(install.harakaPackage().resolve("config/connection.ini"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String section : List.of("message", "uuid")) {
      String conn = withoutSection(shipped, section);
      if (conn.equals(shipped)) throw new IllegalStateException("the shipped connection.ini has no [" + section + "]");
      HarakaServer bad = server(ScenarioTree.resource("listen-number").variant("connection-ini-without-" + section)
          .file("config/connection.ini", conn).withoutProxy());
      Result r = SmtpProbe.as(Client.DIRECT).bannerTimeout(Duration.ofSeconds(3)).run(bad);
      LiveReport.check(bad, NO_BANNER, Lint.of(bad.tree()).reports("HL604"), noBanner(r, bad), r.log());
    }
    HarakaServer good = goodTls();
    Result g = SmtpProbe.as(Client.PUBLIC).run(good);
    LiveReport.check(good, NO_BANNER, Lint.of(good.tree()).reports("HL604"), noBanner(g, good), g.log());
  }

  /** The ini text without {@code [section]} and its lines (up to the next header). */
  static String withoutSection(String ini, String section) {
    StringBuilder out = new StringBuilder();
    boolean skip = false;
    for (String line : ini.split("\n", -1)) {
      String t = line.trim();
      if (t.startsWith("[") && t.endsWith("]")) skip = t.equals("[" + section + "]");
      if (!skip) out.append(line).append('\n');
    }
    return out.toString();
  }

  private static List<String> crit(HarakaServer s) {
    List<String> l = s.log().containing("[CRIT]");
    return l.isEmpty() ? s.log().containing("Error") : l;
  }

  private static Verdict noBanner(Result r, HarakaServer s) {
    List<String> log = r.log().isEmpty() ? s.log().all() : r.log();
    boolean typeError = log.stream().anyMatch(l -> l.contains("TypeError"));
    String evidence = r.banner().code() == 220 ? "banner: " + r.banner().text()
        : "no banner (" + r.error() + "); server: " + firstLine(log, "TypeError")
            + (s.running() ? "" : "; Haraka exited with code " + s.exitCode().orElse(-1));
    return Verdict.of(r.banner().code() != 220 && typeError, evidence);
  }
}
