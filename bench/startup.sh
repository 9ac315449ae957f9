#!/usr/bin/env bash
# Start-up budget: a cold `bin/haraka-lint check samples/legacy-java8` against `java -version`,
# measured side by side (interleaved, so machine noise hits both), and printed as a ratio of medians.
# Usage: bench/startup.sh [RUNS] [-- extra haraka-lint args]   (default 15 runs; budget ratio <= 3)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
budget="${BUDGET:-3}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
target="$here/samples/legacy-java8"

"$here/bin/haraka-lint" --version >/dev/null   # build the jar and the class-data archive first

# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

jv=(); hl=()
for _ in $(seq "$runs"); do
  jv+=("$(ms "$java_bin" -version)")
  hl+=("$(ms "$here/bin/haraka-lint" check "$target")")
done
jm=$(printf '%s\n' "${jv[@]}" | median)
hm=$(printf '%s\n' "${hl[@]}" | median)
ratio=$(awk -v a="$hm" -v b="$jm" 'BEGIN {printf "%.2f", a / b}')
echo "java -version median: ${jm} ms over $runs runs"
echo "bin/haraka-lint check samples/legacy-java8 median: ${hm} ms over $runs runs"
echo "ratio: ${ratio} (budget ${budget})"
awk -v r="$ratio" -v b="$budget" 'BEGIN {exit !(r <= b)}' || { echo "over budget" >&2; exit 1; }
