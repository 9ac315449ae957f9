package io.harakalint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written value tests agree with haraka-config's regexes (as Java spells them). */
class IniTypingScannersTest {
  private static final Pattern INTEGER = Pattern.compile("^-?[0-9]+\\z");
  private static final Pattern FLOAT = Pattern.compile("^-?[0-9]+\\.[0-9]+\\z");
  private static final Pattern TRUTH = Pattern.compile("^(?:true|yes|ok|enabled|on|1)\\z", Pattern.CASE_INSENSITIVE);

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> pieces = Arbitraries.of("-", "0", "7", "42", ".", "..", "e", " ", "+", "true", "TRUE", "Yes", "oK",
        "o\u212A", "ye\u017F", "on", "ON", "1", "enabled", "x", "\u0661", "");
    return pieces.list().ofMaxSize(4).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void numbersAndTruthAgreeWithTheRegexes(@ForAll("values") String v) {
    assertThat(IniTyping.isInteger(v)).as("integer %s", v).isEqualTo(INTEGER.matcher(v).matches());
    assertThat(IniTyping.isFloat(v)).as("float %s", v).isEqualTo(FLOAT.matcher(v).matches());
    assertThat(IniTyping.isTruth(v)).as("truth %s", v).isEqualTo(TRUTH.matcher(v).matches());
  }

  @Example
  void foldsOnlyAsciiLikeJavaScript() {
    assertThat(IniTyping.isTruth("ENABLED")).isTrue();
    assertThat(IniTyping.isTruth("o\u212A")).isFalse(); // Kelvin sign: JS /i does not fold it to k
    assertThat(IniTyping.isFloat("-1.5")).isTrue();
    assertThat(IniTyping.isFloat("1.")).isFalse();
    assertThat(IniTyping.isInteger("-")).isFalse();
  }
}
