package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harakalint.report.HistoryReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** haraka-lint history on repositories made with JGit in a temporary folder. */
class HistoryCommandTest {
  private static final String CLEAN_RELAY = "[relay]\nacl=true\n";
  private static final String OPEN_RELAY = "[relay]\nacl=true\nall=true\n";

  @TempDir Path dir;
  private Git git;
  private int minute;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** Commits everything as {@code name}, one minute after the previous commit, in UTC+02:00. */
  private RevCommit commit(String name, String msg) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call(); // deletions too
    PersonIdent who = new PersonIdent(name, name.toLowerCase() + "@example.org",
        Instant.parse("2026-03-02T10:00:00Z").plusSeconds(60L * minute++), ZoneId.of("+02:00"));
    return git.commit().setMessage(msg + "\n\nbody text").setAuthor(who).setCommitter(who).call();
  }

  @BeforeEach
  void cleanTree() throws Exception {
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    write("mx1/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("mx1/config/relay.ini", CLEAN_RELAY);
    write("mx1/config/host_list", "example.org\n");
    commit("Ada", "clean tree");
  }

  private static CliRunner history(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "history";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(all);
  }

  @Test
  void namesTheCommitAuthorAndDateThatIntroducedEachFinding() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    RevCommit opened = commit("Bob", "open the relay for the migration");
    write("mx1/config/host_list", "example.org\nexample.net\n");
    commit("Cy", "another domain");
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n");
    RevCommit acl = commit("Ada", "let the office relay");
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n# reviewed\n");
    commit("Cy", "comment the ACL");

    CliRunner r = history(dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("config/relay.ini:3:5: critical [HL201]")
        .contains("    introduced: " + opened.abbreviate(7).name() + " 2026-03-02T12:01:00+02:00 Bob <bob@example.org> "
            + "open the relay for the migration\n")
        .contains("config/relay_acl_allow:1:1: critical [HL202]")
        .contains("    introduced: " + acl.abbreviate(7).name() + " 2026-03-02T12:03:00+02:00 Ada <ada@example.org> "
            + "let the office relay\n")
        .contains("mx1: 2 findings at ")
        .contains("5 commits linted from the root commit");
  }

  @Test
  void findsAtTheHeadExactlyWhatCheckRevFinds() throws Exception {
    write("mx1/config/relay.ini", "[relay]\nacl=true ; office\nall=true\n");
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n2001:db8::1\n");
    commit("Bob", "several problems");
    write("mx1/config/host_list", "example.net\n");
    commit("Cy", "unrelated");
    List<String> check = new java.util.ArrayList<>();
    json(CliRunner.run("check", "--rev", "HEAD", "--format", "json", dir.resolve("mx1").toString()).out())
        .path("findings").forEach(f -> check.add(f.path("fingerprint").asText() + " " + f.path("line").asInt()));
    List<String> history = new java.util.ArrayList<>();
    json(history("--format", "json", dir.resolve("mx1").toString()).out()).path("trees").get(0).path("findings")
        .forEach(f -> history.add(f.path("finding").path("fingerprint").asText() + " " + f.path("finding").path("line").asInt()));
    assertThat(check).hasSizeGreaterThan(2);
    assertThat(history).isEqualTo(check);
  }

  @Test
  void aFindingRemovedAndAddedAgainBelongsToTheCommitThatBroughtItBack() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    commit("Bob", "open");
    write("mx1/config/relay.ini", CLEAN_RELAY);
    commit("Cy", "close");
    write("mx1/config/relay.ini", "; again\n" + OPEN_RELAY); // moved down a line: same fingerprint
    RevCommit again = commit("Bob", "open again");

    JsonNode f = onlyFinding(json(history("--format", "json", dir.toString()).out()));
    assertThat(f.path("finding").path("ruleId").asText()).isEqualTo("HL201");
    assertThat(f.path("finding").path("line").asInt()).isEqualTo(4); // where it is at the head
    assertThat(f.path("introduced").path("commit").asText()).isEqualTo(again.getName());
    assertThat(f.path("introduced").path("shortCommit").asText()).isEqualTo(again.abbreviate(7).name());
  }

  @Test
  void sinceStartsAfterTheGivenCommitAndSaysWhatWasAlreadyThere() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    RevCommit opened = commit("Bob", "open");
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n");
    RevCommit acl = commit("Ada", "acl");

    JsonNode doc = json(history("--format", "json", "--since", opened.getName(), dir.toString()).out());
    assertThat(doc.path("commits").asInt()).isEqualTo(1);
    assertThat(doc.path("since").path("commit").asText()).isEqualTo(opened.getName());
    assertThat(doc.path("head").path("commit").asText()).isEqualTo(acl.getName());
    JsonNode findings = doc.path("trees").get(0).path("findings");
    assertThat(findings).hasSize(2);
    for (JsonNode f : findings) {
      String rule = f.path("finding").path("ruleId").asText();
      if (rule.equals("HL201")) assertThat(f.path("introduced").isNull()).isTrue();
      else assertThat(f.path("introduced").path("commit").asText()).isEqualTo(acl.getName());
    }
    CliRunner text = history("--since", opened.getName(), dir.toString());
    assertThat(text.out()).contains("    introduced: at or before " + opened.abbreviate(7).name() + " (--since)")
        .contains("1 commit linted since " + opened.abbreviate(7).name());
  }

  @Test
  void sinceOffTheFirstParentChainIsAUsageError() throws Exception {
    git.checkout().setCreateBranch(true).setName("side").call();
    write("mx1/config/host_list", "side.example\n");
    RevCommit side = commit("Bob", "side");
    git.checkout().setName("main").call();
    write("mx1/config/host_list", "main.example\n");
    commit("Ada", "main");
    CliRunner r = history("--since", side.getName(), dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("haraka-lint: --since " + side.getName() + " is not on the first-parent chain of HEAD\n");
  }

  @Test
  void aMergedBranchCountsAsTheMergeCommitsChange() throws Exception {
    git.checkout().setCreateBranch(true).setName("feature").call();
    write("mx1/config/relay.ini", OPEN_RELAY);
    RevCommit onBranch = commit("Bob", "open on a branch");
    git.checkout().setName("main").call();
    write("mx1/config/host_list", "example.org\nexample.net\n");
    commit("Cy", "main moves on");
    git.merge().include(onBranch).setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage("merge feature").call();
    RevCommit merge = git.log().setMaxCount(1).call().iterator().next();
    assertThat(merge.getParentCount()).isEqualTo(2);

    JsonNode doc = json(history("--format", "json", dir.toString()).out());
    assertThat(doc.path("commits").asInt()).isEqualTo(3); // clean tree, main moves on, merge: not the branch commit
    assertThat(onlyFinding(doc).path("introduced").path("commit").asText()).isEqualTo(merge.getName());
  }

  @Test
  void jsonlHasOneFindingPerLine() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n");
    RevCommit both = commit("Bob", "two problems");
    CliRunner r = history("--format", "jsonl", dir.toString());
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      JsonNode n = json(line);
      assertThat(n.path("target").asText()).isEqualTo("mx1");
      assertThat(n.path("introduced").path("authorEmail").asText()).isEqualTo("bob@example.org");
      assertThat(n.path("introduced").path("commit").asText()).isEqualTo(both.getName());
      assertThat(n.path("finding").path("fingerprint").asText()).hasSize(24);
    }
  }

  @Test
  void exitCodeFollowsFailOnAtTheHeadOnly() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    commit("Bob", "open");
    assertThat(history(dir.toString()).code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(history("--fail-on", "none", dir.toString()).code()).isEqualTo(ExitCode.OK);
    write("mx1/config/relay.ini", CLEAN_RELAY);
    commit("Cy", "close");
    CliRunner r = history(dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK); // it was there in history, but not at the head
    assertThat(r.out()).contains("mx1: no findings at");
  }

  @Test
  void eachCommitIsJudgedByThePolicyItHad() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    commit("Bob", "open");
    write("mx1/.haraka-lint.ini", "[rules]\nHL201=low\n");
    commit("Cy", "accept it");
    CliRunner r = history(dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("low [HL201]");
  }

  @Test
  void treesThatAppearLaterHaveNoFindingsBeforeAndCommitsOutsideATreeAreNotRelinted() throws Exception {
    write("README.md", "docs\n");
    commit("Ada", "docs only");
    write("mx2/config/plugins", "relay\n");
    write("mx2/config/relay.ini", OPEN_RELAY);
    RevCommit added = commit("Bob", "second server");
    write("README.md", "more docs\n");
    commit("Ada", "docs again");

    HistoryLint h = new HistoryLint(new LintPipeline(null, null, true, null, null));
    HistoryReport report = h.run(dir.toString(), "HEAD", null);
    assertThat(report.trees()).extracting(HistoryReport.Tree::target).containsExactly("mx1", "mx2");
    HistoryReport.Introduced f = report.trees().get(1).findings().get(0);
    assertThat(f.finding().ruleId()).isEqualTo("HL201");
    assertThat(f.commit().id()).isEqualTo(added.getName());
    // Each tree is linted only at the commits that touch it: mx1 at the root commit, mx2 at "second server".
    assertThat(h.lints()).isEqualTo(2);
  }

  @Test
  void filesAreParsedAgainOnlyWhenTheirBlobChanges() throws Exception {
    write("mx1/config/host_list", "example.org\nexample.net\n");
    commit("Bob", "one file");
    write("mx1/config/relay.ini", OPEN_RELAY);
    commit("Cy", "another file");
    write("mx1/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n# end\n");
    write("mx1/config/host_list", "example.org\n");
    commit("Ada", "two files");

    HistoryLint h = new HistoryLint(new LintPipeline(null, null, true, null, null));
    h.run(dir.resolve("mx1").toString(), "HEAD", null);
    assertThat(h.lints()).isEqualTo(4);
    assertThat(h.parses()).isEqualTo(3 + 1 + 1 + 2); // all three at first, then only what each commit changed
  }

  @Test
  void theReportIsTheSameOnOneThreadOrManyInSmallChunks() throws Exception {
    String[] hosts = {"a.example", "b.example", "c.example"};
    for (int i = 0; i < 12; i++) {
      if (i % 4 == 1) write("mx1/config/relay.ini", OPEN_RELAY);
      else if (i % 4 == 3) write("mx1/config/relay.ini", CLEAN_RELAY);
      else write("mx1/config/host_list", hosts[i % 3] + "\n");
      commit(i % 2 == 0 ? "Ada" : "Bob", "change " + i);
    }
    write("mx1/config/relay_acl_allow", "10.0.0.0/8\n");
    commit("Cy", "acl");
    write("mx1/config/relay.ini", OPEN_RELAY);
    RevCommit reopened = commit("Bob", "open for good");

    HistoryLint one = new HistoryLint(new LintPipeline(null, null, true, null, null), 1, HistoryLint.CHUNK);
    HistoryLint many = new HistoryLint(new LintPipeline(null, null, true, null, null), 3, 2);
    List<String> expected = attributions(one.run(dir.toString(), "HEAD", null));
    assertThat(expected).contains("HL201 " + reopened.getName());
    assertThat(attributions(many.run(dir.toString(), "HEAD", null))).isEqualTo(expected);
    assertThat(many.lints()).isEqualTo(one.lints()).isEqualTo(15);
    assertThat(one.parses()).isEqualTo(3 + 12 + 1 + 1); // the root's three files, then the one file each commit changes
    assertThat(many.parses()).isGreaterThan(one.parses()); // each chunk starts with an empty cache
  }

  private static List<String> attributions(HistoryReport r) {
    return r.trees().stream().flatMap(t -> t.findings().stream())
        .map(i -> i.finding().ruleId() + " " + (i.commit() == null ? "-" : i.commit().id())).toList();
  }

  @Test
  void aShallowCloneIsWalkedFromItsOldestCommit() throws Exception {
    write("mx1/config/relay.ini", OPEN_RELAY);
    RevCommit opened = commit("Bob", "open");
    write("mx1/config/host_list", "example.net\n");
    commit("Cy", "later");
    Path clone = dir.resolveSibling(dir.getFileName() + "-shallow");
    try (Git c = Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(clone.toFile()).setDepth(2).call()) {
      JsonNode doc = json(history("--format", "json", clone.resolve("mx1").toString()).out());
      assertThat(doc.path("commits").asInt()).isEqualTo(2);
      assertThat(onlyFinding(doc).path("introduced").path("commit").asText()).isEqualTo(opened.getName());
    }
  }

  @Test
  void unusableInputIsOneLineAndExitTwo(@TempDir Path plain, @TempDir Path empty, @TempDir Path noTree) throws Exception {
    Files.createDirectories(plain.resolve("config"));
    Files.writeString(plain.resolve("config/plugins"), "relay\n");
    assertUsage(history(plain.toString()), "not inside a git repository");

    Git.init().setDirectory(empty.toFile()).setInitialBranch("main").call().close();
    assertUsage(history(empty.toString()), "haraka-lint: the repository has no commits yet");

    try (Git g = Git.init().setDirectory(noTree.toFile()).setInitialBranch("main").call()) {
      Files.writeString(noTree.resolve("README.md"), "nothing here\n");
      g.add().addFilepattern(".").call();
      g.commit().setMessage("docs").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    assertUsage(history(noTree.toString()), "no Haraka tree there at HEAD");
    assertUsage(history("--rev", "nope", dir.toString()), "--rev: no commit 'nope'");
    assertUsage(history("--format", "xml", dir.toString()), "--format: 'xml' is not one of text, json, jsonl");
  }

  private static void assertUsage(CliRunner r, String text) {
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(text).startsWith("haraka-lint: ");
    assertThat(r.err().lines()).hasSize(1);
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  private static JsonNode onlyFinding(JsonNode doc) {
    JsonNode findings = doc.path("trees").get(0).path("findings");
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }
}
