package io.harakalint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.load.MemoryTreeSource;
import io.harakalint.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated trees: each file gets a random BOM, random line endings and trailing white space, and a
 * random subset of the mistakes haraka-lint can fix. Fixing until nothing is left to fix removes
 * every planted mistake, takes few rounds, and a plan whose edits change nothing keeps every byte.
 */
class FixProperties {
  /** A line of a file, and the rule it plants (null for an ordinary line). */
  record Line(String text, String rule) {}

  record File(String name, List<Line> lines) {}

  private static final List<File> MISTAKES = List.of(
      new File("config/relay.ini", List.of(new Line("[relay]", null), new Line("all=true", "HL201"),
          new Line("acl=true ; office printers", "HL102"), new Line("dest_domains=false", null))),
      new File("config/tls.ini", List.of(new Line("[main]", null), new Line("minVersion=TLSv1", "HL304"),
          new Line("no_starttls_ports=2525", "HL313"), new Line("[no_tls_hosts]", null),
          new Line("  [2001:db8::1]", "HL106"), new Line("198.51.100.7", null))),
      new File("config/smtp.ini", List.of(new Line("nodes=1", null), new Line("[main] ; main settings", "HL103"),
          new Line("listen=[::0]:25", null), new Line("ignore_bad_plugins=true", "HL404"))),
      new File("config/relay_acl_allow", List.of(new Line("192.0.2.5/32", null), new Line("2001:db8::25", "HL203"))),
      new File("config/plugins", List.of(new Line("tls", null), new Line("relay", null), new Line("rcpt_to.in_host_list", null),
          new Line("queue/smtp_forward", null), new Line("relay", "HL402"), new Line("dnsbl", "HL403"))));

  record Tree(MemoryTreeSource source, Set<String> planted, String layout) {}

  @Provide
  Arbitrary<Tree> trees() {
    Arbitrary<String> eol = Arbitraries.of("\n", "\r\n");
    Arbitrary<String> trailing = Arbitraries.of("", "", " ", "\t");
    Arbitrary<Boolean> coin = Arbitraries.of(true, false);
    int lines = MISTAKES.stream().mapToInt(f -> f.lines().size()).sum();
    return Combinators.combine(eol.list().ofSize(lines), trailing.list().ofSize(lines), coin.list().ofSize(lines),
        coin.list().ofSize(MISTAKES.size())).as((eols, spaces, keep, boms) -> {
          MemoryTreeSource src = new MemoryTreeSource("generated").put("config/me", "mx.example.com\n");
          Set<String> planted = new TreeSet<>();
          StringBuilder layout = new StringBuilder();
          int i = 0;
          for (int f = 0; f < MISTAKES.size(); f++) {
            File file = MISTAKES.get(f);
            StringBuilder text = new StringBuilder(boms.get(f) ? "\uFEFF" : "");
            for (Line l : file.lines()) {
              int n = i++;
              if (l.rule() != null && !keep.get(n)) continue;
              // No trailing white space after a bare list entry: it is part of the entry to a flat file reader.
              String pad = file.name().endsWith(".ini") ? spaces.get(n) : "";
              text.append(l.text()).append(pad).append(eols.get(n));
              if (l.rule() != null) planted.add(l.rule());
            }
            src.put(file.name(), text.toString());
            layout.append(file.name()).append(":\n").append(text.toString().replace("\r", "\\r")).append('\n');
          }
          return new Tree(src, planted, layout.toString());
        });
  }

  @Property(tries = 60)
  void fixingUntilNothingIsLeftRemovesEveryPlantedMistake(@ForAll("trees") Tree t) {
    MemoryTreeSource src = t.source();
    Set<String> found = new TreeSet<>();
    for (Finding f : FixInvariants.lintAndPlan(src).findings()) found.add(f.ruleId());
    assertThat(found).as("every planted mistake is found before fixing, in%n%s", t.layout()).containsAll(t.planted());
    int rounds = 0;
    while (true) {
      FixInvariants.Round r = FixInvariants.lintAndPlan(src);
      if (r.plan().isEmpty()) {
        List<String> left = new ArrayList<>();
        for (Finding f : r.findings()) if (t.planted().contains(f.ruleId())) left.add(f.ruleId() + " " + f.span() + " " + f.message());
        assertThat(left).as("planted mistakes left after %d rounds in%n%s", rounds, t.layout()).isEmpty();
        break;
      }
      src = FixInvariants.check(src);
      rounds++;
      assertThat(rounds).as("fix rounds for%n%s", t.layout()).isLessThanOrEqualTo(3);
    }
  }

  @Property(tries = 60)
  void aPlanThatChangesNothingKeepsEveryByte(@ForAll("trees") Tree t) {
    FixInvariants.Round r = FixInvariants.lintAndPlan(t.source());
    FixPlan noOp = FixPlan.of(r.tree(), FixInvariants.identities(r.tree(), r.findings()), Set.of());
    for (FixPlan.FileChange c : noOp.changes()) {
      assertThat(new String(c.after(), StandardCharsets.UTF_8)).isEqualTo(new String(c.before().bytes(), StandardCharsets.UTF_8));
      assertThat(c.after()).isEqualTo(t.source().contents().get(c.path()));
    }
    // Files no fix touches are not in the plan at all, so they are not rewritten.
    for (FixPlan.FileChange c : r.plan().changes()) assertThat(c.fixed()).isNotEmpty();
  }
}
