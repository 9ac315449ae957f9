package io.harakalint.report;

import io.harakalint.model.Waiver;
import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import io.harakalint.text.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports built in memory, for the report formats' own tests. */
final class SyntheticReports {
  private SyntheticReports() {}

  static RuleMeta rule(String id) {
    return Rules.byId(id).orElseThrow().meta();
  }

  static LintReport of(List<Finding> findings, Map<String, List<String>> files) {
    SourceText text = file -> Optional.ofNullable(files.get(file));
    return new LintReport("0.1.0", "mail", "3.3.4", "package.json", findings, files.size(), 0,
        TreeFiles.inRepository("mail", text));
  }

  /** {@code n} findings over every registered rule, with long messages, in files config/f0..f99. */
  static LintReport many(int n) {
    List<Finding> fs = new ArrayList<>();
    var all = Rules.ALL;
    for (int i = 0; i < n; i++) {
      RuleMeta m = all.get(i % all.size()).meta();
      fs.add(new Finding(m, m.severity(), new Span("config/f" + (i % 100) + ".ini", 1 + i / 100, 1),
          "Finding number " + i + " about key_" + i + " | with a pipe, an <html> tag and `backticks`, as long as a real message tends to be.",
          "anchor-" + i));
    }
    return of(fs, Map.of());
  }

  static Waiver waiver(String rule, String reason, String owner, LocalDate expires) {
    return new Waiver("w-" + rule, rule, null, null, 0, reason, owner, expires, String.valueOf(expires),
        new Span(".haraka-lint.ini", 1, 1), false);
  }
}
