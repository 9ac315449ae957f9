package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import org.junit.jupiter.api.Test;

/** The shipped copies in node_modules as haraka-config's defaults layer (reference §1.2, §1.9). */
class DefaultsLayerTest {
  private static ConfigTree load(String... pathsAndContents) {
    MemoryTreeSource src = new MemoryTreeSource("t");
    for (int i = 0; i < pathsAndContents.length; i += 2) src.put(pathsAndContents[i], pathsAndContents[i + 1]);
    return ConfigLoader.load(src, null);
  }

  @Test
  void shippedValueAppliesWhenTheLocalFileIsSilentAndPointsIntoTheShippedFile() {
    ConfigTree t = load("config/plugins", "auth/flat_file\n",
        "config/auth_flat_file.ini", "[users]\nbob=x\n",
        "node_modules/Haraka/package.json", "{\"version\": \"3.1.6\"}",
        "node_modules/Haraka/config/auth_flat_file.ini", "[core]\nmethods=CRAM-MD5\n");
    Located<String> methods = t.authFlatFile().methods().orElseThrow();
    assertThat(methods.value()).isEqualTo("CRAM-MD5");
    assertThat(methods.span().file()).isEqualTo("node_modules/Haraka/config/auth_flat_file.ini");
    assertThat(t.authFlatFile().users()).hasSize(1);
  }

  @Test
  void localFileWinsPerKeyAndADeclaredBooleanItOmitsResetsToTheDeclaredDefault() {
    ConfigTree t = load("config/plugins", "relay\n",
        "config/relay.ini", "[relay]\nacl=true\n",
        "node_modules/haraka-plugin-relay/package.json", "{\"version\": \"1.0.2\"}",
        "node_modules/haraka-plugin-relay/config/relay.ini", "[relay]\nall=true\nacl=false\n");
    assertThat(t.relay().acl().value()).isTrue();
    assertThat(t.relay().all().value()).as("-relay.all default from the local parse beats the shipped true").isFalse();
  }

  @Test
  void withoutALocalFileTheShippedOneApplies() {
    ConfigTree t = load("config/plugins", "relay\n",
        "node_modules/haraka-plugin-relay/package.json", "{\"version\": \"1.0.2\"}",
        "node_modules/haraka-plugin-relay/config/relay.ini", "[relay]\nall=true\n");
    assertThat(t.relay().all().value()).isTrue();
    assertThat(t.relay().all().span().file()).isEqualTo("node_modules/haraka-plugin-relay/config/relay.ini");
  }

  @Test
  void anEmptyLocalListKeepsTheShippedList() {
    ConfigTree t = load("config/plugins", "rcpt_to.in_host_list\n", "config/host_list", "# none yet\n",
        "node_modules/Haraka/package.json", "{\"version\": \"3.1.6\"}",
        "node_modules/Haraka/config/host_list", "haraka.local\n");
    assertThat(t.hostList()).extracting(Located::value).containsExactly("haraka.local");
  }

  @Test
  void coreFilesHaveNoDefaultsLayer() {
    ConfigTree t = load("config/plugins", "tls\n",
        "node_modules/Haraka/package.json", "{\"version\": \"3.1.6\"}",
        "node_modules/Haraka/config/tls.ini", "[main]\nminVersion=TLSv1\n");
    assertThat(t.tls().inbound("minVersion")).isEmpty();
  }
}
