#!/usr/bin/env bash
# Throughput of `check --recursive` over generated customer trees like samples/hardened (one in ten
# with a mistake, so findings stream too), with the heap capped (default 512 MB): prints trees per
# second, the run's own summary line, and the peak resident memory of the JVM.
# Usage: bench/recursive.sh [TREES] [HEAP]   (defaults 20000 and 512m; issue 8: >= 5,000 trees/s on
#        2 cores, and 100,000 trees within a 512 MB heap: bench/recursive.sh 100000)
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
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
HARAKA_LINT_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M" -o "$out.rss" \
  "$here/bin/haraka-lint" check --recursive --format jsonl --fail-on none "$dir" > "$out"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
trees=$(grep -c '"type":"tree"' "$out" || true)
echo "trees: $trees in $ms ms (wall, JVM start included): $(awk -v t="$trees" -v m="$ms" 'BEGIN {printf "%.0f", t / (m / 1000)}') trees/s on $(nproc) cores"
echo "summary: $(tail -n 1 "$out")"
echo "peak RSS: $(( $(cat "$out.rss") / 1024 )) MB with -Xmx$heap"
rm -f "$out.rss"
