#!/usr/bin/env bash
# The province workbook benchmark of issue 24 (not a timed test): the demo province (about 62,600 members)
# exported as a members workbook, that workbook checked and imported into a fresh database, and written again.
# Prints wall time, CPU time and peak memory of each step, and the workbook's size.
#
#   bench/xlsx.sh [BINARY] [DIR]      e.g. bench/xlsx.sh .build/release/dangvu /tmp/dangvu-bench-xlsx
#
# The check is `dangvu import members FILE.xlsx --check`, the code the upload page and the API's check run; the
# import is the whole of `dangvu import members FILE.xlsx`: unzip, read the sheet, the CSV file's checks, and the
# write, all or nothing. Set DANGVU_TIMING=1 to see the import's phases.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-.build/release/dangvu}")"
dir="${2:-${TMPDIR:-/tmp}/dangvu-bench-xlsx}"
mkdir -p "$dir"
cd "$dir"
rm -f source.sqlite* target.sqlite* organisations.xlsx members.xlsx

timed() {
  local label="$1"
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s system, %M KiB peak" "$@"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$bin" demo --db source.sqlite >/dev/null
timed "write organisations.xlsx" "$bin" export organisations --format xlsx --output organisations.xlsx --db source.sqlite
timed "write members.xlsx" "$bin" export members --format xlsx --output members.xlsx --db source.sqlite
echo "members.xlsx: $(stat -c %s members.xlsx) bytes"
"$bin" import organisations organisations.xlsx --db target.sqlite
# What the upload page and /api/imports/members/check do before anything is written (ImportRun without writes):
# unzip, read, every check, the duplicate warnings and the preview.
timed "check and preview members.xlsx (nothing written)" "$bin" import members members.xlsx --check --db target.sqlite
timed "check and import members.xlsx" "$bin" import members members.xlsx --db target.sqlite
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
