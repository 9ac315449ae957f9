#!/usr/bin/env bash
# haraka-lint's loader against Haraka's own (haraka-config, the version pinned in
# test-tools/haraka-config), warm, per tree, on the same trees on disk, in one run:
# the four samples plus a generated big tree (10,000 relay_acl_allow entries, 10,000 host_list
# domains, a 500-line plugins list, 1,000 [haproxy] hosts[] in connection.ini).
#
# Each side loads every tree in its own warm process (at least 8 s of CPU warm-up over all trees,
# the JVM until its JIT compiler is idle too; then per tree 0.3 s more and the median of 5 batches
# of 500 ms of CPU), and the two sides take turns for ROUNDS rounds so machine noise hits both. The tables show the median over rounds with the min-max spread, in process CPU time (the
# verdict) and in wall time. Before timing anything the script checks that both
# sides load exactly the same files for every tree.
#   haraka-config: config.get(name, type, {booleans}) for every file, caches emptied before every load,
#                  watching off (test-tools/haraka-config/load-tree-bench.js);
#   haraka-lint:   ConfigLoader.load from disk, plus typing every INI file with its declared booleans
#                  (io.harakalint.bench.LoaderVsHarakaConfig); "lint" adds policy, all rules and waivers.
# Exits 1 if haraka-lint's loader does not use less CPU per tree than haraka-config on every tree.
# Usage: bench/loader-vs-haraka-config.sh [ROUNDS]   (default 3; NO_BUILD=1 reuses target/benchmarks.jar)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
node_bin="${NODE:-node}"
tools="$here/test-tools/haraka-config"

command -v "$node_bin" >/dev/null || { echo "node is not installed; it runs haraka-config" >&2; exit 2; }
if [[ ! -f "$tools/node_modules/haraka-config/package.json" ]]; then
  (cd "$tools" && npm ci --silent --no-audit --no-fund) || { echo "npm ci in test-tools/haraka-config failed" >&2; exit 2; }
fi
if [[ "${NO_BUILD:-}" != 1 || ! -f "$here/target/benchmarks.jar" ]]; then
  (cd "$here" && mvn -B -q -Dstyle.color=never -Pjmh package) >/dev/null \
    || { echo "building target/benchmarks.jar failed (mvn -Pjmh package)" >&2; exit 2; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
big="$work/big"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
make_big_tree "$big"

cd "$here"
trees=(samples/hardened samples/legacy-java8 samples/open-relay samples/v2-upgrade "$big")
jrun=("$java_bin" -cp target/benchmarks.jar io.harakalint.bench.LoaderVsHarakaConfig)
nrun=("$node_bin" "$tools/load-tree-bench.js")

# Like for like: both sides must load the same files.
if ! diff <("${nrun[@]}" --list "${trees[@]}") <("${jrun[@]}" --list "${trees[@]}") > "$work/list.diff"; then
  echo "haraka-config and haraka-lint load different files (< node, > java):" >&2
  cat "$work/list.diff" >&2
  exit 2
fi

for r in $(seq "$rounds"); do
  "${nrun[@]}" "${trees[@]}" | sed "s/^RESULT/NODE/" >> "$work/results"
  "${jrun[@]}" "${trees[@]}" | sed "s/^RESULT/JAVA/" >> "$work/results"
done

echo "Warm load per tree, median of $rounds rounds [min-max]; $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node $("$node_bin" --version), haraka-config $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$tools/node_modules/haraka-config/package.json" | head -1); $("$java_bin" -version 2>&1 | head -1)"
table() {  # $1: 1 = process CPU time, 0 = wall time
  awk -F'\t' -v big="$big" -v cpu="$1" '
    function pick(v,   p) { split(v, p, "/"); return cpu ? p[2] : p[1] }
    function med(list,   a, n, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      lo = a[1]; hi = a[n]
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function span(list,   m) { m = med(list); return sprintf("%9.1f [%.0f-%.0f]", m, lo, hi) }
    $1 == "NODE" { if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }; files[$2] = $3; node[$2] = node[$2] " " pick($4) }
    $1 == "JAVA" { load[$2] = load[$2] " " pick($4); lint[$2] = lint[$2] " " pick($5) }
    END {
      printf "%-20s %5s  %-26s %-26s %8s  %-26s\n", "tree", "files", "haraka-config us/tree", "haraka-lint load us/tree", "speed-up", "haraka-lint lint us/tree"
      slower = 0
      for (i = 1; i <= n; i++) {
        t = order[i]; name = (t == big) ? "generated big tree" : t
        nm = med(node[t]); jm = med(load[t])
        if (jm >= nm) slower = 1
        printf "%-20s %5d  %-26s %-26s %7.2fx  %-26s\n", name, files[t], span(node[t]), span(load[t]), nm / jm, span(lint[t])
      }
      exit slower
    }' "$work/results"
}
echo
echo "Process CPU time (all threads, so JIT and GC count; robust to a busy machine):"
cpu_ok=0; table 1 || cpu_ok=1
echo
echo "Wall-clock time (what a user waits; stretched when the machine is busy):"
table 0 || true
echo
echo "speed-up = haraka-config us / haraka-lint load us (above 1: haraka-lint's loader is faster)"
echo "lint = load + policy + all rules + waivers, for information"
[[ $cpu_ok == 0 ]] || { echo "haraka-lint's loader is not faster than haraka-config (CPU time) on every tree" >&2; exit 1; }
