#!/usr/bin/env bash
# Install Jun Desk in ./.venv and launch it.   bash scripts/run.sh [jun-desk arguments]
#
# On Linux a real window needs Qt's X11 libraries (libxcb-cursor0 and friends); missing ones
# are installed with apt (sudo is used if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_python scripts/run.sh
ensure_debs "the libraries Qt needs" libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 \
    libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 \
    libegl1 libgl1 libfontconfig1 libdbus-1-3
# LIBLINEAR (triage training) is published as source: pip compiles its small C library.
ensure_debs "a C compiler for LIBLINEAR" gcc libc6-dev
ensure_venv ""
exec .venv/bin/jun-desk "$@"
