package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --template DIR: a user's template wins over the packaged one of the same name; the others stay. */
class TemplateOverrideTest {
  @TempDir Path dir;

  private static String packaged(String name) throws Exception {
    try (InputStream in = TemplateOverrideTest.class.getResourceAsStream("/io/harakalint/templates/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void userMarkdownTemplateReplacesThePackagedOne() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("markdown.ftl"),
        "${marker}\nOurs: ${total} findings<#list sections as s><#list s.rows as f>\n- ${f.ruleId} ${md(f.message)}</#list></#list>\n");
    String md = ReportTrees.render(Path.of("samples/legacy-java8"), "markdown", dir.resolve("c.md"),
        "--template", templates.toString());
    assertThat(md).startsWith("<!-- haraka-lint-report -->\nOurs: 10 findings\n- ").contains("- HL306 ");
    // report.ftlh was not overridden: the packaged one renders
    String page = ReportTrees.render(Path.of("samples/legacy-java8"), "html", dir.resolve("r.html"),
        "--template", templates.toString());
    assertThat(page).contains("<svg class=\"chart\"");
  }

  @Test
  void packagedTextTemplateRendersExactlyWhatTheTextReporterPrints() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("t"));
    Files.writeString(templates.resolve("text.ftl"), packaged("text.ftl"));
    Path tree = ReportTrees.audit(dir.resolve("repo")); // waived and expired findings too
    for (Path target : new Path[] {Path.of("samples/legacy-java8"), tree}) {
      CliRunner java = CliRunner.run("check", "--today", ReportTrees.TODAY, target.toString());
      CliRunner templated = CliRunner.run("check", "--today", ReportTrees.TODAY, "--template", templates.toString(),
          target.toString());
      assertThat(templated.err()).isEmpty();
      assertThat(templated.out()).isEqualTo(java.out());
      assertThat(templated.code()).isEqualTo(java.code());
    }
  }

  @Test
  void brokenTemplateIsAOneLineUsageError() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(templates.resolve("markdown.ftl"), "${no_such_variable}\n");
    CliRunner r = CliRunner.run("check", "--format", "markdown", "--template", templates.toString(), "samples/legacy-java8");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("haraka-lint: template markdown.ftl: ").contains("no_such_variable")
        .doesNotContain("Exception").hasLineCount(1);
    CliRunner missing = CliRunner.run("check", "--format", "markdown", "--template", dir.resolve("nope").toString(),
        "samples/legacy-java8");
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("not a directory");
  }
}
