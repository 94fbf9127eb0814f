#!/usr/bin/env bash
# Build the standalone Jun Desk from this checkout:  bash packaging/build.sh [--onefile]
# Result: dist/jun-desk/jun-desk (one folder), or dist/jun-desk (one file).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_python packaging/build.sh
ensure_venv "[packaging,postgres]"
if [ "${1:-}" = "--onefile" ]; then export JUN_DESK_ONEFILE=1; fi
.venv/bin/python scripts/translations.py --check >/dev/null
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/jun_desk.spec
end=$(date +%s)
target=dist/jun-desk
echo "Built $target in $((end - start)) s; size $(du -sh "$target" | cut -f1)"
