package io.harakalint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Trees for the report tests: an audit tree with secrets planted where Haraka keeps them (passwords
 * in auth_flat_file.ini and smtp_forward.ini, a private key), an active and an expired waiver, and
 * findings of every severity but low/info. It sits in a git repository of its own, as in CI.
 */
final class ReportTrees {
  static final String PASSWORD_ALICE = "Planted-Pw-7c1e5b0d";
  static final String PASSWORD_BOB = "Planted-Pw-second-91ab";
  static final String FORWARD_PASS = "Planted-Forward-Pass-55aa";
  static final String KEY_MATERIAL = "MIIEplantedKEYmaterial0000SHOULDNEVERLEAK";
  /** Every string no report may contain. */
  static final List<String> SECRETS = List.of(PASSWORD_ALICE, PASSWORD_BOB, FORWARD_PASS, KEY_MATERIAL);
  /** The date the waivers are judged on: one active (until 2027-03-31), one expired (2026-01-01). */
  static final String TODAY = "2026-12-01";

  private ReportTrees() {}

  static void write(Path dir, String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** The audit tree at {@code dir} (a git repository with the tree at its top, nothing committed). */
  static Path audit(Path dir) throws IOException, GitAPIException {
    Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
    write(dir, "config/plugins", "tls\nauth/flat_file\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write(dir, "config/auth_flat_file.ini",
        "[core]\nmethods=PLAIN,LOGIN\n\n[users]\nalice=" + PASSWORD_ALICE + "\nbob=" + PASSWORD_BOB + "\n");
    write(dir, "config/tls.ini",
        "[main]\nkey=tls_key.pem\ncert=tls_cert.pem\nminVersion=TLSv1 ; legacy scanners\n\n[no_tls_hosts]\n198.18.7.21\n203.0.113.9\n");
    write(dir, "config/tls_key.pem", "-----BEGIN PRIVATE KEY-----\n" + KEY_MATERIAL + "\n-----END PRIVATE KEY-----\n");
    write(dir, "config/smtp_forward.ini",
        "[main]\nhost=smtp.example.net\nauth_type=plain\nauth_user=relay-user\nauth_pass=" + FORWARD_PASS + "\n");
    write(dir, "config/relay.ini", "[relay]\nacl=true\nall=true\n");
    write(dir, "config/me", "mx.example.com\n");
    write(dir, ".haraka-lint.ini", """
        [waiver scanner-floor2]
        rule=HL303
        file=config/tls.ini
        entry=198.18.7.21
        reason=Scanner on floor 2 cannot do TLS 1.2 until the firmware update (FAC-77)
        owner=facilities@example.com
        expires=2027-03-31

        [waiver old-printer]
        rule=HL303
        file=config/tls.ini
        entry=203.0.113.9
        reason=Printer replaced in Q3
        owner=it-desk@example.com
        expires=2026-01-01
        """);
    return dir;
  }

  /** Runs check on {@code tree} with one format written to {@code out}; returns the file's text. */
  static String render(Path tree, String format, Path out, String... extra) throws IOException {
    String[] base = {"check", "--today", TODAY, "--fail-on", "none", "--format", format, "--output", out.toString()};
    String[] args = new String[base.length + extra.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    args[args.length - 1] = tree.toString();
    CliRunner r = CliRunner.run(args);
    if (r.code() != ExitCode.OK) throw new AssertionError("exit " + r.code() + ": " + r.err() + r.out());
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
