# Shared by the bench scripts: wall-clock milliseconds of one command, and the median of a list.
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# A big Haraka root in $1, for the loader and lint benchmarks: samples/hardened plus 10,000
# relay_acl_allow entries, 10,000 host_list domains, 500 more plugins lines and 1,000 [haproxy]
# hosts[] in connection.ini.
make_big_tree() {
  local big="$1" here i
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  mkdir -p "$big/config"
  cp -r "$here/samples/hardened/." "$big/"
  {
    echo "# generated: 10,000 /32s"
    for i in $(seq 0 9999); do echo "10.$((i / 250)).$((i % 250)).1/32"; done
  } > "$big/config/relay_acl_allow"
  for i in $(seq 1 10000); do echo "domain$i.example.com"; done > "$big/config/host_list"
  for i in $(seq 1 500); do echo "local_plugin_$i"; done >> "$big/config/plugins"
  {
    cat "$here/samples/hardened/config/connection.ini"
    echo "[haproxy]"
    for i in $(seq 0 999); do echo "hosts[] = 192.0.$((i / 250)).$((i % 250))"; done
  } > "$big/config/connection.ini"
}
