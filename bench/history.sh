#!/usr/bin/env bash
# Throughput of `haraka-lint history`: one cold CLI run (JVM start included, no warm-up) over a
# repository made by bench/gen-history.sh (20-file tree, one file changed per commit), as commits per
# second of wall-clock time. Also prints CPU seconds (user+sys, all threads) and the load average,
# because on a shared machine the wall clock mostly measures the other tenants.
# Usage: bench/history.sh [N] [RUNS]   (default 2000 commits, 3 runs; issue 8's goal: >= 500 commits/s,
# set GOAL to change). Each run is a separate JVM; the median run is reported.
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

# One run: "wall user sys" in seconds, from bash's time (which counts the JVM's threads too).
one_run() {
  local TIMEFORMAT='%R %U %S'
  { time (cd "$work/repo" && "$here/bin/haraka-lint" history --format json -o "$work/history.json" >/dev/null 2>&1 || true); } 2>&1
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
walls=(); cpus=()
for _ in $(seq "$runs"); do
  read -r wall user sys < <(one_run)
  walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
# The report is checked, not only timed: the run must have walked every commit and found the open relay.
grep -q "\"commits\" : $n" "$work/history.json" || { echo "history.json does not report $n commits" >&2; exit 1; }
grep -q '"ruleId" : "HL201"' "$work/history.json" || { echo "history.json lacks the HL201 the generator plants" >&2; exit 1; }
wall=$(printf '%s\n' "${walls[@]}" | median)
cpu=$(printf '%s\n' "${cpus[@]}" | median)
rate=$(awk -v n="$n" -v s="$wall" 'BEGIN {printf "%.0f", n / s}')
cpurate=$(awk -v n="$n" -v s="$cpu" 'BEGIN {printf "%.0f", n / s}')
echo "bin/haraka-lint history over $n commits (20-file tree, one file changed per commit), $(nproc) processors"
echo "wall seconds per run: ${walls[*]} (median $wall); CPU seconds (user+sys): ${cpus[*]} (median $cpu)"
echo "load average before: $load_before, after: $load_after"
echo "throughput: ${rate} commits/s wall-clock, JVM start included (goal ${goal}); ${cpurate} commits per CPU-second"
awk -v r="$rate" -v g="$goal" 'BEGIN {exit !(r >= g)}' || { echo "below goal" >&2; exit 1; }
