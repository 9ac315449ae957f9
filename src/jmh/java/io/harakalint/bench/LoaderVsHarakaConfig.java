package io.harakalint.bench;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.RecordingTreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.policy.PolicyLint;
import io.harakalint.rules.LintOptions;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The Java half of bench/loader-vs-haraka-config.sh: warm per-tree time of our loader (and of a
 * whole lint) on trees on disk, printed one line per tree for the script to join with the node
 * half (test-tools/haraka-config/load-tree-bench.js).
 *
 * <p>"Load" is what haraka-config does for the same tree: read every file from disk and parse it,
 * and type every INI file with the booleans its consumer declares ({@code ConfigTree.ini}). "Lint"
 * is {@link PolicyLint#lint}: load, policy, every rule, waivers.
 *
 * <pre>
 * LoaderVsHarakaConfig [--list] [--warmup-ms N] [--tree-warmup-ms N] [--batch-ms N] [--batches N] TREE...
 *   --list   print "FILE&lt;TAB&gt;tree&lt;TAB&gt;path" for every file the loader reads, and nothing else
 *   default  print "RESULT&lt;TAB&gt;tree&lt;TAB&gt;files&lt;TAB&gt;load&lt;TAB&gt;lint", each as "wall µs/cpu µs" per tree
 * </pre>
 *
 * <p>Wall time is what a user waits; process CPU time (all threads: JIT, GC) is what the
 * comparison uses, since on a shared machine a starved process shows long wall times for the same
 * work. Each is the median over the batches. Warm-up and batch lengths are CPU milliseconds: first
 * a warm-up over all trees in turn (load and lint; the compiled code is shared) until the JIT
 * compiler is idle ({@link #warmUp}), then per tree and task a short one before its batches.
 */
public final class LoaderVsHarakaConfig {
  private static long sink;

  private LoaderVsHarakaConfig() {}

  public static void main(String[] args) {
    boolean list = false;
    long warmupMs = 8000;
    long treeWarmupMs = 300;
    long batchMs = 500;
    int batches = 5;
    List<String> trees = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--list" -> list = true;
        case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
        case "--tree-warmup-ms" -> treeWarmupMs = Long.parseLong(args[++i]);
        case "--batch-ms" -> batchMs = Long.parseLong(args[++i]);
        case "--batches" -> batches = Integer.parseInt(args[++i]);
        default -> trees.add(args[i]);
      }
    }
    if (list) {
      for (String t : trees) for (String p : filesRead(t)) System.out.println("FILE\t" + t + "\t" + p);
      return;
    }
    warmUp(trees, warmupMs);
    for (String t : trees) {
      String load = microsPerTree(t, LoaderVsHarakaConfig::load, treeWarmupMs, batchMs, batches);
      String lint = microsPerTree(t, LoaderVsHarakaConfig::lint, treeWarmupMs, batchMs, batches);
      System.out.printf("RESULT\t%s\t%d\t%s\t%s%n", t, filesRead(t).size(), load, lint);
    }
    if (sink == 42) System.out.println();
  }

  /** Every file our loader reads for a tree, relative to the tree. */
  static List<String> filesRead(String tree) {
    RecordingTreeSource source = new RecordingTreeSource(new FileSystemTreeSource(Path.of(tree), tree));
    typeEveryIni(ConfigLoader.load(source, null));
    return source.readPaths();
  }

  static int load(String tree) {
    return typeEveryIni(ConfigLoader.load(new FileSystemTreeSource(Path.of(tree), tree), null));
  }

  static int lint(String tree) {
    return PolicyLint.lint(new FileSystemTreeSource(Path.of(tree), tree), null, null, LintOptions.DEFAULTS, true)
        .findings().size();
  }

  /** haraka-config types INI values while it reads them; our loader does it on first use. */
  static int typeEveryIni(ConfigTree tree) {
    int n = 0;
    for (String name : tree.fileNames()) if (name.endsWith(".ini")) n += tree.ini(name).sectionNames().size();
    return n;
  }

  /**
   * "wall/cpu": medians over batches of wall and process CPU µs per call, after a warm-up. The
   * warm-up and every batch last until the process has used the given CPU time (JIT and GC threads
   * included), not wall time: on a shared machine a starved JVM would otherwise be measured before
   * its compiler has finished. (getProcessCpuTime ticks in 10 ms steps here, hence long batches.)
   */
  static String microsPerTree(String tree, ToIntFunction<String> work, long warmupMs, long batchMs, int batches) {
    long warmEnd = cpuNanos() + warmupMs * 1_000_000;
    while (cpuNanos() < warmEnd) sink += work.applyAsInt(tree);
    double[] wall = new double[batches];
    double[] cpu = new double[batches];
    for (int b = 0; b < batches; b++) {
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      long cpuStop = cpuStart + batchMs * 1_000_000;
      long calls = 0;
      long cpuNow;
      do {
        sink += work.applyAsInt(tree);
        calls++;
        cpuNow = cpuNanos();
      } while (cpuNow < cpuStop);
      cpu[b] = (cpuNow - cpuStart) / 1000.0 / calls;
      wall[b] = (System.nanoTime() - start) / 1000.0 / calls;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return String.format(Locale.ROOT, "%.1f/%.1f", wall[batches / 2], cpu[batches / 2]);
  }

  /**
   * Loads and lints every tree in turn for at least {@code minMs} of process CPU, then until the JIT
   * compiler is idle: less than 1% of a 1 s window spent compiling (at most 120 s of CPU). The
   * linter is a lot of code, and on a busy 2-core machine C2 was still compiling 20 s in, which
   * both slows the measured code and, in process CPU time, bills its compiling to it.
   */
  static void warmUp(List<String> trees, long minMs) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = cpuNanos();
    long windowStart = start;
    long compiledAtWindowStart = jit.getTotalCompilationTime();
    while (true) {
      for (String t : trees) sink += load(t) + lint(t);
      long now = cpuNanos();
      if (now - windowStart < 1_000_000_000L) continue;
      long compiling = jit.getTotalCompilationTime() - compiledAtWindowStart;
      if (now - start >= minMs * 1_000_000 && compiling * 100 < (now - windowStart) / 1_000_000) return;
      if (now - start > 120_000_000_000L) {
        System.err.println("warning: the JIT compiler was still busy after 120 s of warm-up");
        return;
      }
      windowStart = now;
      compiledAtWindowStart = jit.getTotalCompilationTime();
    }
  }

  /** CPU time of the whole process (every thread). */
  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
