package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.report.Reporters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree full of planted secrets, put through every command and format haraka-lint has, their
 * error paths and --debug: no planted secret, nor its base64, appears on stdout, stderr or in any
 * file written. Secrets sit where Haraka keeps them, and some on lines that rules flag and fixes
 * rewrite (an inline comment after a password), so a message, a quoted context line or a diff
 * would carry them if anything leaked.
 */
class SecretsEverywhereTest {
  private static final String USER_PW = "Planted-User-Pw-4e1d";
  private static final String NUMERIC_PW = "00918273645500";
  private static final String EXPONENT_PW = "1e-7";
  private static final String COMMENTED_PW = "Planted-Commented-Pw-77c2";
  private static final String FORWARD_PASS = "Planted-Forward-Pass-aa03";
  private static final String PROXY_PASS = "Planted-Proxy-Pass-61b9";
  private static final String BIND_PW = "Planted-Bind-Pw-3f5e";
  private static final String LDAP_PASS = "Planted-Ldap-Pass-c0de";
  private static final String TREE_KEY = "MIIEplantedTREEkeyBODY000000000000000000000000001";
  private static final String SNI_KEY = "MIIEplantedSNIkeyBODY0000000000000000000000000002";
  private static final String OUTSIDE_KEY = "MIIEplantedOUTSIDEkeyBODY000000000000000000000003";
  private static final String DKIM_KEY = "MIIEplantedDKIMkeyBODY00000000000000000000000004";
  private static final String INTERNAL_KEY = "Planted-Internalcmd-Key-5d21";
  private static final List<String> SECRETS = List.of(USER_PW, NUMERIC_PW, COMMENTED_PW, FORWARD_PASS, PROXY_PASS, BIND_PW,
      LDAP_PASS, TREE_KEY, SNI_KEY, OUTSIDE_KEY, DKIM_KEY, INTERNAL_KEY);

  @TempDir Path dir;

  private static void write(Path root, String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static String pem(String body) {
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** A v3 tree in a git repository (one commit, then a change), with secrets everywhere. */
  private Path secretTree() throws Exception {
    Path root = dir.resolve("haraka");
    Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    write(root, "package.json", "{\"dependencies\": {\"Haraka\": \"2.8.28\"}}\n");
    write(root, "config/plugins", "tls\nauth/flat_file\nauth/auth_ldap\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n"
        + "queue/smtp_proxy\nrelay\ndnsbl\n");
    write(root, "config/auth_flat_file.ini", "[core]\nmethods=PLAIN,LOGIN\n\n[users]\nalice=" + USER_PW + "\nbob=" + NUMERIC_PW
        + "\ncarol=" + EXPONENT_PW + "\ndave=true\nerin=" + COMMENTED_PW + " ; rotated 2026-11\n");
    write(root, "config/smtp_forward.ini", "host=smtp.example.net\nauth_type=plain\nauth_user=relay\nauth_pass=" + FORWARD_PASS
        + " ; from the vault\n");
    write(root, "config/smtp_proxy.ini", "[main]\nhost=10.0.0.9\nauth_type=plain\nauth_user=p\nauth_pass=" + PROXY_PASS + "\n");
    write(root, "config/auth_ldap.ini", "[core]\nserver[]=ldap://ldap.example.com:389\nbinddn=cn=haraka,dc=example\n"
        + "bindpw=" + LDAP_PASS + "\n");
    write(root, "config/ldap.ini", "[main]\nserver[]=ldap://ldap.example.com\nbinddn=cn=x\nbindpw=" + BIND_PW + " ; rotate\n"
        + "scope=sub ; comment\n");
    write(root, "config/internalcmd_key", INTERNAL_KEY + "\n");
    write(root, "config/tls.ini", "[main]\nkey=tls_key.pem\ncert=tls_cert.pem\nminVersion=TLSv1 ; legacy\n"
        + "[outbound]\nkey=" + dir.resolve("keys/out.key") + "\n");
    write(root, "config/tls_key.pem", pem(TREE_KEY));
    write(root, "config/tls/mx.example.com.pem", pem(SNI_KEY));
    write(root, "config/dkim/example.com/private", pem(DKIM_KEY));
    write(root, "config/relay.ini", "[relay]\nacl=true\nall=true\n");
    write(root, "config/smtp.ini", "[main]\nlisten=[::0]:25\nignore_bad_plugins=true\n");
    write(root, "config/me", "mx.example.com\n");
    write(dir, "keys/out.key", pem(OUTSIDE_KEY));
    git.add().addFilepattern(".").call();
    git.commit().setMessage("tree").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").setSign(false).call();
    write(root, "config/relay.ini", "[relay]\nacl=true\nall=true\ndest_domains=true\n");
    git.close();
    return root;
  }

  @Test
  void noCommandFormatOrErrorPrintsAPlantedSecret() throws Exception {
    Path tree = secretTree();
    String t = tree.toString();
    String keys = dir.resolve("keys").toString();
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String[]> runs = new ArrayList<>();
    for (String format : Reporters.NAMES) {
      runs.add(new String[] {"check", "--fail-on", "none", "--allow-outside", keys, "--format", format, t});
      runs.add(new String[] {"check", "--debug", "--no-waivers", "--format", format, "--output", out.resolve("c." + format).toString(), t});
    }
    runs.add(new String[] {"check", "--staged", "--format", "json", t});
    runs.add(new String[] {"check", "--rev", "HEAD", "--format", "html", t});
    for (String format : Reporters.DIFF_NAMES) runs.add(new String[] {"diff", "--base", "HEAD", "--format", format, t});
    runs.add(new String[] {"fix", t});
    runs.add(new String[] {"fix", "--rule", "HL102", t});
    runs.add(new String[] {"migrate", "--to", "3.1", "--report", out.resolve("migration.md").toString(), t});
    runs.add(new String[] {"legacy-client", "--ip", "198.18.7.21", "--until", "2099-01-01", "--owner", "ops",
        "--reason", "Java 8 app", "--report", out.resolve("legacy.md").toString(), t});
    runs.add(new String[] {"compat", t});
    runs.add(new String[] {"compat", "--format", "json", t});
    runs.add(new String[] {"explain", "HL501"});
    runs.add(new String[] {"baseline", "--output", out.resolve("baseline.json").toString(), t});
    // Error paths: a secrets file given where haraka-lint expects its own files.
    runs.add(new String[] {"check", "--policy", tree.resolve("config/auth_flat_file.ini").toString(), t});
    runs.add(new String[] {"check", "--baseline", tree.resolve("config/auth_flat_file.ini").toString(), t});
    runs.add(new String[] {"check", "--baseline", tree.resolve("config/tls_key.pem").toString(), "--debug", t});
    runs.add(new String[] {"check", tree.resolve("config/auth_flat_file.ini").toString()});
    runs.add(new String[] {"check", "--allow-outside", dir.resolve("keys/out.key").toString(), t});
    runs.add(new String[] {"fix", "--write", tree.resolve("config/auth_flat_file.ini").toString()});

    List<String> leaks = new ArrayList<>();
    for (String[] args : runs) {
      CliRunner r = CliRunner.run(args);
      assertThat(r.code()).as("%s%n%s", String.join(" ", args), r.err()).isNotEqualTo(ExitCode.INTERNAL);
      leaks.addAll(leaks(String.join(" ", args), r.out() + "\n" + r.err()));
    }
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) leaks.addAll(leaks(f.toString(), Files.readString(f)));
    }
    assertThat(leaks).isEmpty();
    assertThat(Files.list(out).count()).as("files written").isGreaterThanOrEqualTo(Reporters.NAMES.size() + 3);
  }

  private static List<String> leaks(String where, String text) {
    List<String> found = new ArrayList<>();
    for (String s : SECRETS) {
      String b64 = Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
      if (text.contains(s)) found.add(where + ": " + s);
      if (text.contains(b64.substring(0, b64.length() - 4))) found.add(where + ": base64 of " + s);
    }
    return found;
  }
}
