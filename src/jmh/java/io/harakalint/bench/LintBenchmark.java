package io.harakalint.bench;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.PolicyFile;
import io.harakalint.policy.PolicyLint;
import io.harakalint.rules.Category;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rule;
import io.harakalint.rules.Rules;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rule engine per tree. {@code rules}: a {@link Linter} over a tree loaded once, with one rule
 * category or all ({@code -p category=TLS_AUTH}); the tree's typed views are built on the first call
 * and reused after, so this is the rules' own work. {@code lintFromMemory}: a fresh tree every call,
 * then policy, rules and waivers ({@link PolicyLint}), i.e. everything {@code check} does per tree
 * except reading the disk and rendering.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LintBenchmark {
  @Param({"samples/hardened", "samples/legacy-java8", "samples/open-relay", "samples/v2-upgrade"})
  public String tree;

  /** ALL, or a {@link Category} name. */
  @Param({"ALL"})
  public String category;

  private MemoryTreeSource memory;
  private ConfigTree loaded;
  private Linter linter;

  @Setup
  public void setUp() {
    memory = BenchTrees.inMemory(tree);
    loaded = ConfigLoader.load(memory, null);
    List<Rule> rules = category.equals("ALL") ? Rules.ALL
        : Rules.ALL.stream().filter(r -> r.meta().category() == Category.valueOf(category)).toList();
    linter = new Linter(rules, LintOptions.DEFAULTS, PolicyFile.NONE);
  }

  @Benchmark
  public int rules() {
    return linter.lint(loaded).size();
  }

  @Benchmark
  public int lintFromMemory() {
    return PolicyLint.lint(memory, null, null, LintOptions.DEFAULTS, true).findings().size();
  }
}
