#!/usr/bin/env bash
# CI step after the tests: build the binary from this checkout and prove it works.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debs "the packaging checks" desktop-file-utils binutils
bash packaging/build.sh
bundle=dist/jun-desk/_internal/resources
# Every resource of the checkout is in the bundle.
diff <(cd resources && find . -type f | sort) <(cd "$bundle" && find . -type f | sort)
desktop-file-validate resources/jun-desk.desktop
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
./dist/jun-desk/jun-desk --version
started=$(date +%s%N)
JUN_DESK_HOME="$home" QT_QPA_PLATFORM=offscreen ./dist/jun-desk/jun-desk --self-test
echo "frozen self-test (cold start included): $(( ($(date +%s%N) - started) / 1000000 )) ms"
# The window's staged start in the bundle (what loads behind the shown window is there):
# "shown", then "ready" once the sandbox desk's board is painted.
started=$(date +%s%N)
JUN_DESK_HOME="$home" QT_QPA_PLATFORM=offscreen JUN_DESK_QUIT_WHEN_READY=1 \
    ./dist/jun-desk/jun-desk --sandbox --speed instant > "$home/start.txt"
grep -q '^shown ' "$home/start.txt" && grep -q '^ready ' "$home/start.txt"
echo "frozen window start to ready: $(( ($(date +%s%N) - started) / 1000000 )) ms"
# The user-level install works and the installed copy runs.
HOME="$home" XDG_DATA_HOME="$home/share" bash packaging/install-linux.sh
desktop-file-validate "$home/share/applications/jun-desk.desktop"
HOME="$home" "$home/.local/bin/jun-desk" --version
