#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite.
#   .ci/postgres.sh start DIR PORT   -> prints the SQLAlchemy URL
#   .ci/postgres.sh stop DIR
# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
set -euo pipefail

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] || { echo "postgres.sh: $name not found (apt-get install postgresql)" >&2; exit 1; }
  echo "$found"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?start|stop}
dir=${2:?data directory}
case "$cmd" in
  start)
    port=${3:-55432}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_pg "$(find_bin initdb)" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$(find_bin pg_ctl)" -D "$dir" -l "$dir/server.log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then as_pg "$(find_bin pg_ctl)" -D "$dir" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
