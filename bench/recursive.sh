#!/usr/bin/env bash
# Throughput of `check --recursive` over generated customer trees like samples/hardened (one in ten
# with a mistake, so findings stream too), with the heap capped (default 512 MB): prints trees per
# second, the run's own summary line, and the peak resident memory of the JVM.
# Then, when node and test-tools/haraka-config are there, the same trees loaded by haraka-config alone
# (no rules, no output) in one process per core: what Haraka's own loader sustains on this machine,
# the ceiling the issue's "about 0.1 ms per tree" stands for.
# Usage: bench/recursive.sh [TREES] [HEAP]   (defaults 20000 and 512m; issue 8: >= 5,000 trees/s on
#        2 cores, and 100,000 trees within a 512 MB heap: bench/recursive.sh 100000)
#        REPEAT=K names the folder K times, so K x TREES trees are linted (REPEAT=5 with 20000 is a
#        100,000-tree run without generating 1.4 million files; each tree is still read from disk).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20000}"
heap="${2:-512m}"
dir="${TREES_DIR:-${TMPDIR:-/tmp}/haraka-lint-trees-$n}"

"$here/bin/haraka-lint" --version >/dev/null   # build first, outside the measurement
if [[ ! -f "$dir/.complete" ]]; then
  rm -rf "$dir"
  python3 "$here/bench/gen-trees.py" "$dir" "$n" >/dev/null
  touch "$dir/.complete"
fi
dirs=()
for _ in $(seq "${REPEAT:-1}"); do dirs+=("$dir"); done
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
HARAKA_LINT_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M" -o "$out.rss" \
  "$here/bin/haraka-lint" check --recursive --format jsonl --fail-on none "${dirs[@]}" > "$out"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
trees=$(grep -c '"type":"tree"' "$out" || true)
echo "trees: $trees in $ms ms (wall, JVM start included): $(awk -v t="$trees" -v m="$ms" 'BEGIN {printf "%.0f", t / (m / 1000)}') trees/s on $(nproc) cores"
echo "summary: $(tail -n 1 "$out")"
echo "peak RSS: $(( $(cat "$out.rss") / 1024 )) MB with -Xmx$heap"
rm -f "$out.rss"
tools="$here/test-tools/haraka-config"
if command -v node >/dev/null && [[ -f "$tools/node_modules/haraka-config/package.json" ]]; then
  node_line="$(node "$tools/load-tree-bench.js" --throughput "$(nproc)" "$dir")"
  node_trees=$(cut -f2 <<< "$node_line"); node_ms=$(cut -f3 <<< "$node_line")
  echo "haraka-config alone (load only, $(nproc) processes): $node_trees trees in $node_ms ms: $(awk -v t="$node_trees" -v m="$node_ms" 'BEGIN {printf "%.0f", t / (m / 1000)}') trees/s"
  echo "haraka-lint (load + 68 rules + JSON Lines) / haraka-config (load): $(awk -v a="$trees" -v am="$ms" -v b="$node_trees" -v bm="$node_ms" 'BEGIN {printf "%.2f", (a / am) / (b / bm)}')x the throughput"
else
  echo "haraka-config comparison skipped: node or test-tools/haraka-config/node_modules missing (npm ci there)"
fi
