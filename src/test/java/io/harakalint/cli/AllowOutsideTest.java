package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tls.ini may name its key and certificate outside the tree (Haraka reads names relative to the
 * config folder, or absolute). haraka-lint reads such a file only under an --allow-outside folder,
 * after following links; the key's content never shows in any output.
 */
class AllowOutsideTest {
  @TempDir Path dir;
  private Path tree;
  private Path keys;
  private String keyBody;

  @BeforeEach
  void treeWithItsKeyOutside() throws IOException {
    tree = dir.resolve("haraka");
    keys = dir.resolve("keys");
    Files.createDirectories(tree.resolve("config"));
    Files.createDirectories(keys);
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of("mx.example.com"), "rsa:2048", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=mx.example.com", List.of("mx.example.com"), "rsa:2048", "sha256", 30);
      Files.writeString(tree.resolve("config/tls_cert.pem"), a.cert());
      Files.writeString(keys.resolve("mx.key"), b.key()); // not the certificate's key
      keyBody = b.key().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }
    Files.writeString(tree.resolve("config/plugins"), "tls\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    Files.writeString(tree.resolve("config/me"), "mx.example.com\n");
  }

  private CliRunner check(String tlsIni, String... extra) throws IOException {
    Files.writeString(tree.resolve("config/tls.ini"), tlsIni);
    String[] base = {"check", "--fail-on", "none", "--format", "json"};
    String[] args = new String[base.length + extra.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    args[args.length - 1] = tree.toString();
    CliRunner r = CliRunner.run(args);
    assertThat(r.out() + r.err()).doesNotContain(keyBody).doesNotContain("PRIVATE KEY-----");
    return r;
  }

  @Test
  void absoluteKeyPathIsNotReadWithoutTheFlag() throws IOException {
    CliRunner r = check("[main]\nkey=" + keys.resolve("mx.key") + "\n");
    assertThat(r.out()).contains("outside the tree; not read (--allow-outside DIR lets haraka-lint read files under DIR)")
        .contains("\"severity\" : \"info\"").doesNotContain("HL350");
  }

  @Test
  void allowedKeyIsReadAndCheckedAgainstTheCertificate() throws IOException {
    CliRunner r = check("[main]\nkey=" + keys.resolve("mx.key") + "\n", "--allow-outside", keys.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("HL350").contains("does not belong to this certificate").doesNotContain("outside the tree");
  }

  @Test
  void relativeNameClimbingOutIsResolvedFromTheConfigFolderAndStopsHaraka() throws IOException {
    CliRunner r = check("[main]\nkey=../../keys/mx.key\n", "--allow-outside", keys.toString());
    assertThat(r.out()).contains("HL350")
        .contains("names ../../keys/mx.key, read because --allow-outside allows it (haraka-config 1.5.2 and later refuse")
        .contains("\"severity\" : \"high\"");
  }

  @Test
  void aLinkInTheAllowedFolderToAFileElsewhereIsNotRead() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.move(keys.resolve("mx.key"), elsewhere.resolve("mx.key"));
    Files.createSymbolicLink(keys.resolve("mx.key"), elsewhere.resolve("mx.key"));
    CliRunner r = check("[main]\nkey=" + keys.resolve("mx.key") + "\n", "--allow-outside", keys.toString());
    assertThat(r.out()).contains("outside the tree and outside every --allow-outside folder; not read").doesNotContain("HL350");
  }

  @Test
  void aMissingAllowedFolderIsAUsageError() throws IOException {
    CliRunner r = check("[main]\n", "--allow-outside", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("haraka-lint: --allow-outside " + dir.resolve("nope") + ": no such file or directory\n");
  }
}
