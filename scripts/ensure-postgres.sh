#!/usr/bin/env bash
# Prints a PostgreSQL URL for the test suite: the server on 127.0.0.1:5432
# (database `test`) if it answers, else a throw-away cluster started here.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && psql -Atq "postgres://postgres@127.0.0.1:5432/test" -c 'select 1' >/dev/null 2>&1; then
  echo "postgres://postgres@127.0.0.1:5432/test"
  exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "installing PostgreSQL from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
dir=/tmp/nhipso-pg
port=55432
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! pg_isready -q -h 127.0.0.1 -p $port 2>/dev/null; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run "$bin/initdb -D $dir/data -A trust -U postgres" >&2
  run "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1' -l $dir/log -w start" >&2
  run "$bin/createdb -h 127.0.0.1 -p $port -U postgres test" >&2
fi
echo "postgres://postgres@127.0.0.1:$port/test"
