package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** rdjson, JUnit XML, Checkstyle XML and GitLab Code Quality: each output parsed back and checked. */
class MachineFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private Path tree;

  @BeforeEach
  void auditTree() throws Exception {
    tree = ReportTrees.audit(dir.resolve("repo"));
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text))); // throws unless well-formed
  }

  @Test
  void rdjsonHasOneDiagnosticPerCountedFindingWithReviewdogFields() throws Exception {
    JsonNode doc = JSON.readTree(ReportTrees.render(tree, "rdjson", dir.resolve("r.json")));
    assertThat(doc.at("/source/name").asText()).isEqualTo("haraka-lint");
    JsonNode ds = doc.at("/diagnostics");
    assertThat(ds).hasSize(10); // 11 findings, 1 waived
    Set<String> severities = new HashSet<>();
    for (JsonNode d : ds) {
      assertThat(d.at("/message").asText()).isNotBlank();
      assertThat(d.at("/location/path").asText()).startsWith("config/");
      assertThat(d.at("/location/range/start/line").asInt()).isPositive();
      assertThat(d.at("/location/range/start/column").asInt()).isPositive();
      assertThat(d.at("/code/value").asText()).matches("HL\\d{3}");
      assertThat(d.has("suggestions")).as("no fixes exist yet, so no suggestions").isFalse();
      severities.add(d.at("/severity").asText());
    }
    assertThat(severities).containsExactlyInAnyOrder("ERROR", "WARNING");
    assertThat(ds.toString()).doesNotContain("198.18.7.21 gets no STARTTLS"); // the waived one
  }

  @Test
  void junitIsWellFormedWithOneSuitePerTargetAndFailuresForOpenFindings() throws Exception {
    Document doc = xml(ReportTrees.render(tree, "junit", dir.resolve("j.xml")));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    NodeList suite = doc.getElementsByTagName("testsuite");
    assertThat(suite.getLength()).isEqualTo(1);
    Element s = (Element) suite.item(0);
    assertThat(s.getAttribute("failures")).isEqualTo("10");
    assertThat(s.getAttribute("skipped")).isEqualTo("1");
    NodeList cases = s.getElementsByTagName("testcase");
    assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(cases.getLength());
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(10);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).contains("2027-03-31").contains("facilities@example.com");
    boolean sawRelay = false;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").startsWith("[critical][HL201]")) {
        sawRelay = true;
        assertThat(c.getAttribute("file")).isEqualTo("config/relay.ini");
        assertThat(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message")).contains("all=true");
      }
    }
    assertThat(sawRelay).isTrue();
  }

  @Test
  void checkstyleIsWellFormedAndGroupsByFile() throws Exception {
    Document doc = xml(ReportTrees.render(tree, "checkstyle", dir.resolve("c.xml")));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("checkstyle");
    NodeList files = doc.getElementsByTagName("file");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < files.getLength(); i++) names.add(((Element) files.item(i)).getAttribute("name"));
    assertThat(names).contains("config/relay.ini", "config/tls.ini", "config/auth_flat_file.ini");
    NodeList errors = doc.getElementsByTagName("error");
    assertThat(errors.getLength()).isEqualTo(10);
    for (int i = 0; i < errors.getLength(); i++) {
      Element e = (Element) errors.item(i);
      assertThat(Integer.parseInt(e.getAttribute("line"))).isPositive();
      assertThat(Integer.parseInt(e.getAttribute("column"))).isPositive();
      assertThat(e.getAttribute("severity")).isIn("error", "warning", "info");
      assertThat(e.getAttribute("source")).matches("haraka-lint\\.HL\\d{3}");
      assertThat(e.getAttribute("message")).isNotBlank();
    }
  }

  @Test
  void gitlabCodeQualityHasValidSeveritiesAndUniqueFingerprints() throws Exception {
    String text = ReportTrees.render(tree, "gitlab", dir.resolve("gl.json"));
    assertThat(text).doesNotStartWith("\uFEFF");
    JsonNode doc = JSON.readTree(text);
    assertThat(doc.isArray()).isTrue();
    assertThat(doc).hasSize(10);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : doc) {
      assertThat(issue.at("/description").asText()).isNotBlank();
      assertThat(issue.at("/check_name").asText()).matches("HL\\d{3}");
      assertThat(issue.at("/severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
      assertThat(issue.at("/location/path").asText()).startsWith("config/");
      assertThat(issue.at("/location/lines/begin").asInt()).isPositive();
      assertThat(issue.at("/fingerprint").asText()).matches("[0-9a-f]{32}");
      fingerprints.add(issue.at("/fingerprint").asText());
    }
    assertThat(fingerprints).hasSize(doc.size());
  }

  @Test
  void severalFormatsFromOneRun() throws Exception {
    CliRunner r = CliRunner.run("check", "--today", ReportTrees.TODAY, "--fail-on", "none",
        "--format", "sarif", "--output", dir.resolve("a.sarif").toString(),
        "--format", "gitlab", "--output", dir.resolve("gl.json").toString(),
        "--format", "junit", "--output", dir.resolve("j.xml").toString(),
        "--format", "text", tree.toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("[HL201]");
    assertThat(dir.resolve("a.sarif")).exists();
    assertThat(dir.resolve("gl.json")).exists();
    assertThat(dir.resolve("j.xml")).exists();
  }
}
