#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI.
#   eval "$(scripts/pg-cluster.sh start)"   # prints DATABASE_URL=… and PG_CLUSTER_DIR=…
#   scripts/pg-cluster.sh stop "$PG_CLUSTER_DIR"
# Installs Debian's `postgresql` when no initdb is found, makes a cluster in a fresh temporary folder (run as
# the `postgres` user when we are root: initdb refuses root), listens on 127.0.0.1 and a free port with a
# random password, and keeps its socket inside that folder. Durability is switched off: it is thrown away.
set -euo pipefail

log() { echo "pg-cluster: $*" >&2; }

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && { echo "$found"; return 0; }
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

install_postgres() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "initdb not found; install PostgreSQL (apt-get install postgresql)"; exit 1; }
    sudo="sudo"
  fi
  log "installing postgresql from apt"
  export DEBIAN_FRONTEND=noninteractive
  # The package's own service is not wanted (and often cannot start in a container): we run our own cluster.
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir port password
  bin=$(find_bin) || { install_postgres; bin=$(find_bin) || { log "no initdb after installing"; exit 1; }; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/spt-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  rm -f "$dir/pwfile"
  # A port found free can be taken before we bind it: try a few.
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null; then
      echo "DATABASE_URL=postgres://postgres:$password@127.0.0.1:$port/postgres"
      echo "PG_CLUSTER_DIR=$dir"
      log "started on 127.0.0.1:$port ($dir)"
      return 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  exit 1
}

stop() {
  local dir=${1:-${PG_CLUSTER_DIR:-}} bin
  [ -n "$dir" ] && [ -d "$dir/data" ] || { log "usage: $0 stop PG_CLUSTER_DIR"; exit 1; }
  case "$dir" in "${TMPDIR:-/tmp}"/spt-pg.*) ;; *) log "refusing to remove $dir (not made by start)"; exit 1 ;; esac
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  log "stopped ($dir)"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop PG_CLUSTER_DIR" >&2; exit 2 ;;
esac
