#!/bin/sh
# The part of the official postgres image's entry point that clients rely on: a first start
# initialises the cluster as POSTGRES_USER with POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE, as
# secrets are mounted), creates POSTGRES_DB, runs the *.sql and *.sh in /docker-entrypoint-initdb.d
# on a server that listens on no TCP port, and only then starts the server for real. "ready to
# accept connections" is therefore logged twice, which is what Testcontainers waits for.
set -eu

case "${1:-postgres}" in
  -*) set -- postgres "$@" ;;
esac
[ "${1:-postgres}" = postgres ] || exec "$@"
[ $# -gt 0 ] && shift

if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE")
fi
# Exported for the init scripts, as the official image does.
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
user=$POSTGRES_USER
db=$POSTGRES_DB

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    echo "docker-entrypoint: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} >/dev/null
  rm -f "$pwfile"
  trap - EXIT
  printf 'host all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != postgres ]; then
    # Through stdin, where psql quotes the name itself; it does not interpolate -c.
    echo 'create database :"db"' | psql --no-psqlrc -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres --set db="$db" >/dev/null
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sql) psql --no-psqlrc -v ON_ERROR_STOP=1 --username="$user" --dbname="$db" -f "$script" ;;
      *.sh) . "$script" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
fi

exec postgres -c listen_addresses='*' "$@"
