package io.harakalint.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PluginList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness itself: what a prepared copy contains, log parsing, and that servers stop. */
class LiveHarnessTest {

  @Test
  void preparedCopyListensOnLoopbackOnlyAndTalksToNobody() throws Exception {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    ScenarioTree.Prepared p = ScenarioTree.inline("harness-check")
        .file("config/smtp.ini", "[main]\nlisten=[::0]:25,0.0.0.0:587\nnodes=cpus\nport=25\n")
        .file("config/plugins", "dnsbl\nspf\ntls\nauth/flat_file\nqueue/smtp_forward\nqueue/lmtp\nrelay\n")
        .file("config/outbound.ini", "disabled=false\n")
        .prepare(install);
    try {
      ConfigTree tree = Lint.of(p).tree();
      assertThat(tree.smtp().listen()).hasValueSatisfying(l -> assertThat(l.value().toString())
          .isEqualTo("127.0.0.1:" + p.port()));
      assertThat(tree.ini("smtp.ini").get("main", "nodes")).hasValueSatisfying(n -> assertThat(n.value().toString())
          .isEqualTo("0"));
      assertThat(tree.ini("smtp.ini").get("main", "port")).isEmpty();
      assertThat(tree.ini("outbound.ini").get("main", "disabled")).hasValueSatisfying(d -> assertThat(d.value().toString())
          .isEqualTo("true"));
      assertThat(tree.plugins().all()).extracting(PluginList.Plugin::name)
          .containsExactly(ScenarioTree.RDNS_PLUGIN, "tls", "auth/flat_file", "relay", "queue/discard");
      assertThat(p.removedPlugins()).containsExactly("dnsbl", "spf", "queue/smtp_forward", "queue/lmtp");
      assertThat(tree.connection().haproxyHosts()).extracting(Object::toString).containsExactly("127.0.0.1");
      assertThat(p.proxy()).isTrue();
      for (String f : new String[] {"tls_key.pem", "tls_cert.pem", "dhparams.pem"}) {
        assertThat(p.root().resolve("config").resolve(f)).exists();
      }
      assertThat(Files.readString(p.root().resolve("package.json"), StandardCharsets.UTF_8))
          .contains("\"Haraka\": \"" + install.version() + "\"").contains("haraka-plugin-relay");
    } finally {
      p.delete();
    }
    assertThat(p.root()).doesNotExist();
  }

  @Test
  void sessionLinesAreFoundByConnectionId() {
    ServerLog log = new ServerLog();
    log.add("[NOTICE] [-] [server] Listening on 127.0.0.1:2525");
    log.add("[NOTICE] [D4454F17-E64B-446F-B6C1-4E9B8A162E70] [core] connect ip=127.0.0.1 port=56678 local_ip=127.0.0.1");
    log.add("[NOTICE] [AAAAAAAA-E64B-446F-B6C1-4E9B8A162E70] [core] connect ip=127.0.0.1 port=56679 local_ip=127.0.0.1");
    log.add("[NOTICE] [D4454F17-E64B-446F-B6C1-4E9B8A162E70.1] [core] recipient <a@b.example> code=OK");
    assertThat(log.sessionId(0, 56678, java.time.Duration.ZERO)).hasValue("D4454F17-E64B-446F-B6C1-4E9B8A162E70");
    assertThat(log.session("D4454F17-E64B-446F-B6C1-4E9B8A162E70")).hasSize(2);
  }

  @Test
  void closeStopsTheServerByItsPid() {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    HarakaServer s = HarakaServer.start(ScenarioTree.resource("relay-acl").variant("harness-stop").prepare(install));
    Path root = s.tree().root();
    assertThat(s.running()).as("Haraka listens: %s", s.log().all()).isTrue();
    s.close();
    assertThat(s.running()).isFalse();
    assertThat(root).doesNotExist();
  }
}
