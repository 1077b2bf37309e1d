# The PostgreSQL server a sql submission is judged on, started in the postgres runtime image as the
# sandbox user: usage: sh server.sh tests/<visibility>/<name>...
#
# Every dataset is seeded by the package's script as gauntlet_owner, which later runs the CREATE
# INDEX statements too. Queries run as gauntlet_solver, which may connect to the datasets and read
# what it was granted: their tables. Each side gets its own copy of every dataset
# (<name>__candidate, <name>__reference), so that neither side's indexes touch the other's runs;
# both are copies, made alike, because a query ran half again as slow in the database that was
# seeded as in a copy of it. The superuser only ever talks over this container's own socket. Over
# the loopback that the SQL probe shares, the server lets nobody in while it seeds, then the two
# roles and nobody else.
set -eu
export PGDATA=/sandbox/pgdata PGHOST=/sandbox/run PGUSER=postgres
mkdir -p /sandbox/run

# An empty cluster, made when the image was built.
cp -a /opt/gauntlet/pgdata "$PGDATA"
# Durability buys nothing in a database thrown away after one job. Parallel workers and JIT make a
# query's time depend on what else the machine does, and on a one-core quota they win nothing.
# Temporary files live in the sandbox's memory: a query that spills more fails on its own instead
# of the kernel killing a backend, which would restart the server under the reference's query.
cat >> "$PGDATA/postgresql.conf" <<'CONF'
listen_addresses = '127.0.0.1'
unix_socket_directories = '/sandbox/run'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_connections = 20
shared_buffers = 128MB
dynamic_shared_memory_type = mmap
jit = off
max_parallel_workers_per_gather = 0
temp_file_limit = 256MB
# A query must not see its own runs counted: it could answer one way when checked, another when timed.
track_activities = off
track_counts = off
autovacuum = off
log_min_messages = warning
log_min_error_statement = panic
CONF
echo 'local all postgres,gauntlet_owner trust' > "$PGDATA/pg_hba.conf"

postgres &
server=$!
tries=0
until pg_isready --quiet; do
  tries=$((tries + 1))
  if [ $tries -gt 200 ] || ! kill -0 $server 2>/dev/null; then
    echo "server.sh: PostgreSQL did not start" >&2
    exit 1
  fi
  sleep 0.05
done

sql() {
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 "$@" >/dev/null
}
grant() {
  sql --dbname=postgres --command="REVOKE ALL ON DATABASE $1 FROM PUBLIC" \
    --command="GRANT CONNECT ON DATABASE $1 TO gauntlet_solver"
}

sql --dbname=postgres --command="CREATE ROLE gauntlet_owner LOGIN" --command="CREATE ROLE gauntlet_solver LOGIN" \
  --command="REVOKE ALL ON DATABASE postgres, template1 FROM PUBLIC"
for dataset in "$@"; do
  name=${dataset##*/}
  sql --dbname=postgres --command="CREATE DATABASE $name OWNER gauntlet_owner"
  grant "$name"
  sql --username=gauntlet_owner --dbname="$name" --file="$dataset.sql"
  sql --username=gauntlet_owner --dbname="$name" --command="GRANT USAGE ON SCHEMA public TO gauntlet_solver" \
    --command="GRANT SELECT ON ALL TABLES IN SCHEMA public TO gauntlet_solver" --command="VACUUM ANALYZE"
  # A query that could read its own text would know a timed run (EXPLAIN ANALYZE …) from a checked one.
  sql --dbname="$name" --command="REVOKE EXECUTE ON FUNCTION pg_catalog.current_query() FROM PUBLIC"
  for side in candidate reference; do
    sql --dbname=postgres \
      --command="CREATE DATABASE ${name}__$side TEMPLATE $name OWNER gauntlet_owner STRATEGY FILE_COPY"
    grant "${name}__$side"
  done
  sql --dbname=postgres --command="DROP DATABASE $name"
done

echo 'host all gauntlet_owner,gauntlet_solver 127.0.0.1/32 trust' >> "$PGDATA/pg_hba.conf"
sql --dbname=postgres --command="SELECT pg_reload_conf()"
echo "gauntlet: datasets seeded"
wait $server
