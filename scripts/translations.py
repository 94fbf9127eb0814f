"""Refresh the Qt translations: extract the Spanish source strings (lupdate), fill in the
English from resources/translations/en.json, and build the .qm files (lrelease).

The desk's error messages (context "Errors", disambiguated by their error code) take their
English from the domain's catalogue of errors (jun_desk/domain/error_codes.py), the same
English the logs and the command line show.

    .venv/bin/python scripts/translations.py           # after changing UI strings
    .venv/bin/python scripts/translations.py --check   # fail if a string lacks English
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "jun_desk_en.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or \
        shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "jun_desk" / "ui").rglob("*.py"))
    subprocess.run([tool("lupdate"), *sources, "-no-obsolete", "-ts", str(TS),
                    "-source-language", "es", "-target-language", "en"], cwd=ROOT, check=True,
                   capture_output=True)
    english = json.loads((FOLDER / "en.json").read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT))
    from jun_desk.domain.error_codes import ERRORS

    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        comment = message.find("comment")
        code = comment.text if comment is not None else None
        if code in ERRORS:
            translation.text = ERRORS[code]
            translation.attrib.pop("type", None)
        elif source in english:
            translation.text = english[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(FOLDER / "jun_desk_en.qm")],
                   check=True, capture_output=True)
    if missing:
        print("No English yet for:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1 if args.check else 0
    print(f"{TS.name}: every string translated; built jun_desk_en.qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
