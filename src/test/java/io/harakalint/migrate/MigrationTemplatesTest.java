package io.harakalint.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection.ini template and the package.json text edit. */
class MigrationTemplatesTest {
  private static final Path SHIPPED = Path.of("test-tools/haraka3/node_modules/Haraka/config/connection.ini");

  @Test
  void withNothingCarriedTheTemplateIsHarakasShippedConnectionIni() throws IOException {
    assumeTrue(Files.isRegularFile(SHIPPED), "Haraka 3.3.4 not installed in test-tools/haraka3 (npm ci there)");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("v", Map.of());
    model.put("extra", Map.of());
    assertThat(MigrateTemplates.render("connection.ini.ftl", model)).isEqualTo(Files.readString(SHIPPED));
  }

  @Test
  void extraHeaderKeysGoAtTheEndOfTheirSection() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("v", Map.of("haproxy.hosts", List.of("hosts[]=192.0.2.9")));
    model.put("extra", Map.of("headers", List.of("; carried over", "future_key=1")));
    String out = MigrateTemplates.render("connection.ini.ftl", model);
    assertThat(out).contains("hosts[]=192.0.2.9\n; hosts[] = 192.0.2.4\n").doesNotContain("hosts[] =\n")
        .contains("max_received=100\n\n; carried over\nfuture_key=1\n\n\n[max]\n");
  }

  @Test
  void packageJsonEditKeepsFormatting() {
    assertThat(JsonEdit.editDependencies("{\n\t\"name\": \"x\",\n\t\"dependencies\": {\n\t\t\"Haraka\": \"~2.8.0\",\n\t\t\"a\": \"1\"\n\t}\n}\n",
        "Haraka", "^3.1.7", Map.of("haraka-plugin-dkim", "*")))
        .isEqualTo("{\n\t\"name\": \"x\",\n\t\"dependencies\": {\n\t\t\"Haraka\": \"^3.1.7\",\n\t\t\"a\": \"1\",\n\t\t\"haraka-plugin-dkim\": \"*\"\n\t}\n}\n");
    assertThat(JsonEdit.editDependencies("{\n  \"dependencies\": {}\n}", null, null, Map.of("Haraka", "^3.1.7")))
        .isEqualTo("{\n  \"dependencies\": {\n    \"Haraka\": \"^3.1.7\"\n  }\n}");
    assertThat(JsonEdit.editDependencies("{\"devDependencies\": {\"dependencies\": {}}}", null, null, Map.of("a", "1"))).isNull();
  }
}
