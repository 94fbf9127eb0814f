#!/usr/bin/env bash
# Install the built Jun Desk for the current user (no root):
#   bash packaging/install-linux.sh [DIST_FOLDER]     (default: dist/jun-desk)
# → ~/.local/opt/jun-desk, ~/.local/bin/jun-desk, a menu entry and the icons.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist/jun-desk}
[ -x "$dist/jun-desk" ] || { echo "No build in $dist: run bash packaging/build.sh" >&2; exit 1; }
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/jun-desk
rm -rf "$opt"
mkdir -p "$opt" "$HOME/.local/bin" "$prefix/applications"
cp -a "$dist/." "$opt/"
ln -sf "$opt/jun-desk" "$HOME/.local/bin/jun-desk"
sed "s|^Exec=jun-desk|Exec=$opt/jun-desk|; s|^TryExec=jun-desk|TryExec=$opt/jun-desk|" \
    resources/jun-desk.desktop > "$prefix/applications/jun-desk.desktop"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$prefix/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/jun-desk-$size.png" "$prefix/icons/hicolor/${size}x${size}/apps/jun-desk.png"
done
mkdir -p "$prefix/icons/hicolor/scalable/apps"
cp resources/icons/jun-desk.svg "$prefix/icons/hicolor/scalable/apps/jun-desk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
echo "Installed Jun Desk in $opt; start it from the menu or with ~/.local/bin/jun-desk"
