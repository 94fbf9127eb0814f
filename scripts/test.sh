#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite (lint, layers, dependencies,
# pytest).
#
#   bash scripts/test.sh [pytest arguments]
#
# Debian/Ubuntu packages: a PostgreSQL server (the tests start their own throw-away cluster),
# dbus + gnome-keyring (the real Secret Service keyring), the libraries Qt needs offscreen.
# Packages already installed are not touched; missing ones need root (sudo is used if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_python scripts/test.sh
ensure_debs "what the tests need" postgresql dbus gnome-keyring libegl1 libgl1 libxkbcommon0 \
    libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core util-linux
# LIBLINEAR (triage training) is published as source: pip compiles its small C library.
ensure_debs "a C compiler for LIBLINEAR" gcc libc6-dev
ensure_venv "[test]"

.venv/bin/ruff check jun_desk tests bench scripts
# The layers (import-linter contracts in pyproject.toml) and the declared dependencies.
.venv/bin/lint-imports --no-cache
.venv/bin/python scripts/check_deps.py
# Types: strict for the domain, the store and the services ([tool.mypy] in pyproject.toml).
.venv/bin/mypy

export QT_QPA_PLATFORM=offscreen
export JUN_DESK_TEST_KEYRING=secret-service
# A private session bus with a fresh, unlocked gnome-keyring (its files in a temporary
# folder, so the tests never touch the keyring of the person running them).
# Two pytest-xdist workers, a test file's tests on one worker (--dist loadfile); each worker
# starts a bus, a keyring and a PostgreSQL server of its own (tests/conftest.py), the
# keyring here serves a run without workers (-n 0, given after: the last -n counts).
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
    printf "jun-desk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"' bash "$@"
