package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF output against the OASIS SARIF 2.1.0 JSON schema ({@link SarifSchema}), then against what
 * GitHub code scanning asks beyond the schema.
 */
class SarifReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<String> violations(String sarif) {
    return SarifSchema.violations(sarif);
  }

  @Test
  void sampleIsValidSarifAsGithubReadsIt() throws IOException {
    String sarif = ReportTrees.render(Path.of("samples/legacy-java8"), "sarif", dir.resolve("a.sarif"));
    assertThat(violations(sarif)).isEmpty();
    JsonNode run = JSON.readTree(sarif).at("/runs/0");
    assertGithubRules(JSON.readTree(sarif));
    assertThat(run.at("/results")).hasSize(10);
    // Run from the repository root, as CI does: URIs are repository-relative.
    assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("samples/legacy-java8/config/auth_flat_file.ini");
    JsonNode hl306 = null;
    for (JsonNode r : run.at("/results")) if (r.at("/ruleId").asText().equals("HL306")) hl306 = r;
    assertThat(hl306).isNotNull();
    assertThat(hl306.at("/level").asText()).isEqualTo("error");
    assertThat(hl306.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(19);
    assertThat(hl306.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(12);
    JsonNode rule = run.at("/tool/driver/rules/" + hl306.at("/ruleIndex").asInt());
    assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("9.5");
    assertThat(rule.at("/help/markdown").asText()).contains("## Why it matters").doesNotContain("expect:");
  }

  @Test
  void waivedFindingsAreAcceptedSuppressionsAndExpiredOnesAreNot() throws Exception {
    Path tree = ReportTrees.audit(dir.resolve("repo"));
    String sarif = ReportTrees.render(tree, "sarif", dir.resolve("audit.sarif"));
    assertThat(violations(sarif)).isEmpty();
    JsonNode doc = JSON.readTree(sarif);
    assertGithubRules(doc);
    JsonNode waived = null;
    JsonNode expired = null;
    for (JsonNode r : doc.at("/runs/0/results")) {
      if (r.at("/message/text").asText().startsWith("198.18.7.21")) waived = r;
      if (r.at("/message/text").asText().startsWith("203.0.113.9")) expired = r;
    }
    assertThat(waived.at("/suppressions")).hasSize(1);
    assertThat(waived.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(waived.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(waived.at("/suppressions/0/justification").asText())
        .contains("firmware update (FAC-77)").contains("facilities@example.com").contains("2027-03-31");
    assertThat(expired.has("suppressions")).isFalse();
    assertThat(expired.at("/properties/status").asText()).isEqualTo("waiver-expired");
    // The tree is the top of its repository.
    assertThat(waived.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("config/tls.ini");
  }

  @Test
  void cleanRunKeepsAnEmptyResultsArray() throws IOException {
    String sarif = ReportTrees.render(Path.of("samples/hardened"), "sarif", dir.resolve("h.sarif"));
    assertThat(violations(sarif)).isEmpty();
    JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
    assertThat(results.isArray()).isTrue();
  }

  /** The validator is not vacuous: it rejects an empty region and a line 0, which GitHub rejects too. */
  @Test
  void schemaRejectsEmptyAndNonPositiveRegions() throws IOException {
    String sarif = ReportTrees.render(Path.of("samples/legacy-java8"), "sarif", dir.resolve("b.sarif"));
    JsonNode doc = JSON.readTree(sarif);
    ObjectNode location = (ObjectNode) doc.at("/runs/0/results/0/locations/0/physicalLocation");
    location.putObject("region");
    assertThat(violations(JSON.writeValueAsString(doc))).isNotEmpty();
    location.putObject("region").put("startLine", 0);
    assertThat(violations(JSON.writeValueAsString(doc))).isNotEmpty();
  }

  /** GitHub's table of supported properties ("SARIF support for code scanning"), beyond the schema. */
  private static void assertGithubRules(JsonNode doc) {
    assertThat(doc.at("/$schema").asText()).isNotEmpty();
    assertThat(doc.at("/version").asText()).isEqualTo("2.1.0");
    JsonNode driver = doc.at("/runs/0/tool/driver");
    assertThat(driver.at("/name").asText()).isEqualTo("haraka-lint");
    JsonNode rules = driver.at("/rules");
    assertThat(rules.size()).isGreaterThan(20);
    for (JsonNode rule : rules) {
      assertThat(rule.at("/id").asText()).matches("HL\\d{3}");
      assertThat(rule.at("/name").asText()).matches("[A-Za-z0-9]+");
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
      assertThat(rule.at("/help/text").asText()).isNotBlank();
      assertThat(rule.at("/help/markdown").asText()).isNotBlank();
      assertThat(rule.at("/properties/tags").size()).isBetween(1, 10);
      JsonNode sev = rule.at("/properties/security-severity");
      assertThat(sev.isTextual()).as("security-severity is a string").isTrue();
      assertThat(Double.parseDouble(sev.asText())).isBetween(0.1, 10.0);
    }
    for (JsonNode r : doc.at("/runs/0/results")) {
      int index = r.at("/ruleIndex").asInt();
      assertThat(rules.get(index).at("/id").asText()).isEqualTo(r.at("/ruleId").asText());
      assertThat(r.at("/message/text").asText()).isNotBlank();
      assertThat(r.at("/locations").size()).isEqualTo(1);
      JsonNode loc = r.at("/locations/0/physicalLocation");
      String uri = loc.at("/artifactLocation/uri").asText();
      assertThat(uri).isNotBlank().doesNotStartWith("/").doesNotContain("\\").doesNotStartWith("file:");
      assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
      JsonNode region = loc.at("/region");
      assertThat(region.at("/startLine").asInt()).isPositive();
      assertThat(region.at("/startColumn").asInt()).isPositive();
      assertThat(region.at("/endLine").asInt()).isGreaterThanOrEqualTo(region.at("/startLine").asInt());
      assertThat(region.at("/endColumn").asInt()).isGreaterThan(region.at("/startColumn").asInt());
      assertThat(r.at("/partialFingerprints/harakaLint~1v1").asText()).matches("[0-9a-f]{24}");
    }
  }
}
