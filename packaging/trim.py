"""Make the one-folder bundle smaller, and say where its megabytes go.

    python3 packaging/trim.py dist/jun-desk [--system-libraries] [--measure-only]

PyInstaller copies whole Qt plugin folders, every Qt translation and every library those
pull in. This removes what the desk never loads (see DROP), then every bundled library that
nothing left in the bundle needs, then strips debug symbols from what remains. With
``--system-libraries`` (the Debian package) it also removes the libraries that a Debian
package of this system provides: the .deb then depends on those packages (dpkg-shlibdeps
computes them), so the system's security updates reach the desk. A table of sizes per
component is printed before and after. Linux only (ELF, readelf, strip, dpkg).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

# Relative to the bundle's _internal folder. What stays and why:
# platforms xcb (X11), wayland (a Wayland session) and offscreen (--self-test, CI);
# the xdg-desktop-portal theme (file dialogs on GNOME/KDE); the compose input context
# (dead keys: á, ñ); SVG icon engine (icon themes); the xcb GL integrations (Qt loads one
# when a window opens); Qt's own Spanish and English strings (qtbase_es/en, ui/i18n.py).
DROP = [
    # Platforms for embedded devices and remote frames, never a town hall's PC.
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so", "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*", "PySide6/Qt/plugins/generic/*",
    # The GTK theme drags in GTK 3, Cairo, Pango, ATK (~25 MB); the portal theme stays.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    # iBus input: the desk is typed in Spanish and English (the compose context stays).
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    # Image formats the desk never reads (PNG is built into QtGui; SVG stays).
    "PySide6/Qt/plugins/imageformats/libq[!s]*.so",
    # Wayland: the xdg-shell (every desktop's) and the decorations stay; the rest are
    # compositor-side or other shells.
    "PySide6/Qt/plugins/wayland-shell-integration/lib[!x]*.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/*",
    # Qt's own catalogues for other languages and for tools the desk does not ship.
    "PySide6/Qt/translations/*",
    # The interactive prompt's line editing (and its terminfo library).
    "python3*/lib-dynload/readline*.so", "python3*/lib-dynload/_curses*.so",
    # python-stdnum: only the IBAN registry is read (domain/privacy.py: dni, nie, iban).
    "stdnum/*.dat", "stdnum/*/*.dat", "stdnum/cn/*",
]
KEEP = ["PySide6/Qt/translations/qtbase_es.qm", "PySide6/Qt/translations/qtbase_en.qm",
        "stdnum/iban.dat"]

COMPONENTS = [  # (label, glob on the path relative to the bundle's folder); first match wins
    ("Qt ICU data and libraries (libicu*)", "_internal/PySide6/Qt/lib/libicu*"),
    ("Qt libraries (libQt6*)", "_internal/PySide6/Qt/lib/*"),
    ("Qt plugins", "_internal/PySide6/Qt/plugins/*"),
    ("Qt translations", "_internal/PySide6/Qt/translations/*"),
    ("PySide6 + shiboken bindings", "_internal/PySide6/*"),
    ("PySide6 + shiboken bindings", "_internal/shiboken6/*"),
    ("libpython", "_internal/libpython*"),
    ("Python stdlib extensions", "_internal/python3*/*"),
    ("Python code (PYZ in the executable, base_library)", "jun-desk"),
    ("Python code (PYZ in the executable, base_library)", "_internal/base_library.zip"),
    ("cryptography (Secret Service keyring)", "_internal/cryptography*"),
    ("SQLAlchemy (compiled)", "_internal/sqlalchemy*"),
    ("psycopg + its libpq, OpenSSL, Kerberos", "_internal/psycopg*"),
    ("Jun Desk resources", "_internal/resources/*"),
    ("system libraries (X11, GTK, fonts, OpenSSL, ...)", "_internal/lib*.so*"),
]


def component(rel: str) -> str:
    for label, pattern in COMPONENTS:
        if fnmatch.fnmatch(rel, pattern):
            return label
    return "other Python packages and data"


def measure(folder: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in _files(folder):
        sizes[component(path.relative_to(folder).as_posix())] += path.stat().st_size
    return dict(sizes)


def _files(folder: Path) -> list[Path]:
    return [Path(root, name) for root, _dirs, names in os.walk(folder) for name in names
            if not Path(root, name).is_symlink()]


def table(before: dict[str, int], after: dict[str, int] | None = None) -> str:
    mib = 1024 * 1024
    rows = sorted(before, key=lambda k: -before[k])
    lines = [f"{'component':52} {'before':>9}" + (f" {'after':>9}" if after else "")]
    for key in rows:
        line = f"{key:52} {before[key] / mib:8.1f}M"
        if after is not None:
            line += f" {after.get(key, 0) / mib:8.1f}M"
        lines.append(line)
    total = f"{'total':52} {sum(before.values()) / mib:8.1f}M"
    if after is not None:
        total += f" {sum(after.values()) / mib:8.1f}M"
    return "\n".join([*lines, total])


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def _droppable_library(internal: Path, path: Path) -> bool:
    """A library that is loaded only because another file needs it (by soname): the ones
    PyInstaller collects beside the executable, Qt's own and the wheels' vendored ones.
    Python extensions, Qt plugins and ctypes-loaded libraries are roots, never dropped."""
    rel = path.relative_to(internal)
    name = rel.name
    if not (name.startswith("lib") and ".so" in name) or name.startswith("libpython"):
        return False
    return (len(rel.parts) == 1 or rel.parent.as_posix() == "PySide6/Qt/lib"
            or rel.parent.name.endswith(".libs"))


def drop_unused(internal: Path) -> list[str]:
    """Delete the DROP files, then the libraries nothing left needs (to a fixed point)."""
    removed = []
    for cache in sorted(internal.rglob("__pycache__")):  # bytecode of data folders' scripts
        shutil.rmtree(cache)
        removed.append(cache.relative_to(internal).as_posix())
    for pattern in DROP:
        for path in sorted(internal.glob(pattern)):
            rel = path.relative_to(internal).as_posix()
            if path.is_file() and rel not in KEEP:
                path.unlink()
                removed.append(rel)
    while True:
        elves = [p for p in _files(internal) if _is_elf(p)]
        needed = {name for p in elves for name in _needed(p)}
        unused = [p for p in elves if _droppable_library(internal, p) and p.name not in needed]
        if not unused:
            break
        for path in unused:
            path.unlink()
            removed.append(path.relative_to(internal).as_posix())
    _remove_dangling_links(internal)
    for root, dirs, _names in os.walk(internal, topdown=False):
        for name in dirs:
            if not any(Path(root, name).iterdir()):
                Path(root, name).rmdir()
    return removed


def drop_system_libraries(internal: Path) -> dict[str, str]:
    """Delete the bundled copies of libraries that a Debian package of this system
    installs under the same name; returns {library: package}."""
    candidates = {p.name: p for p in internal.iterdir()
                  if p.is_file() and not p.is_symlink() and _droppable_library(internal, p)}
    if not candidates:
        return {}
    found = subprocess.run(["dpkg-query", "-S", *candidates], capture_output=True,
                           text=True).stdout
    owners: dict[str, str] = {}
    for line in found.splitlines():
        package, _, path = line.partition(": ")
        name = Path(path).name
        if name in candidates and path.startswith(("/lib/", "/usr/lib/")):
            owners[name] = package.split(",")[0].strip()
    for name in owners:
        candidates[name].unlink()
    _remove_dangling_links(internal)
    return owners


def _remove_dangling_links(folder: Path) -> None:
    for root, dirs, names in os.walk(folder):
        for name in names + dirs:
            path = Path(root, name)
            if path.is_symlink() and not path.exists():
                path.unlink()


def drop_build_paths(internal: Path) -> list[str]:
    """Remove RUNPATHs that name a folder of the build machine (e.g. pyenv's lib folder
    in libpython and its extension modules): on another PC they are at best useless and
    at worst a place someone else can put a library. $ORIGIN paths (Qt's) stay."""
    changed = []
    for path in _files(internal):
        if not _is_elf(path):
            continue
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True,
                             text=True).stdout
        paths = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines()
                 if "(RUNPATH)" in line or "(RPATH)" in line]
        if any(not entry.startswith("$ORIGIN") for p in paths for entry in p.split(":")):
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True)
            changed.append(path.relative_to(internal).as_posix())
    return changed


def strip(internal: Path) -> int:
    """Strip symbols from every ELF file of _internal (the executable carries its archive
    after the ELF image and is left as it is). Returns how many were stripped."""
    elves = [str(p) for p in _files(internal) if _is_elf(p)]
    for start in range(0, len(elves), 200):
        subprocess.run(["strip", "--strip-unneeded", *elves[start:start + 200]], check=True)
    return len(elves)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--system-libraries", action="store_true",
                        help="also remove the libraries a Debian package provides")
    parser.add_argument("--measure-only", action="store_true")
    args = parser.parse_args()
    internal = args.folder / "_internal"
    if not internal.is_dir():
        print(f"trim: {internal} is not a one-folder bundle", file=sys.stderr)
        return 1
    before = measure(args.folder)
    if args.measure_only:
        print(table(before))
        return 0
    removed = drop_unused(internal)
    print(f"trim: removed {len(removed)} files the desk never loads")
    if args.system_libraries:
        owners = drop_system_libraries(internal)
        print(f"trim: {len(owners)} libraries left to the system's packages: "
              + ", ".join(sorted(set(owners.values()))))
    print(f"trim: stripped {strip(internal)} ELF files")
    print(f"trim: removed the build machine's RUNPATH from "
          f"{len(drop_build_paths(internal))} files")
    print(table(before, measure(args.folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
