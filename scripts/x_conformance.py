"""Print how the sandbox and the desk's requests differ from X's OpenAPI document.

    .venv/bin/python scripts/x_conformance.py [SPEC ...]

SPEC is X's document (xdevplatform/xdk: latest-openapi.json v2.159, specs/openapi.json
v2.167); it is not kept in this repository. Without SPEC: both versions, from
../shared/x-api/ (or $JUN_DESK_X_OPENAPI). Exit status 1 when there is any difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jun_desk.shared_material import X_OPENAPI
from jun_desk.x.sandbox.conformance import SPEC_SOURCE, check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", nargs="*", type=Path, help=SPEC_SOURCE)
    args = parser.parse_args(argv)
    failed = False
    for path in args.spec or X_OPENAPI.candidates():
        if not path.is_file():
            print(f"{path}: not found. Expected {SPEC_SOURCE}.", file=sys.stderr)
            return 2
        report = check(path)
        print(f"== {path}")
        print("\n".join(report.lines()))
        failed = failed or bool(report.differences)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
