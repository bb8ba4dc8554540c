#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback, as scripts/test.sh starts one for the tests (docs/deployment.md).
#   scripts/postgres.sh                  start it, print its address, keep it until Ctrl-C
#   scripts/postgres.sh COMMAND [ARG…]   run COMMAND with DANGVU_TEST_POSTGRES_URL set, then stop it, e.g.
#   scripts/postgres.sh swift test --skip-build --filter AuditContract
# Either way the cluster and its folder are removed when this script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh
source scripts/lib/test-files.sh

use_test_files_directory
trap remove_test_files EXIT
start_test_postgres
trap 'stop_test_postgres; remove_test_files' EXIT
if [ $# -gt 0 ]; then
  "$@"
else
  echo "export DANGVU_TEST_POSTGRES_URL='$DANGVU_TEST_POSTGRES_URL'"
  echo "Running until Ctrl-C; the cluster is removed then."
  # Sleeping in the background and waited for, so Ctrl-C or a TERM runs the cleanup at once.
  sleeper=""
  trap 'kill $sleeper 2>/dev/null; exit 130' INT
  trap 'kill $sleeper 2>/dev/null; exit 143' TERM
  while true; do
    sleep 3600 &
    sleeper=$!
    wait $sleeper
  done
fi
