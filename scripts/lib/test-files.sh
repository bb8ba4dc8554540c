# The files the tests make (file stores, exports, keys, the PostgreSQL cluster) go under one directory of the run,
# removed when the run ends: not every test removes what it opened, and on a developer's machine 3,650 databases
# (4.1 GB) had piled up in /tmp. Source this, call use_test_files_directory, and call remove_test_files on exit.

DANGVU_TEST_FILES=""

use_test_files_directory() {
  DANGVU_TEST_FILES="$(mktemp -d "${TMPDIR:-/tmp}/dangvu-tests.XXXXXX")"
  # The test cluster's owner (postgres, when run as root) keeps its directory inside this one.
  chmod 755 "$DANGVU_TEST_FILES"
  export TMPDIR="$DANGVU_TEST_FILES"
}

remove_test_files() {
  [ -n "$DANGVU_TEST_FILES" ] || return 0
  rm -rf "$DANGVU_TEST_FILES"
  DANGVU_TEST_FILES=""
}
