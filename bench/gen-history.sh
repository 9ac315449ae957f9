#!/usr/bin/env bash
# Makes a git repository for bench/history.sh: a 20-file Haraka tree (samples/hardened plus six small
# config files) in its first commit, then one commit per changed file, N commits in all. Every
# commit rewrites the last line of one file (a comment, or package.json's description), so blobs
# differ but the tree stays clean, except that now and then a broad relay ACL comes and goes
# (HL203) and near the end relay.ini turns into an open relay (HL201): history has something to say.
# Three authors take turns; dates are one minute apart. Uses `git fast-import` (no per-commit
# process), so 2,000 commits take about a second.
# Usage: bench/gen-history.sh DIR [N]   (default N 2000; DIR must not exist yet)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/gen-history.sh DIR [N]}"
n="${2:-2000}"
[[ -e "$out" ]] && { echo "gen-history: $out exists" >&2; exit 2; }
(( n >= 1 )) || { echo "gen-history: N must be at least 1" >&2; exit 2; }

declare -A base
files=()
for f in "$here"/samples/hardened/config/* "$here/samples/hardened/package.json"; do
  rel="${f#"$here"/samples/hardened/}"
  files+=("$rel")
  base[$rel]="$(cat "$f")"
done
# Six more files Haraka reads (core settings and config of plugins the tree does not enable).
extra() { files+=("$1"); base[$1]="$2"; }
extra config/loglevel "info"
extra config/spamassassin.ini $'[main]\nspamd_socket=127.0.0.1:783'
extra config/plugin_timeout "30"
extra config/karma.ini $'[main]\n; karma is not enabled in plugins\n[thresholds]\nnegative=-8'
extra config/early_talker.ini $'[main]\npause=5'
extra config/headers.ini $'[main]\nrequired=From,Date'
(( ${#files[@]} == 20 )) || { echo "gen-history: expected 20 files, have ${#files[@]}" >&2; exit 2; }

# File content at commit $2: the base text with its last line marking the revision.
content() {
  local rel="$1" rev="$2" text="${base[$1]}"
  case "$rel" in
    package.json) text="${text/\"An SMTP Server\"/\"An SMTP Server, rev $rev\"}" ;;
    config/relay_acl_allow)
      (( rev % 100 >= 50 )) && text+=$'\n# temporary: the whole office (CHG-'"$rev"$')\n10.0.0.0/8'
      text+=$'\n# rev '"$rev" ;;
    config/relay.ini)
      (( rev >= n - n / 10 )) && text="${text/all=false/all=true}"
      text+=$'\n; rev '"$rev" ;;
    *.ini) text+=$'\n; rev '"$rev" ;;
    *) text+=$'\n# rev '"$rev" ;;
  esac
  printf '%s\n' "$text"
}

authors=("Ada Admin <ada@example.org>" "Bob Ops <bob@example.org>" "Cy Sec <cy@example.org>")
t0=1767225600  # 2026-01-01T00:00:00Z

stream() {
  local i rel
  for (( i = 1; i <= n; i++ )); do
    local who="${authors[i % 3]}" when=$(( t0 + i * 60 ))
    echo "commit refs/heads/main"
    echo "author $who $when +0000"
    echo "committer $who $when +0000"
    if (( i == 1 )); then
      echo "data <<EOM"; echo "Hardened tree, 20 files"; echo "EOM"
      for rel in "${files[@]}"; do
        echo "M 100644 inline $rel"; echo "data <<EOF_FILE"; content "$rel" 1; echo "EOF_FILE"
      done
    else
      # Touching relay_acl_allow at 50 and 100 (mod 100) and relay.ini at the 90% mark makes the findings come and go.
      if (( i == n - n / 10 )); then rel=config/relay.ini
      elif (( i % 50 == 0 )); then rel=config/relay_acl_allow
      else rel="${files[(i * 7) % 20]}"
      fi
      echo "data <<EOM"; echo "Change $rel (rev $i)"; echo "EOM"
      echo "M 100644 inline $rel"; echo "data <<EOF_FILE"; content "$rel" "$i"; echo "EOF_FILE"
    fi
    echo
  done
}

git init -q -b main "$out"
stream | git -C "$out" fast-import --quiet
git -C "$out" checkout -q main
echo "gen-history: $out: $(git -C "$out" rev-list --count HEAD) commits, $(git -C "$out" ls-files | wc -l) files"
