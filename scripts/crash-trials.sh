#!/usr/bin/env bash
# Crash trials (issue 22, part 7): kill `dangvu` with SIGKILL at a random moment during an import, a bulk
# demo load, grading, and web edits under load; reopen the database each time and check that
#   - SQLite's integrity_check says ok,
#   - the import is all or nothing (the member count is the one before or the one after, never between),
#     its rows and its one audit entry together (decision 0034),
#   - no web write the client saw acknowledged is lost,
#   - `dangvu audit verify` passes (hash chain and head),
#   - `dangvu check` passes: every kept sum the reports read equals its recomputation from the records.
# Usage: scripts/crash-trials.sh [N]   (N trials, default 30, the four kinds in turn)
# Environment: DANGVU (the binary; default the debug build), CRASH_MEMBERS (the starting database, default
# 1500 members), CRASH_DEMO_MEMBERS (the demo load killed, default 10000),
# CRASH_SEED (random seed, default the time), CRASH_KEEP=1 keeps the folder of a failed trial.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
SEED=${CRASH_SEED:-$(date +%s)}
RANDOM=$SEED
MEMBERS=${CRASH_MEMBERS:-1500}
DEMO_MEMBERS=${CRASH_DEMO_MEMBERS:-10000}
D=${DANGVU:-$(swift build --show-bin-path 2>/dev/null)/dangvu}
[ -x "$D" ] || { echo "No dangvu binary at $D: run 'swift build' first or set DANGVU." >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)." >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)." >&2; exit 2; }
HERE=scripts/crash
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dangvu-crash.XXXXXX")
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null; [ "${CRASH_KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# A random delay in seconds, uniform in [0, $1 ms].
random_delay() { local ms=$(( (RANDOM * 32768 + RANDOM) % ($1 + 1) )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }
members() { sqlite3 "$1" "SELECT COUNT(*) FROM member"; }
imports() { sqlite3 "$1" "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.file'"; }

echo "== Crash trials: $N, seed $SEED, demo of $MEMBERS members, work in $WORK"
BASE=$WORK/base.sqlite
"$D" demo --db "$BASE" --members "$MEMBERS" --grade-years 2022 >/dev/null 2>&1 || { echo "demo failed" >&2; exit 2; }
printf 'mat-khau-rat-dai\n' | "$D" user add quantri --name "Quản trị" --role administrator --scope KG --db "$BASE" >/dev/null
TOKEN=$("$D" user token quantri --name "crash trials" --db "$BASE" 2>/dev/null | tail -1 | tr -d '[:space:]')
CELL=$(sqlite3 "$BASE" "SELECT code FROM organisation WHERE kind IN ('subordinateCell', 'grassrootsCell')
  AND ended IS NULL AND founded < 18000 ORDER BY id LIMIT 1")
# A dangvu process ends without closing its connections, so its last commits may still sit in the -wal:
# fold them into the file before copying it for each trial.
sqlite3 "$BASE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
[ ! -s "$BASE-wal" ] || { echo "could not checkpoint $BASE" >&2; exit 2; }
BEFORE=$(members "$BASE")
IMPORTS_BEFORE=$(imports "$BASE")
# 2,000 new members in one file, one transaction: the most that still keeps the register's sums current
# row by row (more marks them stale, and `check` would have nothing to compare them with).
python3 - "$WORK/import.csv" "$CELL" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("so_the,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap,ngay_chinh_thuc\n")
    for i in range(2000):
        f.write("8%07d,Người Nhập Tệp %d,Nam,01/01/1990,%s,19/05/2020,19/05/2021\n" % (i, i, sys.argv[2]))
PY
IMPORTED=2000

# How long each operation takes uninterrupted (and that it succeeds): kills fall within 110 % of it.
time_of() { local start; start=$(now_ms); "$@" >/dev/null 2>&1 || { echo "setup failed: $*" >&2; exit 2; }; echo $(( $(now_ms) - start )); }
cp "$BASE" "$WORK/t.sqlite"; IMPORT_MS=$(time_of "$D" import members "$WORK/import.csv" --db "$WORK/t.sqlite")
rm -f "$WORK/t.sqlite"*; DEMO_MS=$(time_of "$D" demo --db "$WORK/t.sqlite" --members "$DEMO_MEMBERS" --grade-years "")
rm -f "$WORK/t.sqlite"*; cp "$BASE" "$WORK/t.sqlite"; GRADES_MS=$(time_of "$D" grades demo --years 2023,2024 --db "$WORK/t.sqlite")
WEB_MS=3000
for ms in "$IMPORT_MS" "$DEMO_MS" "$GRADES_MS"; do [ -n "$ms" ] || exit 2; done
rm -f "$WORK/t.sqlite"*
echo "   uninterrupted: import ${IMPORT_MS} ms, demo ${DEMO_MS} ms, grades ${GRADES_MS} ms; web writes up to ${WEB_MS} ms"

# Runs "$@" in the background and kills it with SIGKILL after a random delay within $1 ms.
kill_during() {
  local limit=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(random_delay $(( limit * 11 / 10 )))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

passed=0; failed=0
for ((i = 1; i <= N; i++)); do
  T=$WORK/trial-$i; mkdir -p "$T"; DB=$T/dangvu.sqlite
  kind=$(( (i - 1) % 4 ))
  problems=()
  case $kind in
    0) name=import; cp "$BASE" "$DB"
       kill_during "$IMPORT_MS" "$D" import members "$WORK/import.csv" --db "$DB" ;;
    1) name=demo
       kill_during "$DEMO_MS" "$D" demo --db "$DB" --members "$DEMO_MEMBERS" --grade-years "" ;;
    2) name=grades; cp "$BASE" "$DB"
       kill_during "$GRADES_MS" "$D" grades demo --years 2023,2024 --db "$DB" ;;
    3) name=web; cp "$BASE" "$DB"
       port=$(( 20000 + RANDOM % 20000 ))
       "$D" serve --db "$DB" --port "$port" >"$T/serve.log" 2>&1 &
       SERVER=$!
       for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
       python3 "$HERE/web_client.py" --base "http://127.0.0.1:$port" --token "$TOKEN" --cell "$CELL" \
         --log "$T/acks.txt" &
       client=$!
       sleep "$(random_delay "$WEB_MS")"
       kill -9 "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; SERVER=""
       wait "$client" ;;
  esac
  # The raw file first, before DangVu opens (and repairs nothing of) it.
  integrity=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
  [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
  if [ $kind = 0 ]; then
    count=$(members "$DB")
    entries=$(imports "$DB")
    case $count in
      "$BEFORE") name="import (nothing written)"; expected_entries=$IMPORTS_BEFORE ;;
      $(( BEFORE + IMPORTED ))) name="import (all written)"; expected_entries=$(( IMPORTS_BEFORE + 1 )) ;;
      *) problems+=("import half-written: $count members, expected $BEFORE or $(( BEFORE + IMPORTED ))") ;;
    esac
    # The file's audit entry is committed with its rows: present exactly when they are.
    [ -z "${expected_entries:-}" ] || [ "$entries" = "$expected_entries" ] ||
      problems+=("import entries: $entries import.file entries with $count members (expected $expected_entries)")
    expected_entries=
  fi
  [ $kind = 1 ] && name="demo ($(members "$DB" 2>/dev/null || echo no) members when killed)"
  [ $kind = 2 ] && name="grades ($(sqlite3 "$DB" "SELECT COUNT(*) FROM grade g JOIN evaluation_cycle c
    ON c.id = g.cycle_id WHERE c.year > 2022" 2>/dev/null) grades of 2023-2024 written)"
  if [ $kind = 3 ]; then
    acks=$(python3 "$HERE/check_acks.py" "$DB" "$T/acks.txt" 2>&1) || problems+=("acknowledged web writes lost: $acks")
    name="web ($(echo "$acks" | tail -1 | cut -d' ' -f1) acknowledged)"
  fi
  "$D" audit verify --db "$DB" >"$T/verify.txt" 2>&1 || problems+=("audit verify: $(tail -3 "$T/verify.txt")")
  "$D" check --db "$DB" >"$T/check.txt" 2>&1 || problems+=("check: $(grep -v 'khớp với' "$T/check.txt" | head -5)")
  integrity=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
  [ "$integrity" = ok ] || problems+=("integrity_check after reopening: $integrity")
  if [ ${#problems[@]} = 0 ]; then
    passed=$((passed + 1)); echo "trial $i ($name): ok"; rm -rf "$T"
  else
    failed=$((failed + 1)); echo "trial $i ($name): FAILED"; printf '   %s\n' "${problems[@]}"
    [ "${CRASH_KEEP:-0}" = 1 ] || rm -rf "$T"
  fi
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
