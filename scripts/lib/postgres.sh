# A throwaway PostgreSQL 15 cluster for the tests (docs/deployment.md, docs/decisions/0032): Debian's
# postgresql-15 installed if missing, a cluster made with initdb in a temporary folder of its own, listening on
# 127.0.0.1 only on a free port with its own socket folder, one database, its address exported as
# DANGVU_TEST_POSTGRES_URL, and everything stopped and removed when the calling script exits.
# Sourced by scripts/test.sh and scripts/postgres.sh, after scripts/lib/system-packages.sh.

DANGVU_POSTGRES_VERSION=15
DANGVU_POSTGRES_BIN="/usr/lib/postgresql/$DANGVU_POSTGRES_VERSION/bin"
DANGVU_POSTGRES_DIR=""

ensure_postgres_packages() {
  ensure_system_packages "postgresql-$DANGVU_POSTGRES_VERSION" "postgresql-client-$DANGVU_POSTGRES_VERSION"
  if [ ! -x "$DANGVU_POSTGRES_BIN/initdb" ]; then
    echo "PostgreSQL $DANGVU_POSTGRES_VERSION is not at $DANGVU_POSTGRES_BIN (initdb missing): install Debian's" \
      "postgresql-$DANGVU_POSTGRES_VERSION package and run again." >&2
    exit 1
  fi
}

# Runs a PostgreSQL program as the cluster's owner: initdb and the server refuse to run as root, so root hands
# them to the `postgres` system user the Debian package creates; anyone else runs them as themselves.
_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A TCP port nothing listens on now, chosen by the kernel.
_postgres_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the cluster and exports DANGVU_TEST_POSTGRES_URL; registers stop_test_postgres to run when the shell
# exits (normally, on an error under `set -e`, or on Ctrl-C).
start_test_postgres() {
  ensure_postgres_packages
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "Running as root, but there is no 'postgres' user to own the test cluster (initdb refuses root):" \
      "reinstall Debian's postgresql-$DANGVU_POSTGRES_VERSION, which creates it." >&2
    exit 1
  fi
  DANGVU_POSTGRES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/dangvu-postgres.XXXXXX")"
  trap stop_test_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local dir="$DANGVU_POSTGRES_DIR" user=dangvu database=dangvu_test password
  password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  mkdir -p "$dir/socket"
  printf '%s\n' "$password" >"$dir/password"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi

  # --no-sync and fsync=off: a cluster that lives for one test run has nothing to keep after a crash.
  if ! _postgres_as_owner "$DANGVU_POSTGRES_BIN/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "initdb could not make the test cluster in $dir/data:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
  fi

  # One line: pg_ctl hands the options to a shell. Up to 300 connections: the tests run in parallel, each
  # with pools of its own.
  local options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c max_locks_per_transaction=256"
  # The port is free when chosen but another program may take it before the server binds: try a few.
  local port="" attempt
  for attempt in 1 2 3 4 5; do
    port="$(_postgres_free_port)"
    if _postgres_as_owner "$DANGVU_POSTGRES_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket $options" >/dev/null; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "The test PostgreSQL server in $dir did not start (five ports tried). Its log:" >&2
    tail -n 30 "$dir/server.log" >&2 || true
    exit 1
  fi

  # pg_ctl -w returns once the server is up; still ask it over TCP, as the tests will connect.
  local waited=0
  until "$DANGVU_POSTGRES_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$user" -d postgres; do
    waited=$((waited + 1))
    if [ "$waited" -ge 60 ]; then
      echo "The test PostgreSQL server on 127.0.0.1:$port does not accept connections after 30 s. Its log:" >&2
      tail -n 30 "$dir/server.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  if ! PGPASSWORD="$password" "$DANGVU_POSTGRES_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database"; then
    echo "Could not create the database $database on the test server 127.0.0.1:$port." >&2
    exit 1
  fi
  export DANGVU_TEST_POSTGRES_URL="postgres://$user:$password@127.0.0.1:$port/$database"
  echo "Test PostgreSQL $DANGVU_POSTGRES_VERSION on 127.0.0.1:$port (cluster in $dir)"
}

# Stops the server at once and removes its folder; safe to call twice.
stop_test_postgres() {
  local dir="$DANGVU_POSTGRES_DIR"
  [ -n "$dir" ] || return 0
  DANGVU_POSTGRES_DIR=""
  if [ -f "$dir/data/postmaster.pid" ]; then
    _postgres_as_owner "$DANGVU_POSTGRES_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
