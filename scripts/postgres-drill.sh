#!/usr/bin/env bash
# The operations drill of a central PostgreSQL deployment (docs/deployment.md, "Replicas, backups and restores"),
# run for real on loopback with Debian's PostgreSQL 15: a primary that archives its WAL, a base backup taken
# with pg_basebackup and checked with pg_verifybackup, a streaming replica made from it that serves reads, and a
# point-in-time restore of the backup plus the archive to a named restore point. It prints what it measured
# (backup time and size, replication lag, restore time) and fails if any step does not give back exactly what
# was written. Everything lives in one temporary folder, removed at the end.
#   scripts/postgres-drill.sh [SCALE]   (pgbench scale of the data written first; default 20, about 300 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh
ensure_postgres_packages

scale="${1:-20}"
bin="$DANGVU_POSTGRES_BIN"
dir="$(mktemp -d "${TMPDIR:-/tmp}/dangvu-drill.XXXXXX")"
chmod 755 "$dir"
mkdir -p "$dir/archive" "$dir/socket"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
run() { _postgres_as_owner "$@"; }
primary_port="$(_postgres_free_port)"
replica_port="$(_postgres_free_port)"
restored_port="$(_postgres_free_port)"
cleanup() {
  for cluster in restored replica primary; do
    [ -f "$dir/$cluster/postmaster.pid" ] && run "$bin/pg_ctl" -D "$dir/$cluster" -m immediate -w stop >/dev/null 2>&1
  done
  rm -rf "$dir"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
sql() { run "$bin/psql" -X -q -At -h "$dir/socket" -p "$1" -U postgres -d drill -c "$2"; }
start() { # folder port
  run "$bin/pg_ctl" -D "$dir/$1" -l "$dir/$1.log" -w -t 120 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories=$dir/socket" >/dev/null
}

# The primary: WAL kept for replicas and copied to the archive as each segment fills (archive_command).
run "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$dir/primary/postgresql.conf" <<EOF
wal_level = replica
max_wal_senders = 4
archive_mode = on
archive_command = 'test ! -f $dir/archive/%f && cp %p $dir/archive/%f'
EOF
echo "host replication postgres 127.0.0.1/32 trust" >>"$dir/primary/pg_hba.conf"
start primary "$primary_port"
run "$bin/createdb" -h "$dir/socket" -p "$primary_port" -U postgres drill
run "$bin/pgbench" -q -i -s "$scale" -h "$dir/socket" -p "$primary_port" -U postgres drill >/dev/null 2>&1
size="$(sql "$primary_port" "SELECT pg_size_pretty(pg_database_size('drill'))")"
rows="$(sql "$primary_port" "SELECT count(*) FROM pgbench_accounts")"
echo "Primary on 127.0.0.1:$primary_port: database drill $size ($rows rows in pgbench_accounts)"

# A base backup while the primary runs, streamed with the WAL it needs, then verified against its manifest.
started="$(now_ms)"
run "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/backup" -X stream -c fast
backup_ms=$(( $(now_ms) - started ))
run "$bin/pg_verifybackup" -q "$dir/backup"
echo "Base backup: $(du -sh "$dir/backup" | cut -f1) in $backup_ms ms, verified (pg_verifybackup)"

# A streaming replica from the same backup: standby.signal and primary_conninfo (-R would write them).
cp -a "$dir/backup" "$dir/replica"
touch "$dir/replica/standby.signal"
echo "primary_conninfo = 'host=127.0.0.1 port=$primary_port user=postgres application_name=replica'" \
  >>"$dir/replica/postgresql.auto.conf"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir/replica"; fi
start replica "$replica_port"

# Writes on the primary reach the replica: the time until a row written and committed there is readable here.
sql "$primary_port" "CREATE TABLE drill_mark(n integer PRIMARY KEY, at timestamptz DEFAULT clock_timestamp())"
worst=0
total=0
for n in $(seq 1 20); do
  sql "$primary_port" "INSERT INTO drill_mark(n) VALUES ($n)"
  written="$(now_ms)"
  until [ "$(sql "$replica_port" "SELECT count(*) FROM drill_mark WHERE n = $n" 2>/dev/null || echo 0)" = "1" ]; do
    sleep 0.005
    if [ $(( $(now_ms) - written )) -gt 30000 ]; then echo "The replica did not see row $n in 30 s" >&2; exit 1; fi
  done
  lag=$(( $(now_ms) - written ))
  total=$((total + lag))
  [ "$lag" -gt "$worst" ] && worst=$lag
done
state="$(sql "$primary_port" "SELECT state || ', ' || sync_state FROM pg_stat_replication WHERE application_name = 'replica'")"
echo "Replica on 127.0.0.1:$replica_port ($state): 20 commits seen after $((total / 20)) ms on average, $worst ms at worst"
if sql "$replica_port" "INSERT INTO drill_mark(n) VALUES (999)" 2>/dev/null; then
  echo "The replica accepted a write" >&2
  exit 1
fi
echo "  and it refuses writes (read-only), as reports read there must not write"

# Point-in-time restore: rows before the named point come back, rows after it do not.
sql "$primary_port" "INSERT INTO drill_mark(n) SELECT g FROM generate_series(100, 199) g"
sql "$primary_port" "SELECT pg_create_restore_point('before_the_mistake')" >/dev/null
sql "$primary_port" "DELETE FROM drill_mark WHERE n BETWEEN 100 AND 149"
sql "$primary_port" "SELECT pg_switch_wal()" >/dev/null
# The archiver copies the switched segment; wait for it.
for _ in $(seq 1 100); do
  failed="$(sql "$primary_port" "SELECT failed_count FROM pg_stat_archiver")"
  last="$(sql "$primary_port" "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")"
  current="$(sql "$primary_port" "SELECT pg_walfile_name(pg_current_wal_lsn())")"
  [ -n "$last" ] && [[ "$last" < "$current" ]] && break
  sleep 0.1
done
[ "$failed" = "0" ] || { echo "The archiver failed $failed times" >&2; exit 1; }
cp -a "$dir/backup" "$dir/restored"
touch "$dir/restored/recovery.signal"
cat >>"$dir/restored/postgresql.auto.conf" <<EOF
restore_command = 'cp $dir/archive/%f %p'
recovery_target_name = 'before_the_mistake'
recovery_target_action = 'promote'
EOF
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir/restored"; fi
started="$(now_ms)"
start restored "$restored_port"
until [ "$(sql "$restored_port" "SELECT pg_is_in_recovery()" 2>/dev/null)" = "f" ]; do
  sleep 0.05
  if [ $(( $(now_ms) - started )) -gt 120000 ]; then echo "The restore did not finish in 2 minutes" >&2; exit 1; fi
done
restore_ms=$(( $(now_ms) - started ))
kept="$(sql "$restored_port" "SELECT count(*) FROM drill_mark WHERE n BETWEEN 100 AND 199")"
[ "$kept" = "100" ] || { echo "The restore has $kept of the 100 rows written before the point" >&2; exit 1; }
echo "Point-in-time restore to 'before_the_mistake': $restore_ms ms, the 50 rows deleted after it are back (100/100)"
echo "Drill passed."
