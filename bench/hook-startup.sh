#!/usr/bin/env bash
# The pre-commit hook's cost: `bin/haraka-lint check --staged` in a git repository holding
# samples/legacy-java8 with one staged edit, against `java -version`, measured side by side
# (interleaved, so machine noise hits both) and printed as a ratio of medians.
# Usage: bench/hook-startup.sh [RUNS]   (default 15; issue 8's budget: ratio <= 2, set BUDGET to change)
#        SERVER=1 measures the opt-in resident server (HARAKA_LINT_SERVER=1): the script starts one
#        through the launcher in a private XDG_RUNTIME_DIR, sends it 5 hooks to warm up, measures,
#        and stops it by its PID.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
budget="${BUDGET:-2}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

"$here/bin/haraka-lint" --version >/dev/null   # build the jar and the class-data archive first
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
cp -r "$here/samples/legacy-java8" "$repo/legacy-java8"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@invalid commit -qm "sample"
echo "; staged edit" >> "$repo/legacy-java8/config/smtp.ini"
git -C "$repo" add -A

mode="cold start (a new JVM per hook)"
if [[ "${SERVER:-}" == 1 ]]; then
  mode="resident server (HARAKA_LINT_SERVER=1)"
  export XDG_RUNTIME_DIR="$repo.run" HARAKA_LINT_SERVER=1
  mkdir -p "$XDG_RUNTIME_DIR"
  (cd "$repo" && "$here/bin/haraka-lint" check --staged >/dev/null 2>&1 || true)  # starts the server
  state="$XDG_RUNTIME_DIR/haraka-lint/server${here//\//_}"
  for _ in $(seq 300); do [[ -f "$state" ]] && break; sleep 0.1; done
  [[ -f "$state" ]] || { echo "the server did not start (no $state)" >&2; exit 2; }
  read -r _ _ server_pid < "$state"
  stop_server() {
    kill "$server_pid" 2>/dev/null || echo "could not stop the server (pid $server_pid)" >&2
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
    rm -rf "$repo" "$repo.run"
  }
  trap stop_server EXIT
  for _ in 1 2 3 4 5; do (cd "$repo" && "$here/bin/haraka-lint" check --staged >/dev/null 2>&1 || true); done
fi

jv=(); hl=()
for _ in $(seq "$runs"); do
  jv+=("$(ms "$java_bin" -version)")
  hl+=("$(cd "$repo" && ms "$here/bin/haraka-lint" check --staged)")
done
jm=$(printf '%s\n' "${jv[@]}" | median)
hm=$(printf '%s\n' "${hl[@]}" | median)
ratio=$(awk -v a="$hm" -v b="$jm" 'BEGIN {printf "%.2f", a / b}')
echo "java -version median: ${jm} ms over $runs runs"
echo "bin/haraka-lint check --staged (samples/legacy-java8, one staged edit; $mode) median: ${hm} ms over $runs runs"
echo "ratio: ${ratio} (budget ${budget})"
awk -v r="$ratio" -v b="$budget" 'BEGIN {exit !(r <= b)}' || { echo "over budget" >&2; exit 1; }
