#!/usr/bin/env bash
# Build the standalone Jun Desk from this checkout:  bash packaging/build.sh [--onefile|--deb]
# Result: dist/jun-desk/jun-desk (one folder, trimmed: packaging/trim.py), or dist/jun-desk
# (one file), or also dist/jun-desk_<version>_amd64.deb (the one folder as a Debian package,
# its system libraries left to the packages it depends on: packaging/deb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

mode=${1:-}
case "$mode" in
    ""|--onefile|--deb) ;;
    *) echo "usage: bash packaging/build.sh [--onefile|--deb]" >&2; exit 2 ;;
esac
require_python packaging/build.sh
if [ "$mode" = "--deb" ]; then
    ensure_debs "the Debian packaging tools" dpkg-dev binutils patchelf lintian
else
    ensure_debs "the tools that trim the bundle" binutils patchelf
fi
ensure_venv "[packaging,postgres]"
if [ "$mode" = "--onefile" ]; then export JUN_DESK_ONEFILE=1; fi
.venv/bin/python scripts/translations.py --check >/dev/null
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/jun_desk.spec
end=$(date +%s)
target=dist/jun-desk
echo "Built $target in $((end - start)) s; size $(du -sh "$target" | cut -f1)"
if [ "$mode" != "--onefile" ]; then
    .venv/bin/python packaging/trim.py "$target" ${mode:+--system-libraries}
    echo "Trimmed $target: size $(du -sh "$target" | cut -f1)"
fi
if [ "$mode" = "--deb" ]; then
    bash packaging/deb.sh
fi
