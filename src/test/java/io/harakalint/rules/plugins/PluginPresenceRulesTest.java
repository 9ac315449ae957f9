package io.harakalint.rules.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import org.junit.jupiter.api.Test;

class PluginPresenceRulesTest {
  private static final String SMTP = "[main]\nlisten=[::0]:25\n";

  @Test
  void flagsDroppedAliasTargetWithoutNodeModules() {
    RuleTester.of(new NpmPluginNotInstalled()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}")
        .file("config/plugins", "# expect: HL405\nauth/auth_ldap\n# expect: HL405\nconnect.p0f\ndns-list\n").assertMarkers();
  }

  @Test
  void ignoresOptionalDependencyWhenOnlyPackageJsonIsThere() {
    RuleTester.of(new NpmPluginNotInstalled()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.3.4\"}}")
        .file("config/plugins", "dns-list\nmail_from.is_resolvable\n").assertNoFindings();
  }

  @Test
  void ignoresBareConfigFolder() {
    RuleTester.of(new NpmPluginNotInstalled()).file("plugins", "connect.p0f\n").file("smtp.ini", SMTP).assertNoFindings();
  }

  @Test
  void leavesDroppedPluginUnderItsOwnNameToHl401() {
    RuleTester.of(new NpmPluginNotInstalled()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}")
        .file("config/plugins", "p0f\n").assertNoFindings();
  }

  @Test
  void flagsPackageJsonDependencyMissingFromNodeModules() {
    RuleTester t = RuleTester.of(new NpmPluginNotInstalled())
        .file("package.json", "{\"dependencies\": {\"Haraka\": \"3.1.6\", \"haraka-plugin-p0f\": \"1.0.9\"}}")
        .file("node_modules/Haraka/package.json", "{\"name\": \"Haraka\", \"version\": \"3.1.6\"}")
        .file("config/plugins", "p0f\n");
    assertThat(t.findings()).singleElement().extracting(Finding::message).asString().contains("run npm install");
  }

  @Test
  void ignoresCorePluginsOfOldVersions() {
    RuleTester.of(new NpmPluginNotInstalled()).file("package.json", "{\"dependencies\": {\"Haraka\": \"2.8.28\"}}")
        .file("node_modules/Haraka/package.json", "{\"name\": \"Haraka\", \"version\": \"2.8.28\"}")
        .file("config/plugins", "spf\nrelay\ndnsbl\n").assertNoFindings();
  }

  @Test
  void shimIsSkippedWhenThePackageOfTheSameNameIsInstalled() {
    RuleTester.of(new ShimPlugin()).file("package.json", "{\"dependencies\": {\"Haraka\": \"2.8.28\"}}")
        .file("node_modules/Haraka/package.json", "{\"name\": \"Haraka\", \"version\": \"2.8.28\"}")
        .file("node_modules/haraka-plugin-graph/package.json", "{\"name\": \"haraka-plugin-graph\", \"version\": \"1.0.0\"}")
        .file("config/plugins", "graph\n").assertNoFindings();
  }

  @Test
  void shimOfAuthPluginIsHigh() {
    RuleTester t = RuleTester.of(new ShimPlugin()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.0.3\"}}")
        .file("config/plugins", "auth/auth_ldap\n");
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("no AUTH is offered").contains("auth-ldap");
    });
  }

  @Test
  void noRecipientPluginIsLowOnSubmissionOnlyServer() {
    RuleTester t = RuleTester.of(new NoRecipientPlugin()).file("config/smtp.ini", SMTP)
        .file("config/plugins", "relay\nqueue/smtp_forward\n").file("config/relay_acl_allow", "192.0.2.25/32\n");
    assertThat(t.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.LOW);
  }

  @Test
  void noRecipientPluginAbstainsForLocalPlugin() {
    RuleTester.of(new NoRecipientPlugin()).file("config/smtp.ini", SMTP).file("config/plugins", "my_rcpt\n")
        .file("plugins/my_rcpt.js", "exports.hook_rcpt = (next) => next(OK)\n").assertNoFindings();
  }

  @Test
  void destDomainsAcceptCountsAsRecipientPlugin() {
    RuleTester.of(new NoRecipientPlugin()).file("config/smtp.ini", SMTP).file("config/plugins", "relay\nqueue/smtp_forward\n")
        .file("config/relay.ini", "[relay]\ndest_domains=true\n")
        .file("config/relay_dest_domains.ini", "[domains]\nexample.com = { \"action\": \"accept\" }\n").assertNoFindings();
  }

  @Test
  void partialTreeIsNotJudged() {
    RuleTester.of(new NoRecipientPlugin(), new NoQueuePlugin()).file("config/plugins", "tls\n").assertNoFindings();
    RuleTester.of(new NoQueuePlugin()).file("config/plugins", "rcpt_to.in_host_list\n").assertNoFindings();
  }

  @Test
  void quarantineAloneDoesNotQueue() {
    RuleTester.of(new NoQueuePlugin()).file("config/smtp.ini", SMTP)
        .file("config/plugins", "# expect: HL408\nrcpt_to.in_host_list\nqueue/quarantine\n").assertMarkers();
  }

  @Test
  void noQueueAbstainsForUnknownPlugin() {
    RuleTester.of(new NoQueuePlugin()).file("config/smtp.ini", SMTP)
        .file("config/plugins", "rcpt_to.in_host_list\nharaka-plugin-queue-kafka\n").assertNoFindings();
  }

  @Test
  void submissionOnlyServerNeedsNoQueuePlugin() {
    RuleTester.of(new NoQueuePlugin()).file("config/smtp.ini", SMTP).file("config/plugins", "tls\nauth/auth_proxy\n")
        .assertNoFindings();
  }
}
