#!/usr/bin/env bash
# Throughput of `haraka-lint history`: one cold CLI run (no warm-up) over a repository made by
# bench/gen-history.sh (20-file tree, one file changed per commit), printed as commits per second.
# Usage: bench/history.sh [N] [RUNS]   (default 2000 commits, 3 runs; issue 8's goal: >= 500 commits/s,
# set GOAL to change). Each run is a separate JVM start; the median run is reported.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-2000}"
runs="${2:-3}"
goal="${GOAL:-500}"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

"$here/bin/haraka-lint" --version >/dev/null   # build the jar and the class-data archive first
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/bench/gen-history.sh" "$work/repo" "$n"

times=()
for _ in $(seq "$runs"); do
  times+=("$(cd "$work/repo" && ms "$here/bin/haraka-lint" history --format json -o "$work/history.json")")
done
med=$(printf '%s\n' "${times[@]}" | median)
# The report is checked, not only timed: the run must have walked every commit and found the open relay.
grep -q "\"commits\" : $n" "$work/history.json" || { echo "history.json does not report $n commits" >&2; exit 1; }
grep -q '"ruleId" : "HL201"' "$work/history.json" || { echo "history.json lacks the HL201 the generator plants" >&2; exit 1; }
rate=$(awk -v n="$n" -v ms="$med" 'BEGIN {printf "%.0f", n * 1000 / ms}')
echo "bin/haraka-lint history over $n commits (20-file tree, one file changed per commit): runs ${times[*]} ms, median ${med} ms"
echo "throughput: ${rate} commits/s, JVM start included (goal ${goal})"
awk -v r="$rate" -v g="$goal" 'BEGIN {exit !(r >= g)}' || { echo "below goal" >&2; exit 1; }
