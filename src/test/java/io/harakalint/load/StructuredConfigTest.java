package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniValue;
import io.harakalint.model.StructuredValue;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON/YAML/HJSON files and haraka-config's "!file" overrides (reference §1.7). */
class StructuredConfigTest {
  private static ConfigTree load(String... pathsAndContents) {
    MemoryTreeSource src = new MemoryTreeSource("t");
    for (int i = 0; i < pathsAndContents.length; i += 2) src.put(pathsAndContents[i], pathsAndContents[i + 1]);
    return ConfigLoader.load(src, null);
  }

  private static List<Finding> lint(ConfigTree t) {
    return new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(t);
  }

  @Test
  void bangKeyInSmtpJsonReplacesTheIniFileWithNativeTypes() {
    ConfigTree t = load("config/smtp.json", "{\n  \"!relay.ini\": {\n    \"relay\": {\"all\": true}\n  }\n}\n",
        "config/relay.ini", "[relay]\nall=false\n", "config/plugins", "relay\n");
    assertThat(t.relay().all().value()).isTrue();
    List<Finding> f = lint(t);
    assertThat(f).anySatisfy(x -> {
      assertThat(x.ruleId()).isEqualTo("HL201");
      assertThat(x.span().file()).isEqualTo("config/smtp.json");
      assertThat(x.span().line()).isEqualTo(3);
    });
  }

  @Test
  void smtpYamlIsUsedOnlyWhenSmtpJsonIsMissingAndYesIsAString() {
    ConfigTree t = load("config/smtp.yaml", "\"!smtp.ini\":\n  main:\n    ignore_bad_plugins: no\n", "config/plugins", "tls\n");
    assertThat(t.smtp().ignoreBadPlugins().orElseThrow().value()).isEqualTo(new IniValue.Str("no"));
    assertThat(t.smtp().ignoreBadPlugins().orElseThrow().span().line()).isEqualTo(3);
    ConfigTree both = load("config/smtp.json", "{}", "config/smtp.yaml", "\"!smtp.ini\":\n  main:\n    x: 1\n", "config/plugins", "tls\n");
    assertThat(both.fileOverrides()).isEmpty();
  }

  @Test
  void pluginsListCanBeOverriddenToo() {
    ConfigTree t = load("config/smtp.json", "{\"!plugins\": [\"tls\", \"relay\", \"relay\"]}", "config/plugins", "tls\n");
    assertThat(t.plugins().all()).extracting(p -> p.name()).containsExactly("tls", "relay", "relay");
    assertThat(lint(t)).extracting(Finding::ruleId).contains("HL402");
  }

  @Test
  void brokenJsonIsAFindingNotACrash() {
    ConfigTree t = load("config/aliases.json", "{\"a\": [1, 2,\n", "config/plugins", "tls\n");
    assertThat(lint(t)).anySatisfy(x -> {
      assertThat(x.ruleId()).isEqualTo("HL107");
      assertThat(x.message()).contains("does not parse").contains("empty config");
    });
  }

  @Test
  void hjsonAndYamlParseWithUnsafeKeysDropped() {
    ConfigTree t = load("config/a.hjson", "{\n  # comment\n  key: value\n  __proto__: {x: 1}\n}\n",
        "config/b.yaml", "k: 0o755\nconstructor: 1\n", "config/plugins", "tls\n");
    StructuredValue.Obj a = (StructuredValue.Obj) t.structured("a.hjson").orElseThrow();
    assertThat(a.members()).containsOnlyKeys("key");
    StructuredValue.Obj b = (StructuredValue.Obj) t.structured("b.yaml").orElseThrow();
    assertThat(((StructuredValue.Scalar) b.members().get("k").value()).value()).isEqualTo(493.0);
    assertThat(b.members()).containsOnlyKeys("k");
  }
}
