package io.harakalint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.Fix;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import io.harakalint.text.SourceFile;
import io.harakalint.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold for any tree, shared by the Jazzer target and the jqwik properties: loading,
 * linting and planning fixes never throw (refusals are listed in {@link FixPlan#skipped()}), a plan
 * whose edits put back the text they replace changes no byte, and the fixed tree loads and lints.
 */
final class FixInvariants {
  private FixInvariants() {}

  record Round(ConfigTree tree, List<Finding> findings, FixPlan plan) {}

  static Round lintAndPlan(MemoryTreeSource src) {
    ConfigTree tree = ConfigLoader.load(src, null);
    List<Finding> findings = new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(tree);
    return new Round(tree, findings, FixPlan.of(tree, findings, Set.of()));
  }

  /** Checks one round and returns the tree with the plan applied. */
  static MemoryTreeSource check(MemoryTreeSource src) {
    Round r = lintAndPlan(src);
    FixPlan noOp = FixPlan.of(r.tree(), identities(r.tree(), r.findings()), Set.of());
    for (FixPlan.FileChange c : noOp.changes()) {
      assertThat(c.after()).as("a no-op plan keeps every byte of %s", c.path()).isEqualTo(c.before().bytes());
    }
    assertThat(FixPlan.of(r.tree(), List.of(), Set.of()).isEmpty()).isTrue();
    MemoryTreeSource fixed = applied(src, r.plan());
    lintAndPlan(fixed);
    return fixed;
  }

  static MemoryTreeSource applied(MemoryTreeSource src, FixPlan plan) {
    MemoryTreeSource out = new MemoryTreeSource(src.displayName());
    Map<String, byte[]> contents = src.contents();
    contents.forEach(out::put);
    for (FixPlan.FileChange c : plan.changes()) out.put(c.path(), c.after());
    return out;
  }

  /** The findings with fixes whose every edit replaces a range by the text already there. */
  static List<Finding> identities(ConfigTree tree, List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.fix() == null) continue;
      List<TextEdit> same = new ArrayList<>();
      for (TextEdit e : f.fix().edits()) {
        SourceFile file = tree.source(e.file().substring(tree.configPrefix().length())).orElse(null);
        if (file == null) continue;
        String was = file.text().substring(file.offsetOf(e.line(), e.column()), file.offsetOf(e.endLine(), e.endColumn()));
        same.add(new TextEdit(e.file(), e.line(), e.column(), e.endLine(), e.endColumn(), was));
      }
      out.add(new Finding(f.rule(), f.severity(), f.span(), f.message(), f.anchor(), null, Finding.Status.OPEN,
          new Fix("nothing", same)));
    }
    return out;
  }
}
