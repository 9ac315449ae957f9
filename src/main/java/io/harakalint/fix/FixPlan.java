package io.harakalint.fix;

import io.harakalint.model.ConfigTree;
import io.harakalint.rules.Finding;
import io.harakalint.text.SourceFile;
import io.harakalint.text.TextEdit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixes of a set of findings, grouped by file and applied to the text exactly as read: only the
 * edited ranges change, so comments, order, blank lines, CRLF, a BOM and trailing white space
 * elsewhere stay byte for byte. Overlapping edits are refused (the later finding is skipped and
 * reported), never merged by guesswork.
 */
public final class FixPlan {
  /** A file's new content, and the findings whose fixes went into it. */
  public record FileChange(SourceFile before, byte[] after, List<Finding> fixed) {
    public String path() {
      return before.path();
    }
  }

  private final Map<String, FileChange> changes = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();

  private FixPlan() {}

  /** Plans the fixes of {@code findings} (only those of {@code rules}, if not empty). */
  public static FixPlan of(ConfigTree tree, List<Finding> findings, Set<String> rules) {
    FixPlan plan = new FixPlan();
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (f.fix() == null || (!rules.isEmpty() && !rules.contains(f.ruleId()))) continue;
      for (TextEdit e : f.fix().edits()) byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      String name = e.getKey().substring(tree.configPrefix().length());
      SourceFile file = tree.source(name).orElse(null);
      if (file == null) {
        plan.skipped.add(e.getKey() + ": not a file haraka-lint read; not changed");
        continue;
      }
      if (!file.isValidUtf8()) {
        plan.skipped.add(e.getKey() + ": not valid UTF-8, so it cannot be rewritten without changing other bytes; not changed");
        continue;
      }
      plan.apply(file, e.getValue());
    }
    return plan;
  }

  private void apply(SourceFile file, List<Finding> findings) {
    record Placed(int start, int end, String text, Finding finding) {}
    List<Placed> placed = new ArrayList<>();
    List<Finding> fixed = new ArrayList<>();
    for (Finding f : findings.stream().distinct().toList()) {
      List<Placed> mine = new ArrayList<>();
      for (TextEdit e : f.fix().edits()) {
        if (!e.file().equals(file.path())) continue;
        mine.add(new Placed(file.offsetOf(e.line(), e.column()), file.offsetOf(e.endLine(), e.endColumn()), e.replacement(), f));
      }
      boolean overlaps = mine.stream().anyMatch(m -> placed.stream().anyMatch(p -> m.start() < p.end() && p.start() < m.end()
          || (m.start() == m.end() && m.start() == p.start())));
      if (overlaps) {
        skipped.add(file.path() + ":" + f.span().line() + " [" + f.ruleId() + "]: its edit overlaps another fix; run fix again afterwards");
        continue;
      }
      placed.addAll(mine);
      fixed.add(f);
    }
    if (placed.isEmpty()) return;
    placed.sort(Comparator.comparingInt(Placed::start));
    String text = file.text();
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (Placed p : placed) {
      out.append(text, at, p.start()).append(p.text());
      at = p.end();
    }
    out.append(text, at, text.length());
    changes.put(file.path(), new FileChange(file, out.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(fixed)));
  }

  public List<FileChange> changes() {
    return List.copyOf(changes.values());
  }

  /** Why some fixes were not planned (overlaps, files that cannot be rewritten exactly). */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
