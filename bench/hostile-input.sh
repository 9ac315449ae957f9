#!/usr/bin/env bash
# Bounded memory on hostile input: a tree whose smtp.ini is 200 MB (sparse) and whose host_list is
# 200 MB of real text is checked by the jar under a 32 MiB heap, which could not hold either file.
# Prints each run's exit code, wall time and the line about the file; fails if the heap ran out.
# Usage: bench/hostile-input.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

"$here/bin/haraka-lint" --version >/dev/null   # build the jar first
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/config"
printf 'rcpt_to.in_host_list\nqueue/smtp_forward\n' > "$tree/config/plugins"
truncate -s 200M "$tree/config/smtp.ini"
# (yes ends on SIGPIPE when head has enough: not an error here)
{ printf 'example.com\n'; yes '# padding line of a huge host_list that must never be read into memory' | head -c 209715188 || true; } \
  > "$tree/config/host_list"
ls -l "$tree/config" | awk 'NR > 1 {print "  " $5 " bytes  " $9}'

heap="${HEAP:-32m}"
s=$(date +%s%N)
set +e
out="$("$java_bin" -Xmx"$heap" -XX:+UseSerialGC -jar "$here/target/haraka-lint.jar" check --fail-on medium --no-color "$tree" 2>&1)"
code=$?
set -e
e=$(date +%s%N)
echo "check with -Xmx$heap: exit $code in $(( (e - s) / 1000000 )) ms"
grep -E "larger than|OutOfMemory|internal error" <<<"$out" | sed "s|$tree/||; s/^/  /"
if grep -q OutOfMemory <<<"$out" || [[ $code -ge 2 ]]; then echo "FAIL: the huge files were read into memory"; exit 1; fi
