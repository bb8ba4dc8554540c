#!/usr/bin/env bash
# Appends per second to the audit trail on each engine — SQLite in memory, SQLite on file, PostgreSQL 15 in a
# throwaway cluster on loopback — one at a time and from eight tasks, and the chain's verification speed
# (Tests/DangVuStoreTests/AuditAppendBenchmark.swift; figures in docs/performance.md). The debug build the
# tests use; the cluster is started and removed as scripts/test.sh does it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh

swift build --build-tests
start_test_postgres
DANGVU_BENCH_AUDIT=1 swift test --skip-build --filter AuditAppendBenchmark
