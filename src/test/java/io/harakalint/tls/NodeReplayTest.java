package io.harakalint.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictions against real handshakes: the recorded ClientHello of every profile that has a testssl recording
 * is replayed (read from ../shared/data at test time) against a Node TLS server on 127.0.0.1 set up as Haraka
 * sets up its inbound socket from the same tls.ini values ({@code src/test/resources/tls/replay-hellos.js}),
 * on the machine's node. A predicted success must get a ServerHello with the predicted version and suite; a
 * predicted client-side abort (DH size) must get a ServerHello with the suite the prediction says the server
 * picks (a replay cannot abort); a predicted server failure must get no ServerHello and the predicted
 * {@code SSL routines:...} text in the server's error event.
 */
class NodeReplayTest {
  @TempDir Path dir;

  static final Map<String, ServerTlsConfig> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("Haraka defaults", ServerTlsConfig.harakaDefaults());
    CONFIGS.put("minVersion=TLSv1", cfg("TLSv1", null, true));
    CONFIGS.put("minVersion=TLSv1 + ciphers=DEFAULT:@SECLEVEL=0", cfg("TLSv1", "DEFAULT:@SECLEVEL=0", true));
    CONFIGS.put("Mozilla intermediate 5.7 (honorCipherOrder=false)",
        cfg(null, OpensslCipherStringTest.MOZ_INTERMEDIATE_57, false));
    CONFIGS.put("Mozilla old 5.7 (@SECLEVEL=0, minVersion=TLSv1)",
        cfg("TLSv1", "@SECLEVEL=0:" + OpensslCipherStringTest.MOZ_OLD_57, true));
    CONFIGS.put("Haraka's 'more compatible' list + minVersion=TLSv1",
        cfg("TLSv1", OpensslCipherStringTest.HARAKA_COMPATIBLE, true));
  }

  static ServerTlsConfig cfg(String min, String ciphers, boolean honor) {
    return new ServerTlsConfig(Optional.ofNullable(min), Optional.ofNullable(ciphers), Optional.empty(), honor, 2048);
  }

  static String run(Path cwd, int seconds, String... cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile(cwd, "out", ".txt");
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException(String.join(" ", cmd) + " timed out");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + text);
    return text;
  }

  static Optional<String> nodeVersion() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(v) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Test
  void predictionsAgreeWithReplayedClientHellos() throws Exception {
    Optional<String> nodeV = nodeVersion();
    Optional<NodeRuntime> node = nodeV.flatMap(NodeRuntime::parse);
    boolean data = Files.isRegularFile(TestsslData.clientSimulation());
    if (node.isEmpty() || !data || !OpensslCipherStringTest.opensslUsable()) {
      System.out.println("NodeReplayTest: SKIPPED (" + (node.isEmpty() ? "no node 18/20/22/24 on PATH" : !data
          ? "testssl data absent at " + TestsslData.dir() : "no openssl to make the certificate") + ")");
      assumeTrue(false, "prerequisites absent");
    }
    run(dir, 60, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
        "-days", "2", "-subj", "/CN=mail.example.test");
    run(dir, 60, "openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dh.pem");
    Map<String, Map<String, String>> rec = TestsslData.clients();
    List<ClientProfile> profiles = ClientProfiles.get().all().stream().filter(p -> p.testssl().isPresent()).toList();
    Path script = Path.of(System.getProperty("project.root", ".")).resolve("src/test/resources/tls/replay-hellos.js")
        .toAbsolutePath();
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    int cases = 0;
    for (Map.Entry<String, ServerTlsConfig> e : CONFIGS.entrySet()) {
      ServerTlsConfig c = e.getValue();
      ObjectNode in = json.createObjectNode();
      ObjectNode o = in.putObject("options");
      o.put("key", "key.pem").put("cert", "cert.pem").put("dhparam", "dh.pem").put("honorCipherOrder", c.honorCipherOrder());
      c.minVersion().ifPresent(v -> o.put("minVersion", v));
      c.ciphers().ifPresent(v -> o.put("ciphers", v));
      ArrayNode hellos = in.putArray("hellos");
      for (ClientProfile p : profiles) {
        hellos.addObject().put("id", p.id()).put("hex", rec.get(p.testssl().get()).get("handshakebytes"));
      }
      Path input = dir.resolve("input.json");
      json.writeValue(input.toFile(), in);
      String out = run(dir, 120, "node", script.toString(), input.toString());
      Map<String, JsonNode> replayed = new LinkedHashMap<>();
      for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
        JsonNode r = json.readTree(line);
        replayed.put(r.get("id").asText(), r);
      }
      HandshakePredictor predictor = new HandshakePredictor(node.get(), c);
      for (ClientProfile p : profiles) {
        cases++;
        Prediction want = predictor.predict(p);
        JsonNode got = replayed.get(p.id());
        String observed = got == null ? "no result" : got.get("serverHello").asBoolean()
            ? got.get("version").asText() + " " + CipherTable.get().byId(got.get("cipher").asInt()).map(CipherSuite::name)
                .orElse("0x" + Integer.toHexString(got.get("cipher").asInt()))
            : "no ServerHello, server error: " + (got.get("serverError").isNull() ? "none" : got.get("serverError").asText().trim());
        boolean agree;
        if (want.serverPick() != null) {
          agree = observed.equals(want.serverPick());
        } else if (want.serverError() != null) {
          agree = got != null && !got.get("serverHello").asBoolean() && !got.get("serverError").isNull()
              && got.get("serverError").asText().contains(want.serverError());
        } else {
          agree = false;
        }
        if (!agree) problems.add(e.getKey() + " / " + p.id() + ": predicted " + (want.ok() ? "ok " : "fail ")
            + (want.serverPick() != null ? want.serverPick() : want.serverError()) + ", observed " + observed);
      }
    }
    System.out.printf("node replay: %d/%d predictions agree (%d profiles x %d configs, node %s)%n",
        cases - problems.size(), cases, profiles.size(), CONFIGS.size(), nodeV.get());
    assertThat(problems).isEmpty();
  }
}
