#!/usr/bin/env bash
# haraka-lint logs at scale: a ~1 GB Haraka log (the real 3.3.4 fixture, repeated with its client
# addresses moved to a new /24 each time, so ~375,000 distinct addresses, beyond the 50,000 cap) piped through
# `bin/haraka-lint logs` with a small heap; prints lines/s, MB/s and the peak RSS of the JVM.
# Usage: bench/logs-scale.sh [MB] [HEAP]   (default 1024 MB of log, -Xmx64m)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-1024}"
heap="${2:-64m}"
fixture="$here/src/test/resources/logs/haraka-3.3.4-default.log"
tree="$here/src/test/resources/logs/tree"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/bin/haraka-lint" --version >/dev/null   # build first, so the build is not measured

# Repetition r moves 198.18.0.N to (20+r/65536).(r/256%256).(r%256).N: the same sessions from other addresses.
reps=$(( mb * 1024 * 1024 / $(wc -c <"$fixture") ))
awk -v reps="$reps" 'NR == FNR { line[n++] = $0; next } END {
  for (r = 0; r < reps; r++) {
    p = (20 + int(r / 65536)) "." (int(r / 256) % 256) "." (r % 256) "."
    for (i = 0; i < n; i++) { l = line[i]; gsub(/198\.18\.0\./, p, l); print l }
  }
}' "$fixture" /dev/null >"$work/haraka.log"
bytes=$(wc -c <"$work/haraka.log")
lines=$(wc -l <"$work/haraka.log")

start=$(date +%s%N)
HARAKA_LINT_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f '%M' -o "$work/rss" \
  "$here/bin/haraka-lint" logs "$tree" - --format json --output "$work/report.json" <"$work/haraka.log" || rc=$?
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "log: $bytes bytes, $lines lines (fixture x $reps)"
echo "haraka-lint logs -Xmx$heap: ${ms} ms, exit ${rc:-0}"
awk -v l="$lines" -v b="$bytes" -v ms="$ms" 'BEGIN { printf "throughput: %.0f lines/s, %.1f MB/s\n", l / (ms / 1000), b / 1048576 / (ms / 1000) }'
echo "peak RSS: $(( $(tail -n 1 "$work/rss") / 1024 )) MB"
grep -E '"(sessions|addresses|sessionsBeyondCap|unknownLines|malformedLines)"' "$work/report.json" | head -5 | tr -s ' '
