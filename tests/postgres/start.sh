#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: a new data folder, 127.0.0.1 only, a free port, trust
# authentication (nothing else can reach it), fsync off (its data is thrown away). Source it, do not run it:
#   source tests/postgres/start.sh   -> exports NEWSTRACKER_TEST_POSTGRES and NEWSTRACKER_TEST_POSTGRES_DIR
#   tests/postgres/stop.sh           -> stops the cluster and deletes its folder
# Installs Debian's postgresql when it is missing (CI runs as root).

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && echo "$dir"
}

if [ -z "$(pg_bin)" ]; then
  echo "Installing postgresql for the tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
    { echo "could not install postgresql; PostgreSQL tests will be skipped" >&2; return 1; }
fi
bin=$(pg_bin)

# The server refuses to run as root: the cluster belongs to the postgres user that the package creates.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/newstracker-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; return 1; }
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null ||
  { cat "$dir/server.log" >&2; return 1; }

export NEWSTRACKER_TEST_POSTGRES_DIR="$dir"
export NEWSTRACKER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
echo "PostgreSQL for the tests: $NEWSTRACKER_TEST_POSTGRES (data in $dir)" >&2
