package io.harakalint.bench;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.model.ConfigTree;
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
 * The loader per tree: from disk (what {@code check} pays) and from memory (parsing alone, as for
 * a git tree). Both type every INI file, as haraka-config does while reading. Trees are paths
 * relative to the working directory (bench/jmh.sh runs from the project root); {@code -p tree=...}
 * adds others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoaderBenchmark {
  @Param({"samples/hardened", "samples/legacy-java8", "samples/open-relay", "samples/v2-upgrade"})
  public String tree;

  private MemoryTreeSource memory;

  @Setup
  public void setUp() {
    memory = BenchTrees.inMemory(tree);
  }

  @Benchmark
  public int loadFromDisk() {
    return LoaderVsHarakaConfig.typeEveryIni(ConfigLoader.load(BenchTrees.onDisk(tree), null));
  }

  @Benchmark
  public int loadFromMemory() {
    ConfigTree t = ConfigLoader.load(memory, null);
    return LoaderVsHarakaConfig.typeEveryIni(t);
  }
}
