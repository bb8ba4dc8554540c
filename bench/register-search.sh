#!/usr/bin/env bash
# The register's search on each engine — SQLite in memory, SQLite on file, PostgreSQL 15 in a throwaway cluster on
# loopback — at 50,000 members: members added per second, each search's median and slowest of 21 runs, every
# engine's hits checked equal to SQLite's (Tests/DangVuStoreTests/RegisterSearchBenchmark.swift; figures in
# docs/decisions/0044). The debug build the tests use; the cluster is started and removed as scripts/test.sh does it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh

swift build --build-tests
start_test_postgres
DANGVU_BENCH_REGISTER=1 swift test --skip-build --filter RegisterSearchBenchmark
