#!/usr/bin/env bash
# The end-to-end test in a real browser: a small demo database, the real `dangvu serve --demo` on a
# loopback port, Debian's headless Chromium driven by Selenium through the sign-in, search, grading
# and report pages; the organisation staff's upload of a members workbook; a leading post recorded and
# graded as a cadre; a commune's grades submitted and approved by the district; an inspection recorded and corrected;
# a two-step transfer on a phone's screen. Screenshots go to .build/browser-artifacts/. Run by scripts/test.sh after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
ensure_browser_packages
ensure_python_module openpyxl openpyxl
ensure_system_packages sqlite3

binary="$(swift build --show-bin-path)/dangvu"
work="$(mktemp -d)"
artifacts="$PWD/.build/browser-artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts"
port=$((20000 + RANDOM % 20000))
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The demo to today, through the 2025 reorganisation: the accounts are scoped to the new province, whose staff reach
# Kiên Giang's history as its successor's (decision 0040), so the flows grade and supervise 2022–2025 as before.
"$binary" demo --members 3000 --grade-years 2022 --db "$work/db.sqlite" >/dev/null
# 2023 is opened but not graded: the browser grades a cell of it.
"$binary" grades open --year 2023 --date 2023-12-15 --db "$work/db.sqlite" >/dev/null
# A transfer's receiving side: the secretary of the smallest cell with members (the demo's own secretary
# keeps the largest), with an account of their own.
destination="$(sqlite3 "$work/db.sqlite" "SELECT o.code FROM member_span s JOIN organisation o ON o.id = s.cell_id
  WHERE s.valid_until IS NULL AND o.ended IS NULL GROUP BY s.cell_id ORDER BY COUNT(*), s.cell_id LIMIT 1")"
receiver_password="mat-khau-nhan-$RANDOM$RANDOM"
echo "$receiver_password" | "$binary" user add bithu.nhan --name "Bí thư chi bộ nơi đến" --role secretary \
  --scope "$destination" --db "$work/db.sqlite" >/dev/null
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
# The organisation board's staff upload a members workbook into a cell of the demo province (issue 24).
staff="$(awk -F'\t' '$1 ~ /^ *bantochuc$/ {print $2}' "$work/serve.log")"
# Into the secretary's cell, which holds members today (its line ends "phạm vi CODE").
cell="$(awk -F'\t' '$1 ~ /^ *bithu$/ {n = split($3, w, " "); print w[n]}' "$work/serve.log")"
python3 Tests/Browser/upload_flow.py "http://127.0.0.1:$port" bantochuc "$staff" "$artifacts" "$cell"
# The organisation board's staffer records a post (Bí thư of the cell) for a member of that cell who holds none and
# has been in it since before 2022, grades them as a cadre for 2023, and the report counts them (issue 21, part 2).
leader="$(sqlite3 "$work/db.sqlite" "SELECT s.member_id FROM member_span s JOIN organisation o ON o.id = s.cell_id
  WHERE o.code = '$cell' AND s.valid_until IS NULL AND s.in_transit = 0 AND s.exempt = 0
  AND s.valid_from <= CAST(julianday('2022-01-01') - julianday('1970-01-01') AS INTEGER)
  AND s.member_id NOT IN (SELECT member_id FROM member_post) ORDER BY s.member_id LIMIT 1")"
python3 Tests/Browser/leadership_flow.py "http://127.0.0.1:$port" bantochuc "$staff" "$cell" "$leader" "$artifacts"
# The grading workflow by level (issue 21, part 4): the secretary of the grassroots committee above a graded cell
# submits its 2022 grades, and the organisation staff of the district above approve them; the district's report
# counts them approved. The two accounts are made here, scoped as the tree stood at the end of 2022.
year_end="CAST(julianday('2022-12-31') - julianday('1970-01-01') AS INTEGER)"
chain="$(sqlite3 "$work/db.sqlite" "WITH RECURSIVE up(id, depth) AS (
  SELECT (SELECT g.unit_id FROM grade g JOIN evaluation_cycle c ON c.id = g.cycle_id
    WHERE c.year = 2022 AND g.subject_class = 'member' ORDER BY g.unit_id LIMIT 1), 0
  UNION ALL SELECT p.parent_id, depth + 1 FROM organisation_parent p JOIN up ON p.child_id = up.id
    WHERE p.valid_from <= $year_end AND (p.valid_until IS NULL OR p.valid_until > $year_end))
  SELECT o.code FROM up JOIN organisation o ON o.id = up.id ORDER BY depth DESC")"
district="$(echo "$chain" | sed -n 2p)"
commune="$(echo "$chain" | sed -n 3p)"
workflow_password="mat-khau-duyet-$RANDOM$RANDOM"
echo "$workflow_password" | "$binary" user add bithu.xa --name "Bí thư đảng bộ cơ sở" --role secretary \
  --scope "$commune" --db "$work/db.sqlite" >/dev/null
echo "$workflow_password" | "$binary" user add tochuc.huyen --name "Cán bộ Ban Tổ chức cấp huyện" \
  --role organisationStaff --scope "$district" --db "$work/db.sqlite" >/dev/null
python3 Tests/Browser/grading_workflow_flow.py "http://127.0.0.1:$port" bithu.xa "$workflow_password" \
  tochuc.huyen "$workflow_password" "$district" "$commune" 2022 "$artifacts"
# The inspection commission's staffer records a thematic supervision of a member of the secretary's cell, corrects its
# start from February to May, and the oversight report moves its lượt from the first quarter to the second (issue 21
# part 5). The first two quarters of the latest year whose first half is past (this year from July, else last year):
# the accounts' province existed all of it (the demo's new province was founded on 1/7/2025), with a member in the
# cell since before that year.
checker="$(awk -F'\t' '$1 ~ /^ *kiemtra$/ {print $2}' "$work/serve.log")"
checker_scope="$(awk -F'\t' '$1 ~ /^ *kiemtra$/ {n = split($3, w, " "); print w[n]}' "$work/serve.log")"
flow_year=$(( $(date +%Y) - $( [ "$(date +%m)" -ge 7 ] && echo 0 || echo 1) ))
card="$(sqlite3 "$work/db.sqlite" "SELECT m.party_card_number FROM member_span s JOIN organisation o ON o.id = s.cell_id
  JOIN member m ON m.id = s.member_id WHERE o.code = '$cell' AND s.valid_until IS NULL AND s.in_transit = 0
  AND m.party_card_number IS NOT NULL
  AND s.valid_from <= CAST(julianday('$flow_year-01-01') - julianday('1970-01-01') AS INTEGER)
  ORDER BY s.member_id LIMIT 1")"
python3 Tests/Browser/oversight_flow.py "http://127.0.0.1:$port" kiemtra "$checker" "$checker_scope" "$card" \
  "$flow_year" "$artifacts"
# A secretary issues a transfer letter that the receiving cell's secretary receives, on a phone's screen.
python3 Tests/Browser/transfer_flow.py "http://127.0.0.1:$port" bithu "$password" bithu.nhan "$receiver_password" \
  "$destination" "$artifacts"
# Last, as it renames the secretary's cell: the province staff rename it, refused beside the field, previewed, confirmed (issue 21 part 3).
python3 Tests/Browser/tree_flow.py "http://127.0.0.1:$port" bantochuc "$staff" "$artifacts" "$cell"
