#!/usr/bin/env bash
# The JSON API against its own description: schemathesis (PyPI) reads /openapi.yaml from the real
# `dangvu serve` on a loopback port, over a small demo province, and sends generated requests (valid and
# invalid) to every operation with an administrator's API token. Fails on a server error or on any answer
# the document does not describe. Usage: scripts/api-conformance.sh [EXAMPLES_PER_OPERATION] (default 30).
# Run by scripts/test.sh after the build; docs/reliability.md gives the long runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
ensure_system_packages curl
ensure_python_module schemathesis 'schemathesis==4.32.5'

examples="${1:-30}"
binary="$(swift build --show-bin-path)/dangvu"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

db="$work/db.sqlite"
# The demo to today: Kiên Giang went under An Giang's new committee on 1/7/2025 (decision 0036), whose staff reach
# Kiên Giang's history as its successor's (decision 0040), so the account is scoped to the province of today.
"$binary" demo --members 2000 --grade-years 2023 --db "$db" >/dev/null
echo "mat-khau-kiem-thu-api" | "$binary" user add kiemthu --name "Kiểm thử API" --role administrator --scope AGI-2025 \
  --db "$db" >/dev/null
token="$("$binary" user token kiemthu --name schemathesis --db "$db")"
"$binary" serve --port "$port" --db "$db" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

status=0
st run "http://127.0.0.1:$port/openapi.yaml" \
  --header "Authorization: Bearer $token" \
  --checks all --exclude-checks ignored_auth \
  --max-examples "$examples" --workers 1 --no-color --seed "${DANGVU_API_SEED:-$RANDOM}" \
  --report junit --report-junit-path "$work/junit.xml" || status=$?
if ! kill -0 "$server" 2>/dev/null; then
  echo "The server stopped during the API run:" >&2
  tail -20 "$work/serve.log" >&2
  exit 1
fi
exit "$status"
