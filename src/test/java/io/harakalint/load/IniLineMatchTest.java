package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.text.JsPatterns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written line scanners agree with the regex transcriptions of haraka-config's
 * lib/regex.js they replaced (which HarakaConfigFidelityTest had checked against haraka-config), on
 * lines built from the characters that matter: key characters, '=', brackets, JS white space and
 * line terminators, backslashes and anything else.
 */
class IniLineMatchTest {
  private static final String WS = JsPatterns.WS;
  private static final Pattern SECTION = Pattern.compile("^" + WS + "*\\[([^\\]]*)\\]" + WS + "*\\z");
  private static final Pattern PARAM = Pattern.compile(
      "^" + WS + "*([A-Za-z0-9_@:._+\\-/\\[\\]]+)" + WS + "*(?:(=)" + WS + "*(" + JsPatterns.DOT + "*?)" + WS + "*)?\\z");
  private static final Pattern CONTINUATION = Pattern.compile("\\\\[ \\t]*\\z");

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<Character> interesting = Arbitraries.of('a', 'Z', '0', '_', '@', ':', '.', '+', '-', '/', '[', ']', '=',
        ' ', '\t', '\u000B', '\u00A0', '\u2003', '\u2028', '\u2029', '\uFEFF', '\\', ';', '#', 'é', '"', '\u0085');
    return Arbitraries.oneOf(
        interesting.list().ofMaxSize(14).map(IniLineMatchTest::join),
        Arbitraries.strings().ofMaxLength(20));
  }

  private static String join(java.util.List<Character> cs) {
    StringBuilder b = new StringBuilder();
    cs.forEach(b::append);
    return b.toString();
  }

  @Property(tries = 20000)
  void sectionAgreesWithTheRegex(@ForAll("lines") String line) {
    Matcher m = SECTION.matcher(line);
    int[] s = IniLineMatch.section(line);
    assertThat(s != null).as("matches %s", line).isEqualTo(m.matches());
    if (s != null) assertThat(new int[] {m.start(1), m.end(1)}).isEqualTo(s);
  }

  @Property(tries = 20000)
  void paramAgreesWithTheRegex(@ForAll("lines") String line) {
    Matcher m = PARAM.matcher(line);
    int[] p = IniLineMatch.param(line);
    assertThat(p != null).as("matches %s", line).isEqualTo(m.matches());
    if (p == null) return;
    assertThat(new int[] {p[0], p[1]}).isEqualTo(new int[] {m.start(1), m.end(1)});
    if (m.group(2) == null) {
      assertThat(p[2]).isEqualTo(-1);
    } else {
      assertThat(new int[] {p[2], p[3]}).isEqualTo(new int[] {m.start(3), m.end(3)});
    }
  }

  @Property(tries = 20000)
  void continuationAgreesWithTheRegex(@ForAll("lines") String line) {
    Matcher m = CONTINUATION.matcher(line);
    assertThat(IniLineMatch.continuation(line)).isEqualTo(m.find() ? m.start() : -1);
  }

  @Example
  void examples() {
    assertThat(IniLineMatch.param("  acl = true ; note ")).containsExactly(2, 5, 8, 19);
    assertThat(IniLineMatch.param("k=")).containsExactly(0, 1, 2, 2);
    assertThat(IniLineMatch.param("k")).containsExactly(0, 1, -1, -1);
    assertThat(IniLineMatch.param("k=a\u2028b")).isNull();
    assertThat(IniLineMatch.param("k=ab\u2028")).containsExactly(0, 1, 2, 4);
    assertThat(IniLineMatch.section(" [2001:db8::1] ")).containsExactly(2, 13);
    assertThat(IniLineMatch.section("[x] ; c")).isNull();
    assertThat(IniLineMatch.continuation("a=1 \\ \t")).isEqualTo(4);
  }
}
