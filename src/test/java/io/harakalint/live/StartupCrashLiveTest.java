package io.harakalint.live;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configurations that the rules say stop Haraka 3.3.4 (HL306, HL602) or break every connection
 * (HL603), each next to the same tree written correctly.
 */
@ExtendWith(LiveReport.Extension.class)
class StartupCrashLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String EXITS = "Haraka exits at start-up";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(ScenarioTree tree) {
    return SERVERS.get(tree, HarakaInstall.haraka3());
  }

  static Verdict exited(HarakaServer s) {
    String why = firstLine(s.log().all(), "Caught exception", "Error", "TypeError");
    if (s.exited()) {
      return Verdict.of(true, "exited with code " + s.exitCode().orElse(-1) + " after " + s.startTime().toMillis()
          + " ms: " + why);
    }
    return Verdict.of(false, "listening on 127.0.0.1:" + s.port() + " after " + s.startTime().toMillis() + " ms");
  }

  static String firstLine(List<String> log, String... needles) {
    for (String n : needles) {
      for (String l : log) if (l.contains(n)) return l.trim();
    }
    return "(no error logged)";
  }

  @Test
  void invalidMinVersionStopsHaraka() {
    ScenarioTree tree = ScenarioTree.resource("bad-minversion");
    HarakaServer bad = server(tree);
    LiveReport.check(bad, EXITS, Lint.of(bad.tree()).reports("HL306"), exited(bad), bad.log().containing("[CRIT]"));

    HarakaServer good = server(tree.variant("good-minversion").file("config/tls.ini", "[main]\nminVersion=TLSv1.2\n"));
    LiveReport.check(good, EXITS, Lint.of(good.tree()).reports("HL306"), exited(good), List.of());
  }

  @Test
  void listenWrittenAsABarePortStopsHaraka() {
    ScenarioTree tree = ScenarioTree.resource("listen-number");
    HarakaServer bad = server(tree.variant("listen-number-bare").listenOnBarePort());
    LiveReport.check(bad, EXITS, Lint.of(bad.tree()).reports("HL602"), exited(bad), bad.log().containing("[CRIT]"));

    HarakaServer good = server(tree);
    LiveReport.check(good, EXITS, Lint.of(good.tree()).reports("HL602"), exited(good), List.of());
  }

  @Test
  void missingConnectionIniBreaksEveryConnection() {
    String claim = "a client gets no SMTP banner: the connection fails with a TypeError reading 'greeting'";
    HarakaServer bad = server(ScenarioTree.resource("no-connection-ini").withoutConnectionIni().withoutProxy());
    Result r = SmtpProbe.as(Client.DIRECT).bannerTimeout(Duration.ofSeconds(3)).run(bad);
    LiveReport.check(bad, claim, Lint.of(bad.tree()).reports("HL603"), noBanner(r), r.log());

    HarakaServer good = server(ScenarioTree.resource("listen-number"));
    Result g = SmtpProbe.as(Client.PUBLIC).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL603"), noBanner(g), g.log());
  }

  private static Verdict noBanner(Result r) {
    boolean greetingError = r.log().stream().anyMatch(l -> l.contains("reading 'greeting'"));
    String evidence = r.banner().code() == 220 ? "banner: " + r.banner().text()
        : "no banner (" + r.error() + "); server: " + firstLine(r.log(), "TypeError");
    return Verdict.of(r.banner().code() != 220 && greetingError, evidence);
  }
}
