#!/usr/bin/env bash
# The end-to-end test in a real browser: a small demo database, the real `dangvu serve --demo` on a
# loopback port, Debian's headless Chromium driven by Selenium through the sign-in, search, grading
# and report pages. Screenshots go to .build/browser-artifacts/. Run by scripts/test.sh after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
ensure_browser_packages

binary="$(swift build --show-bin-path)/dangvu"
work="$(mktemp -d)"
artifacts="$PWD/.build/browser-artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts"
port=$((20000 + RANDOM % 20000))
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$binary" demo --members 3000 --grade-years 2022 --db "$work/db.sqlite" >/dev/null
# 2023 is opened but not graded: the browser grades a cell of it.
"$binary" grades open --year 2023 --date 2023-12-15 --db "$work/db.sqlite" >/dev/null
"$binary" serve --demo --port "$port" --db "$work/db.sqlite" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
# serve --demo prints one line per demo account: login, password, role.
password="$(awk -F'\t' '$1 ~ /^ *bithu$/ {print $2}' "$work/serve.log")"
if [ -z "$password" ]; then
  echo "serve --demo printed no account for the secretary:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
python3 Tests/Browser/browser_flow.py "http://127.0.0.1:$port" bithu "$password" "$artifacts"
