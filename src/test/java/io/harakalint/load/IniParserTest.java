package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.IniDocument;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniValue;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class IniParserTest {
  private static IniFile typed(String text, String... booleans) {
    IniDocument doc = IniParser.parse(SourceFile.of("config/x.ini", text));
    return new IniFile("config/x.ini", doc, List.of(booleans));
  }

  @Test
  void keysBeforeAnySectionAreInMainAndPositionsAreOneBased() {
    IniFile f = typed("\uFEFF; c\r\nport = 2525\r\n[tls]\r\n  key=a.pem\r\n");
    assertThat(f.get("main", "port").orElseThrow().value()).isEqualTo(new IniValue.Num(2525, true));
    assertThat(f.get("main", "port").orElseThrow().span().line()).isEqualTo(2);
    assertThat(f.get("main", "port").orElseThrow().span().column()).isEqualTo(8);
    assertThat(f.get("tls", "key").orElseThrow().keySpan().column()).isEqualTo(3);
  }

  @Test
  void inlineCommentStaysInTheValueAndMakesADeclaredBooleanFalse() {
    IniFile f = typed("[relay]\nacl=true ; note\nlimit=10 ; x\n", "+relay.acl");
    assertThat(f.bool("relay", "acl").orElseThrow().value()).isFalse();
    assertThat(f.get("relay", "limit").orElseThrow().value()).isEqualTo(new IniValue.Str("10 ; x"));
  }

  @Test
  void undeclaredBooleansAreStringsAndDefaultsExistWithoutTheFile() {
    IniFile f = typed("flag=false\n", "+main.on");
    assertThat(f.get("main", "flag").orElseThrow().value()).isEqualTo(new IniValue.Str("false"));
    assertThat(f.get("main", "flag").orElseThrow().value().isTruthy()).isTrue();
    IniFile missing = new IniFile("config/y.ini", null, List.of("-relay.all"));
    assertThat(missing.bool("relay", "all").orElseThrow().value()).isFalse();
  }

  @Test
  void continuationJoinsWithoutTrimmingAndHeaderInsideIsKept() {
    IniFile f = typed("a=1 \\\n  2\nb=x\\\n[s3]\nc=y\n");
    assertThat(f.get("main", "a").orElseThrow().value()).isEqualTo(new IniValue.Str("1   2"));
    assertThat(f.get("s3", "b").orElseThrow().value()).isEqualTo(new IniValue.Str("xc=y"));
  }

  @Test
  void headerWithCommentIsInvalidAndKeysStayAbove() {
    IniDocument doc = IniParser.parse(SourceFile.of("x.ini", "[a]\n[b] ; c\nk=1\n"));
    assertThat(doc.diagnostics()).extracting(LoadDiagnostic::kind).containsExactly(LoadDiagnostic.Kind.HEADER_WITH_COMMENT);
    assertThat(doc.entries().get(0).section()).isEqualTo("a");
  }

  @Test
  void invalidLineDetailNeverShowsMoreThanTheFirstWord() {
    IniDocument doc = IniParser.parse(SourceFile.of("x.ini", "[users]\nbob smith=hunter2secret\n"));
    assertThat(doc.diagnostics().get(0).detail()).isEqualTo("bob…").doesNotContain("hunter2");
  }

  @Test
  void arraysLeadingZerosAndBareKeys() {
    IniFile f = typed("[h]\nhosts[]=10.0.0.1\nhosts[]=0755\n[no_tls_hosts]\n2001:db8::1\n");
    IniValue.Arr arr = (IniValue.Arr) f.get("h", "hosts").orElseThrow().value();
    assertThat(arr.items()).extracting(IniValue.Element::value)
        .containsExactly(new IniValue.Str("10.0.0.1"), new IniValue.Num(755, true));
    assertThat(f.get("no_tls_hosts", "2001:db8::1").orElseThrow().value()).isEqualTo(IniValue.UNDEFINED);
  }
}
