#!/usr/bin/env bash
# Install Jun Desk in ./.venv and launch it.   bash scripts/run.sh [jun-desk arguments]
#
# On Linux a real window needs Qt's X11 libraries (libxcb-cursor0 and friends); missing ones
# are installed with apt (sudo is used if needed).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "scripts/run.sh: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
    exit 1
fi

if command -v dpkg-query >/dev/null; then
    packages=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
              libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libegl1 libgl1 libfontconfig1
              libdbus-1-3)
    "$PY" -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
    missing=()
    for pkg in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "Installing the libraries Qt needs: ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/jun-desk "$@"
