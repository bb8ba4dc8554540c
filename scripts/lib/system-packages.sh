# Installs the Debian/Ubuntu packages DangVu needs beyond the Swift toolchain, only those missing,
# so running it again does nothing. Sourced by scripts/test.sh and scripts/run-demo.sh.

# libsqlite3-dev: GRDB links the system SQLite (with FTS5); pkg-config finds it;
# sqlite3: the command line used for backups (docs/deployment.md).
DANGVU_SYSTEM_PACKAGES=(libsqlite3-dev pkg-config sqlite3)

ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "Không tìm thấy Swift. Cài Swift 6 (https://www.swift.org/install/) rồi chạy lại." >&2
    echo "Swift not found: install a Swift 6 toolchain (https://www.swift.org/install/) and run again." >&2
    exit 1
  fi
}

# Installs the given packages (the base set when none are given) that are missing.
ensure_system_packages() {
  local wanted=("$@")
  [ ${#wanted[@]} -eq 0 ] && wanted=("${DANGVU_SYSTEM_PACKAGES[@]}")
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian/Ubuntu system: make sure SQLite 3 (with headers) is installed." >&2
    return 0
  fi
  local missing=()
  for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing system packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      echo "Missing packages (${missing[*]}) and no root rights: install them with apt-get and run again." >&2
      exit 1
    fi
  fi
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
  ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# The browser test: Debian's Chromium and its driver, Selenium from PyPI, curl to wait for the server.
ensure_browser_packages() {
  ensure_system_packages chromium chromium-driver curl
  ensure_python_module selenium selenium
}

# A Python tool from PyPI, installed for this user when missing.
ensure_python_module() {
  local module="$1" package="$2"
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    echo "Installing $package (PyPI)"
    python3 -m pip install -q --disable-pip-version-check "$package"
  fi
}
