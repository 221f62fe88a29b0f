#!/usr/bin/env bash
# Stops the cluster tests/postgres/start.sh started and deletes its folder.
dir=${NEWSTRACKER_TEST_POSTGRES_DIR:?not set: was tests/postgres/start.sh sourced?}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
else "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null; fi
rm -rf "$dir"
