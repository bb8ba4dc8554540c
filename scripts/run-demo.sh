#!/usr/bin/env bash
# From a fresh clone to the demo in the browser: system packages if missing, a release build, then
# `dangvu serve --demo`, which fills ./dangvu.sqlite with the demo province the first time.
# Extra arguments go to `serve` (for example --port 8081 or --db /path/to/file.sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh

ensure_swift
ensure_system_packages
swift build -c release --product dangvu
exec swift run -c release --skip-build dangvu serve --demo "$@"
