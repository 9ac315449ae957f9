package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --staged / --rev, diff, install-hook on real repositories made with JGit (no git binary). */
class GitCliTest {
  @TempDir Path dir;
  private Git git;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private RevCommit commit(String msg) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(msg).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }

  @BeforeEach
  void repoWithTwoTrees() throws Exception {
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    for (String t : new String[] {"mx1", "mx2"}) {
      write(t + "/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
      write(t + "/config/relay.ini", "[relay]\nacl=true\n");
    }
    commit("two clean trees");
  }

  @Test
  void stagedSeesTheIndexNotTheWorkingTree() throws Exception {
    write("mx1/config/relay.ini", "[relay]\nacl=true\nall=true\n"); // modified, not staged
    CliRunner r = CliRunner.run("check", "--staged", dir.resolve("mx1").toString());
    assertThat(r.out()).doesNotContain("HL201").contains("mx1 (staged): no findings");
    git.add().addFilepattern("mx1/config/relay.ini").call();
    write("mx1/config/relay.ini", "[relay]\nacl=true\n"); // fixed on disk, but the bad version is staged
    r = CliRunner.run("check", "--staged", dir.resolve("mx1").toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("config/relay.ini:3:5: critical [HL201]");
  }

  @Test
  void stagedWithoutPathLintsOnlyTreesTheCommitTouches() throws Exception {
    write("mx2/config/relay.ini", "[relay]\nall=true\n");
    git.add().addFilepattern("mx2/config/relay.ini").call();
    CliRunner r = CliRunner.run("check", "--staged", dir.toString());
    assertThat(r.out()).contains("mx2 (staged)").doesNotContain("mx1 (staged)").contains("[HL201]");
  }

  @Test
  void stagedAmongManyTreesFindsTheChangedAndTheDeletedOnesOnly() throws Exception {
    for (int i = 3; i <= 60; i++) {
      write("customers/mx" + i + "/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
      write("customers/mx" + i + "/config/relay.ini", "[relay]\nacl=true\n");
      write("customers/mx" + i + "/config/me", "mx" + i + ".example.com\n");
    }
    commit("58 more trees");
    write("customers/mx17/config/relay.ini", "[relay]\nall=true\n");
    git.add().addFilepattern("customers/mx17/config/relay.ini").call();
    git.rm().addFilepattern("customers/mx42/config/me").call(); // a removal changes a tree too
    CliRunner r = CliRunner.run("check", "--staged", dir.toString());
    assertThat(r.out()).contains("customers/mx17 (staged)").contains("customers/mx42 (staged)").contains("[HL201]");
    assertThat(r.out().lines().filter(l -> l.contains(" (staged):")).count()).isEqualTo(2);
  }

  @Test
  void revLintsABranchWithoutCheckingItOutAndWorksDetached() throws Exception {
    git.checkout().setCreateBranch(true).setName("risky").call();
    write("mx1/config/relay.ini", "[relay]\nall=true\n");
    RevCommit risky = commit("open relay");
    git.checkout().setName("main").call();
    assertThat(Files.readString(dir.resolve("mx1/config/relay.ini"))).doesNotContain("all=true");
    CliRunner r = CliRunner.run("check", "--rev", "risky", dir.resolve("mx1").toString());
    assertThat(r.out()).contains("mx1 (risky)").contains("[HL201]");
    git.checkout().setName(risky.getName()).call(); // detached HEAD
    assertThat(CliRunner.run("check", "--rev", "HEAD", dir.resolve("mx1").toString()).out()).contains("[HL201]");
    CliRunner missing = CliRunner.run("check", "--rev", "no-such-branch", dir.resolve("mx1").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("no commit 'no-such-branch'");
  }

  @Test
  void diffClassifiesNewFixedUnchangedAndOnlyNewCount() throws Exception {
    write("mx1/config/relay_acl_allow", "2001:db8::1\n"); // stays: unchanged
    write("mx1/config/plugins", "relay\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n"); // duplicate: fixed later
    commit("base");
    write("mx1/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("mx1/config/relay.ini", "[relay]\nacl=true\nall=true\n");
    CliRunner r = CliRunner.run("diff", "--base", "HEAD", dir.resolve("mx1").toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("new: config/relay.ini:3:5: critical [HL201]").contains("fixed: config/plugins [HL402]")
        .contains("1 new, 1 fixed, 1 unchanged");
    write("mx1/config/relay.ini", "[relay]\nacl=true\n");
    assertThat(CliRunner.run("diff", "--base", "HEAD", dir.resolve("mx1").toString()).code()).isEqualTo(ExitCode.OK);
  }

  @Test
  void shallowCloneCanBeLinted() throws Exception {
    write("mx1/config/relay.ini", "[relay]\nall=true\n");
    commit("second");
    Path clone = dir.resolveSibling(dir.getFileName() + "-shallow");
    try (Git c = Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call()) {
      CliRunner r = CliRunner.run("check", "--rev", "HEAD", clone.resolve("mx1").toString());
      assertThat(r.out()).contains("[HL201]");
      CliRunner old = CliRunner.run("diff", "--base", "HEAD~1", clone.resolve("mx1").toString());
      assertThat(old.code()).isEqualTo(ExitCode.USAGE);
      assertThat(old.err()).contains("shallow");
    }
  }

  @Test
  void outsideARepositoryIsAClearError(@TempDir Path plain) throws IOException {
    Files.createDirectories(plain.resolve("config"));
    Files.writeString(plain.resolve("config/plugins"), "tls\n");
    CliRunner r = CliRunner.run("check", "--staged", plain.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("not inside a git repository");
  }

  @Test
  void installHookWritesOnceAndRefusesForeignHooks() throws IOException {
    CliRunner r = CliRunner.run("install-hook", dir.toString());
    assertThat(r.code()).isZero();
    Path hook = dir.resolve(".git/hooks/pre-commit");
    assertThat(Files.readString(hook)).contains(InstallHookCommand.MARKER).contains("check --staged");
    assertThat(Files.isExecutable(hook)).isTrue();
    assertThat(CliRunner.run("install-hook", dir.toString()).code()).isZero(); // ours: replaced
    Files.writeString(hook, "#!/bin/sh\necho mine\n");
    CliRunner refused = CliRunner.run("install-hook", dir.toString());
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("was not written by haraka-lint");
    assertThat(Files.readString(hook)).contains("echo mine");
    assertThat(CliRunner.run("install-hook", "--force", dir.toString()).code()).isZero();
    assertThat(Files.readString(hook)).contains(InstallHookCommand.MARKER);
  }
}
