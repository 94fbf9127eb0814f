#!/usr/bin/env bash
# Make dist/jun-desk_<version>_amd64.deb from the trimmed one-folder build in dist/jun-desk
# (packaging/build.sh --deb runs this), with Debian's own tools: dpkg-shlibdeps computes
# Depends from what the bundle's libraries need of the system, dpkg-deb builds, lintian checks.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=dist/jun-desk
[ -x "$bundle/jun-desk" ] || { echo "deb.sh: no build in $bundle" >&2; exit 1; }
version=$("$bundle/jun-desk" --version | awk '{print $2}')
changelog_version=$(sed -n '1s/^jun-desk (\([^)]*\)).*/\1/p' packaging/debian/changelog)
if [ "$version" != "$changelog_version" ]; then
    echo "deb.sh: the desk is $version but packaging/debian/changelog starts at" \
         "$changelog_version: add a changelog entry for $version" >&2
    exit 1
fi

work=build/deb
root=$work/debian/jun-desk  # (dpkg-shlibdeps knows files under debian/<package> as ours)
rm -rf "$work"
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/doc/jun-desk/licenses" "$root/usr/share/man/man1" "$root/DEBIAN" \
    "$root/usr/share/lintian/overrides"
cp -a "$bundle" "$root/opt/jun-desk"
# Shared libraries are mapped, not executed: Debian ships them 0644.
find "$root/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 644 {} +
ln -s /opt/jun-desk/jun-desk "$root/usr/bin/jun-desk"
install -m 644 resources/jun-desk.desktop "$root/usr/share/applications/jun-desk.desktop"
for size in 16 24 32 48 64 128 256; do
    install -D -m 644 "resources/icons/jun-desk-$size.png" \
        "$root/usr/share/icons/hicolor/${size}x${size}/apps/jun-desk.png"
done
install -D -m 644 resources/icons/jun-desk.svg \
    "$root/usr/share/icons/hicolor/scalable/apps/jun-desk.svg"

# Documentation: the machine-readable copyright, the changelog, the man page, and the
# licence texts the bundled projects ship (the copyright file points at them).
doc=$root/usr/share/doc/jun-desk
install -m 644 packaging/debian/copyright "$doc/copyright"
gzip -9n -c packaging/debian/changelog > "$doc/changelog.gz"
gzip -9n -c packaging/debian/jun-desk.1 > "$root/usr/share/man/man1/jun-desk.1.gz"
.venv/bin/python - "$doc/licenses" <<'EOF'
"""Copy each bundled distribution's licence files, and CPython's."""
import importlib.metadata as md
import shutil
import sys
import sysconfig
from pathlib import Path

out = Path(sys.argv[1])
cpython = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
if cpython.is_file():
    (out / "CPython").mkdir(parents=True)
    shutil.copy(cpython, out / "CPython" / "LICENSE.txt")
for dist in md.distributions():
    name = dist.metadata["Name"]
    if name in ("pip", "setuptools", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph",
                "numpy", "scipy", "jun-desk", "pycparser", "cffi"):
        continue  # build tools, left-out packages, or the desk (copyright itself)
    files = [f for f in dist.files or () if ".dist-info/" in str(f) and any(
        w in f.name.upper() for w in ("LICEN", "COPYING", "NOTICE"))]
    for file in files:
        if (source := Path(dist.locate_file(file))).is_file():
            target = out / name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
EOF
find "$doc/licenses" -type f -exec chmod 644 {} +

# Depends: the system libraries the bundle's ELF files need (the X11/xcb stack, OpenGL,
# fontconfig, D-Bus, OpenSSL, ...), each with the version this build was linked against.
mkdir -p "$work/debian"
printf 'Source: jun-desk\n\nPackage: jun-desk\nArchitecture: amd64\n' > "$work/debian/control"
mapfile -t elves < <(cd "$work" && find debian/jun-desk/opt -type f \
    \( -name '*.so' -o -name '*.so.*' -o -path '*/opt/jun-desk/jun-desk' \) \
    -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=$(cd "$work" && find debian/jun-desk/opt -name '*.so*' -printf '%h\n' | sort -u \
    | sed 's/^/-l/' | tr '\n' ' ')
# shellcheck disable=SC2086 # (one -l option per folder of the bundle's own libraries)
shlibs=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info $private "${elves[@]}" \
    2>shlibdeps.log | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { cat "$work/shlibdeps.log" >&2; echo "deb.sh: no Depends" >&2; exit 1; }
# libxcb-cursor0 is loaded by Qt's xcb platform plugin only when a window opens; the
# plugin needs it, so it is in $shlibs like the other xcb libraries.
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed "s/@VERSION@/$version/; s/@SIZE@/$size/; s/@DEPENDS@/$shlibs/" \
    packaging/debian/control.in > "$root/DEBIAN/control"
install -m 755 packaging/debian/postrm "$root/DEBIAN/postrm"
install -m 644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/jun-desk"
find "$root" -type d -exec chmod 755 {} +
out=dist/jun-desk_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "Built $out: $(du -h "$out" | cut -f1) (installed $((size / 1024)) MB)"
echo "Depends: $shlibs"
if command -v lintian >/dev/null; then
    echo "lintian:"
    # Clean, or each override explained in packaging/debian/lintian-overrides.
    lintian --fail-on error,warning "$out"
fi
