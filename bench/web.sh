#!/usr/bin/env bash
# Load on the real server (issue 6) at 100 concurrent connections, with wrk on loopback: one member's page,
# a different member's page each request (any of the province's members, bench/member-pages.lua), and the
# evaluation report JSON. Prints throughput, latency percentiles, the server's CPU time a request and its
# peak memory.
#
#   bench/web.sh DB [BINARY]          e.g. bench/web.sh /tmp/national.sqlite .build/release/dangvu
#
# DB is a database made by `dangvu demo --members 6000000` (graded for YEAR). The server and wrk share the
# machine's cores, so the figures are a floor. Env: DURATION (default 30s), CONNECTIONS (100), YEAR (2023),
# ROUTES=entry for the entry pages and API reads of issues 21 and 24 instead of the member pages and the report;
# ONLY=REGEX measures only the routes whose address matches it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
ensure_system_packages wrk sqlite3 curl

db="$1"
bin="${2:-.build/release/dangvu}"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-100}"
year="${YEAR:-2023}"
port=$((20000 + RANDOM % 20000))

# An organisation-staff account over the first province, and an API token for wrk to send.
province="$(sqlite3 "$db" "SELECT code FROM organisation WHERE kind = 'provincialCommittee' ORDER BY id LIMIT 1")"
if [ -z "$("$bin" user list --db "$db" | awk -F'\t' '$1 == "bench-web"')" ]; then
  echo "mat-khau-do-tai-web" | "$bin" user add bench-web --name "Đo tải" --role organisationStaff --scope "$province" --db "$db" >/dev/null
fi
token="$("$bin" user token bench-web --name "wrk $(date +%s)" --db "$db" 2>/dev/null)"
# A member in that province today: the lowest id with an open span in a cell of the first province.
member="$(sqlite3 "$db" "SELECT member_id FROM member_span WHERE valid_until IS NULL ORDER BY member_id LIMIT 1")"

result="$(mktemp)"
ids="$(mktemp)"
"$bin" serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$result" "$ids"' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

header="Authorization: Bearer $token"
# utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat; the name has no spaces).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# Every member of the province today, for the run that asks for a different member's page each time.
sqlite3 "$db" "SELECT s.member_id FROM member_span s JOIN organisation o ON o.id = s.cell_id
  WHERE s.valid_until IS NULL AND (o.code = '$province' OR o.code LIKE '$province.%')" >"$ids"

# measure LABEL PATH [wrk arguments…]: checks PATH answers 200, then loads it for $duration.
measure() {
  local label="$1" path="$2"
  shift 2
  if [ -n "${ONLY:-}" ] && ! [[ "$label" =~ $ONLY ]]; then return; fi
  local url="http://127.0.0.1:$port$path"
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")"
  if [ "$status" != 200 ]; then
    echo "GET $path answered $status: fix before measuring." >&2
    exit 1
  fi
  curl -s -o /dev/null -H "$header" "$url" # warm the caches once
  echo "== GET $label — $connections connections, $duration"
  local before after requests
  before="$(cpu_ticks)"
  wrk -t2 -c"$connections" -d"$duration" --latency -H "$header" "$url" "$@" >"$result"
  after="$(cpu_ticks)"
  grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors" "$result"
  # The server's own CPU time (user + system) per answer: unlike latency, it hardly depends on what else
  # the machine is doing, so it compares two builds measured at different times.
  requests="$(awk '/requests in/ {print $1}' "$result")"
  awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "    server CPU: %.0f µs a request (%d requests, %.1f s)\n", t / hz * 1e6 / n, n, t / hz }'
}

if [ "${ROUTES:-reports}" = entry ]; then
  # The entry and data pages and API reads of issues 21 and 24 (docs/performance.md), each with the role that
  # uses it: organisation staff over the province, then inspection staff over the same province.
  district="$(sqlite3 "$db" "SELECT o.code FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
    JOIN organisation r ON r.id = p.parent_id WHERE r.code = '$province' AND p.valid_until IS NULL
    ORDER BY o.id LIMIT 1")"
  cell="$(sqlite3 "$db" "SELECT o.code FROM member_span s JOIN organisation o ON o.id = s.cell_id
    WHERE s.member_id = $member AND s.valid_until IS NULL")"
  decision="$(sqlite3 "$db" "SELECT d.id FROM discipline_decision d JOIN organisation o ON o.id = d.unit_id
    WHERE o.code LIKE '$province.%' ORDER BY d.id LIMIT 1")"
  for path in "/chi-tieu?to-chuc=$province" "/api/units/$province/admission-plans" "/api/targets" \
    "/chat-luong-du-lieu?to-chuc=$province" "/api/data-quality?org=$province" "/api/data-quality" \
    "/chuyen-sinh-hoat" "/api/transfer-letters" "/dang-vien/$member/su-kien/chuyen-sinh-hoat" \
    "/to-chuc/$cell/ket-nap" "/api/units/$cell/official-members" \
    "/dang-vien/$member/chuc-vu" "/api/members/$member/posts" "/api/post-kinds" \
    "/api/units/$province/posts" "/api/units/$province/collectives" "/to-chuc/$province/tap-the" \
    "/to-chuc/$province/thay-doi" "/api/units/$province/history" \
    "/to-chuc/$district/tien-do-xep-loai?nam=$year" "/api/units/$district/grades/$year/progress" \
    "/to-chuc/$province/tien-do-xep-loai?nam=$year" "/to-chuc/$province/xep-loai-lanh-dao?nam=$year"; do
    measure "$path" "$path"
  done
  if [ -z "$("$bin" user list --db "$db" | awk -F'\t' '$1 == "bench-kt"')" ]; then
    echo "mat-khau-do-tai-web" | "$bin" user add bench-kt --name "Đo tải kiểm tra" --role inspectionStaff \
      --scope "$province" --db "$db" >/dev/null
  fi
  header="Authorization: Bearer $("$bin" user token bench-kt --name "wrk $(date +%s)" --db "$db" 2>/dev/null)"
  for path in "/kiem-tra-ky-luat?to-chuc=$province" "/kiem-tra-ky-luat/kiem-tra/moi?to-chuc=$province" \
    "/kiem-tra-ky-luat/chuong-trinh?to-chuc=$province&nam=$year" "/api/units/$province/oversight-programmes/$year" \
    "/kiem-tra-ky-luat/ky-luat/$decision" "/api/oversight/discipline/$decision"; do
    measure "$path" "$path"
  done
else
  measure "/dang-vien/$member" "/dang-vien/$member"
  measure "/dang-vien/{one of $(wc -l <"$ids") members, at random}" "/dang-vien/$member" \
    -s bench/member-pages.lua -- "$ids"
  measure "/api/reports/evaluation?year=$year" "/api/reports/evaluation?year=$year"
fi
echo "== server peak memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$server/status)"
