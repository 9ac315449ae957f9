package io.harakalint.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.text.Span;
import org.junit.jupiter.api.Test;

/** relay_acl_allow semantics of relay 1.0.1 and 1.0.2, as verified in the reference (§5). */
class AclEntryTest {
  private static AclEntry parse(String s) {
    return AclEntry.parse(new Located<>(s, new Span("config/relay_acl_allow", 1, 1)));
  }

  private static String block(AclEntry.Effect e) {
    return e instanceof AclEntry.Effect.Allows a ? a.block().toCanonicalString() : e.getClass().getSimpleName();
  }

  @Test
  void theSameTextInTwoTreesSharesItsParseButKeepsItsOwnPosition() {
    Located<String> a = new Located<>("198.51.100.7/32", new Span("config/relay_acl_allow", 3, 1));
    Located<String> b = new Located<>("198.51.100.7/32", new Span("config/relay_acl_allow", 9, 1));
    AclEntry first = AclEntry.parse(a);
    AclEntry second = AclEntry.parse(b);
    assertThat(first.raw()).isSameAs(a);
    assertThat(second.raw()).isSameAs(b);
    assertThat(second.currentEffect()).isEqualTo(first.currentEffect());
    assertThat(block(second.currentEffect())).isEqualTo("198.51.100.7/32");
  }

  @Test
  void bareIpv6BecomesASlash32InBothVersions() {
    AclEntry e = parse("2001:db8::1");
    assertThat(block(e.legacyEffect())).isEqualTo("2001:db8::/32");
    assertThat(block(e.currentEffect())).isEqualTo("2001:db8::/32");
  }

  @Test
  void slashZeroIsOpenOnLegacyAndAHostOnCurrent() {
    AclEntry e = parse("0.0.0.0/0");
    assertThat(e.legacyEffect()).isInstanceOf(AclEntry.Effect.Everything.class);
    assertThat(block(e.currentEffect())).isEqualTo("0.0.0.0/32");
    assertThat(block(parse("::/0").currentEffect())).isEqualTo("::/128");
  }

  @Test
  void inlineCommentAfterMaskIsOpenOnLegacyAndStrippedOnCurrent() {
    AclEntry e = parse("10.0.0.0/8 # office");
    assertThat(e.legacyEffect()).isInstanceOf(AclEntry.Effect.Everything.class);
    assertThat(block(e.currentEffect())).isEqualTo("10.0.0.0/8");
  }

  @Test
  void negativeMaskIsOpenOnCurrent() {
    assertThat(parse("192.0.2.1/-1").currentEffect()).isInstanceOf(AclEntry.Effect.Everything.class);
    assertThat(parse("192.0.2.1/abc").legacyEffect()).isInstanceOf(AclEntry.Effect.Everything.class);
    assertThat(block(parse("192.0.2.1/abc").currentEffect())).isEqualTo("192.0.2.1/32");
  }

  @Test
  void invalidAddressesAreIgnored() {
    assertThat(parse("mail.example.com").currentEffect()).isInstanceOf(AclEntry.Effect.Ignored.class);
    assertThat(parse("010.0.0.1/32").currentEffect()).isInstanceOf(AclEntry.Effect.Ignored.class);
    assertThat(parse("# just a comment").currentEffect()).isInstanceOf(AclEntry.Effect.Ignored.class);
  }
}
