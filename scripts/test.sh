#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite (lint + pytest).
#
#   bash scripts/test.sh [pytest arguments]
#
# Debian/Ubuntu packages: a PostgreSQL server (the tests start their own throw-away cluster),
# dbus + gnome-keyring (the real Secret Service keyring), the libraries Qt needs offscreen.
# Packages already installed are not touched; missing ones need root (sudo is used if needed).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "scripts/test.sh: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
    exit 1
fi

packages=(postgresql dbus gnome-keyring libegl1 libgl1 libxkbcommon0 libfontconfig1
          libglib2.0-0 libdbus-1-3 fonts-dejavu-core util-linux)
"$PY" -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$pkg")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

.venv/bin/ruff check jun_desk tests bench

export QT_QPA_PLATFORM=offscreen
export JUN_DESK_TEST_KEYRING=secret-service
# A private session bus with a fresh, unlocked gnome-keyring (its files in a temporary
# folder, so the tests never touch the keyring of the person running them).
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
    printf "jun-desk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec .venv/bin/python -m pytest "$@"' bash "$@"
