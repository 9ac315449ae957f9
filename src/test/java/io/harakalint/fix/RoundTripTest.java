package io.harakalint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.text.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Fixes rewrite the text haraka-lint read; with no edit it must come back byte for byte. */
class RoundTripTest {
  @Test
  void everySampleFileRoundTrips() throws IOException {
    Path samples = Path.of(System.getProperty("project.root", ".")).resolve("samples");
    int n = 0;
    try (Stream<Path> s = Files.walk(samples)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        SourceFile f = SourceFile.of(p.toString(), bytes);
        if (!f.isValidUtf8()) continue;
        assertThat(f.text().getBytes(StandardCharsets.UTF_8)).as(p.toString()).isEqualTo(bytes);
        n++;
      }
    }
    assertThat(n).isGreaterThan(40);
  }

  @Property(tries = 500)
  void anyValidTextWithBomAndMixedLineEndingsRoundTrips(@ForAll @StringLength(max = 300) String body) {
    String text = "\uFEFF" + body.replace("\u0000", "") + "\r\nk=v\r" + "x\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    SourceFile f = SourceFile.of("config/x.ini", bytes);
    if (!f.isValidUtf8()) return; // lone surrogates in generated strings are not valid UTF-8 text
    assertThat(f.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    int lines = f.lines().size();
    StringBuilder rebuilt = new StringBuilder();
    for (int i = 1; i <= lines; i++) rebuilt.append(f.line(i).text()).append(f.lineEnding(i));
    assertThat(rebuilt.toString()).isEqualTo(f.text());
  }
}
