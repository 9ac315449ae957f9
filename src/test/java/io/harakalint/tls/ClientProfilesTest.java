package io.harakalint.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientProfilesTest {
  static final List<String> REQUIRED = List.of("java-6u45", "java-7u25", "java-8u161", "java-8u291", "java-11",
      "java-17", "java-21", "javamail-1.4-java8", "openssl-1.0.1", "openssl-1.1.1", "openssl-3", "outlook-2010-win7",
      "outlook-2016-win10", "thunderbird", "apple-mail", "postfix-2.11", "exim-4.8x", "phpmailer-php5.6",
      "dotnet-4.5", "windows-xp");

  @Test
  void hasTheRequiredProfilesAndEnoughOfThem() {
    ClientProfiles all = ClientProfiles.get();
    assertThat(all.all()).hasSizeGreaterThanOrEqualTo(25);
    for (String id : REQUIRED) assertThat(all.byId(id)).as(id).isPresent();
    for (ClientProfile p : all.all()) {
      assertThat(p.source()).as(p.id() + " source").isNotBlank();
      assertThat(p.testssl().isPresent() || p.basedOn().isPresent()).as(p.id() + " recording or base").isTrue();
      p.basedOn().ifPresent(b -> assertThat(all.byId(b)).as(p.id() + " basedOn").isPresent());
    }
  }

  @Test
  void javamailOffersOnlyTls10AndTls10Suites() {
    ClientProfile p = ClientProfiles.get().byId("javamail-1.4-java8").orElseThrow();
    assertThat(p.protocols()).containsExactly(TlsProtocol.TLSv1);
    assertThat(p.tls13Suites()).isEmpty();
    for (String s : p.suites()) {
      CipherTable.get().byName(s).ifPresent(c -> assertThat(c.legalBelowTls12()).as(s).isTrue());
    }
    assertThat(ClientProfiles.get().byId("java-8u161").orElseThrow().suites()).containsAll(p.suites());
  }

  @Test
  void recordedProfilesMatchTheirTestsslRecording() throws Exception {
    if (!Files.isRegularFile(TestsslData.clientSimulation()) || !Files.isRegularFile(TestsslData.cipherMapping())) {
      System.out.println("ClientProfilesTest: SKIPPED, testssl data absent at " + TestsslData.dir());
      assumeTrue(false, "testssl data absent");
    }
    Map<String, Map<String, String>> rec = TestsslData.clients();
    Map<Integer, String> names = TestsslData.cipherNames();
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (ClientProfile p : ClientProfiles.get().all()) {
      if (p.testssl().isEmpty()) continue;
      Map<String, String> r = rec.get(p.testssl().get());
      if (r == null) {
        problems.add(p.id() + ": no recording named " + p.testssl().get());
        continue;
      }
      checked++;
      List<String> protos = new ArrayList<>();
      if (p.sslv2Hello()) protos.add("0x0200");
      for (TlsProtocol v : p.protocols()) protos.add(String.format("0x%04x", v.wire()));
      check(problems, p, "lowest protocol", r.get("lowest_protocol"), protos.get(0));
      check(problems, p, "highest protocol", r.get("highest_protocol"), protos.get(protos.size() - 1));
      check(problems, p, "suites", r.get("ch_ciphers"), String.join(":", p.suites()));
      check(problems, p, "TLS 1.3 suites", r.get("ciphersuites"), String.join(":", p.tls13Suites()));
      check(problems, p, "curves", r.get("curves"), String.join(":", p.groups()));
      check(problems, p, "minDhBits", r.get("minDhBits"), String.valueOf(p.minDhBits()));
      check(problems, p, "maxDhBits", r.get("maxDhBits"), String.valueOf(p.maxDhBits()));
      check(problems, p, "SNI", String.valueOf(!r.get("ch_sni").isEmpty()), String.valueOf(p.sni()));
      // The offered suites also agree with the recorded ClientHello bytes (signalling values and
      // TLS 1.3 code points aside).
      List<String> fromBytes = new ArrayList<>();
      for (int id : TestsslData.helloSuites(r.get("handshakebytes"))) {
        if (id == 0x00ff || id == 0x5600 || (id >= 0x1301 && id <= 0x1305) || (id & 0x0f0f) == 0x0a0a) continue;
        fromBytes.add(names.getOrDefault(id, String.format("0x%04x", id)));
      }
      check(problems, p, "suites in the ClientHello bytes", String.join(":", fromBytes), String.join(":", p.suites()));
    }
    System.out.printf("client profiles: %d with a testssl recording checked, %d disagreements%n", checked,
        problems.size());
    assertThat(problems).isEmpty();
  }

  private static void check(List<String> problems, ClientProfile p, String what, String recorded, String ours) {
    if (!recorded.equals(ours)) problems.add(p.id() + " " + what + ": recorded " + recorded + ", profile " + ours);
  }
}
