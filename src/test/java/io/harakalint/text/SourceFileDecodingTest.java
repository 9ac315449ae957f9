package io.harakalint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths of {@link SourceFile#of}: the allocation-free UTF-8 check agrees with the JDK's
 * strict decoder, and whichever path decodes a file, the text is what the WHATWG decoder (Node's)
 * gives, which HarakaConfigFidelityTest checks against haraka-config.
 */
class SourceFileDecodingTest {
  @Provide
  Arbitrary<byte[]> utf8ish() {
    Arbitrary<byte[]> pieces = Arbitraries.of(
        new byte[] {'a'}, new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {'\n'}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    return Arbitraries.oneOf(
        pieces.list().ofMaxSize(8).map(SourceFileDecodingTest::concat),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
  }

  private static byte[] concat(java.util.List<byte[]> parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  @Property(tries = 5000)
  void validityAgreesWithTheJdksStrictDecoder(@ForAll("utf8ish") byte[] bytes) {
    boolean jdk;
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      jdk = true;
    } catch (CharacterCodingException e) {
      jdk = false;
    }
    assertThat(SourceFile.isValidUtf8(bytes)).isEqualTo(jdk);
    assertThat(SourceFile.of("f", bytes).isValidUtf8()).isEqualTo(jdk);
  }

  @Property(tries = 2000)
  void validTextDecodesAsTheJdkDoes(@ForAll("utf8ish") byte[] bytes) {
    if (!SourceFile.isValidUtf8(bytes)) return;
    assertThat(SourceFile.of("f", bytes).text()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }
}
