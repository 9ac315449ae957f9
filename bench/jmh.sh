#!/usr/bin/env bash
# JMH benchmarks of the loader and the rule engine (src/jmh/java, built by `mvn -Pjmh package` into
# target/benchmarks.jar), with short settings: one fork, 3 x 1 s warm-up, 3 x 1 s measurement, and
# JMH's gc profiler for the bytes allocated per tree (gc.alloc.rate.norm).
#   1. LoaderBenchmark.loadFromDisk / loadFromMemory and LintBenchmark.rules / lintFromMemory on the
#      four samples and a generated big tree (bench/lib.sh make_big_tree);
#   2. LintBenchmark.rules per rule category on samples/legacy-java8 (the tree with most findings).
# Usage: bench/jmh.sh [extra JMH options]   (NO_BUILD=1 reuses target/benchmarks.jar; JMH's own
#        options after it, e.g. -i 5 -r 2s, or a benchmark regex to run only some)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

if [[ "${NO_BUILD:-}" != 1 || ! -f "$here/target/benchmarks.jar" ]]; then
  (cd "$here" && mvn -B -q -Dstyle.color=never -Pjmh package) >/dev/null \
    || { echo "building target/benchmarks.jar failed (mvn -Pjmh package)" >&2; exit 2; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_big_tree "$work/big"
cd "$here"

short=(-f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc)
trees="samples/hardened,samples/legacy-java8,samples/open-relay,samples/v2-upgrade,$work/big"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $("$java_bin" -version 2>&1 | head -1)"

"$java_bin" -jar target/benchmarks.jar "${short[@]}" -p tree="$trees" -p category=ALL "$@" \
  'io.harakalint.bench.(LoaderBenchmark|LintBenchmark)' | tee "$work/per-tree.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' \
  | grep -vE ':(gc\.(alloc\.rate|count|time|churn)|·gc\.(alloc\.rate|count|time))( |$)' | sed "s#$work/big#big-tree#"
echo
"$java_bin" -jar target/benchmarks.jar "${short[@]}" -p tree=samples/legacy-java8 \
  -p category=INI,RELAY,TLS_AUTH,CERTIFICATES,PLUGINS,SECRETS,VERSIONS,POLICY "$@" 'io.harakalint.bench.LintBenchmark.rules$' \
  | tee "$work/per-category.txt" | grep -E '^(Benchmark|LintBenchmark\.)' \
  | grep -vE ':(gc\.(alloc\.rate|count|time|churn)|·gc\.(alloc\.rate|count|time))( |$)'
