package io.harakalint.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.cli.LogsCommandTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code haraka-lint logs} on logs real Haraka wrote a moment ago, in each log.ini format and on both
 * versions (sessions in {@link LogScenarios}; 127.0.0.1 only; skipped visibly without node/openssl).
 * The fixtures in src/test/resources/logs/ were cut from the logs these runs keep in target/live-logs/.
 */
class LogsLiveTest {
  private static final LiveServers SERVERS = new LiveServers();

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static void playAndCheck(ScenarioTree tree, HarakaInstall install, String keepAs) {
    HarakaServer s = SERVERS.get(tree, install);
    assertThat(s.running()).as("Haraka listens: %s", s.log().all()).isTrue();
    List<String> log = LogScenarios.play(s);
    Path file = LogScenarios.keep(keepAs, log);
    LogsCommandTest.assertPlayedScenario(file, install.version().toString());
  }

  @Test
  void defaultFormatOnHaraka3() {
    playAndCheck(LogScenarios.tree("logs-default"), HarakaInstall.haraka3(), "haraka-3.3.4-default");
  }

  @Test
  void jsonFormatWithTimestampsOnHaraka3() {
    playAndCheck(LogScenarios.tree("logs-json").logFormat("json", true), HarakaInstall.haraka3(), "haraka-3.3.4-json");
  }

  @Test
  void logfmtWithTimestampsOnHaraka3() {
    playAndCheck(LogScenarios.tree("logs-logfmt").logFormat("logfmt", true), HarakaInstall.haraka3(), "haraka-3.3.4-logfmt");
  }

  @Test
  void defaultFormatOnHaraka2() {
    playAndCheck(LogScenarios.tree("logs-v2"), HarakaInstall.haraka2(), "haraka-2.8.28-default");
  }

  @Test
  void tlsFloorOfTls1FailsOnSignatureAlgorithms() {
    HarakaServer s = SERVERS.get(LogScenarios.floorTls1("logs-floor"), HarakaInstall.haraka3());
    Path file = LogScenarios.keep("haraka-3.3.4-floor", LogScenarios.playFloor(s));
    LogsCommandTest.assertFloorScenario(file);
  }
}
