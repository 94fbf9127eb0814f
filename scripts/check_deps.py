"""Every third-party package the code imports is declared in pyproject.toml, with a lower bound.

    .venv/bin/python scripts/check_deps.py        (scripts/test.sh runs it before pytest)

- ``jun_desk/`` may import what ``[project] dependencies`` or an optional extra declares
  (``psycopg`` comes with ``[postgres]``; the sandbox's conformance check with ``[test]``);
- ``tests/``, ``bench/`` and ``scripts/`` may import anything declared;
- every declared requirement has a ``>=`` lower bound;
- every runtime dependency is imported somewhere in ``jun_desk/`` (none left behind).

Import names are mapped to distributions by the installed metadata
(``importlib.metadata.packages_distributions``), so run it in the project's venv. Imports
guarded by ``except ImportError`` are optional by construction: they need no declaration.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_TREES = ("jun_desk",)
TOOL_TREES = ("tests", "bench", "scripts")
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: dict) -> tuple[dict[str, str], dict[str, str]]:
    """(runtime requirements, optional ones), each by normalised name → requirement text."""
    project = pyproject["project"]
    runtime = {normalise(_NAME.match(r).group(1)): r for r in project["dependencies"]}
    optional = {normalise(_NAME.match(r).group(1)): r
                for group in project.get("optional-dependencies", {}).values() for r in group}
    return runtime, optional


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside ``try: ... except ImportError`` (or ModuleNotFoundError)?"""
    current = parents.get(node)
    while current is not None:
        if isinstance(current, ast.Try):
            for handler in current.handlers:
                names = handler.type
                elts = names.elts if isinstance(names, ast.Tuple) else [names]
                if any(isinstance(e, ast.Name) and e.id in ("ImportError",
                                                             "ModuleNotFoundError")
                       for e in elts):
                    return True
        current = parents.get(current)
    return False


def imports(tree_root: Path) -> tuple[dict[str, set[str]], set[str]]:
    """Top-level names imported by the files below ``tree_root`` → where; and the names
    imported only under ``except ImportError`` (optional: they need no declaration, but a
    declared one counts as used)."""
    found: dict[str, set[str]] = defaultdict(set)
    optional: set[str] = set()
    for path in sorted(tree_root.rglob("*.py")):
        if ".venv" in path.parts:
            continue
        module = ast.parse(path.read_text(encoding="utf-8"), str(path))
        parents = {child: parent for parent in ast.walk(module)
                   for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(module):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            if _guarded(node, parents):
                optional.update(name.split(".")[0] for name in names)
                continue
            for name in names:
                found[name.split(".")[0]].add(str(path.relative_to(ROOT)))
    return found, optional - found.keys()


def local_names() -> set[str]:
    """Our own modules and packages, whatever folder they are imported from."""
    names = {"jun_desk", "tests", "bench", "scripts", "conftest"}
    for tree in (*PACKAGE_TREES, *TOOL_TREES):
        for path in (ROOT / tree).rglob("*"):
            if ".venv" in path.parts:
                continue
            if path.suffix == ".py":
                names.add(path.stem)
            elif path.is_dir():
                names.add(path.name)
    return names


def main() -> int:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime, optional = declared(pyproject)
    distributions = importlib.metadata.packages_distributions()
    ours = local_names()
    problems: list[str] = []

    for requirement in (*runtime.values(), *optional.values()):
        if ">=" not in requirement:
            problems.append(f"{requirement!r} has no lower bound (>=)")

    used_at_runtime: set[str] = set()
    for trees, allowed, what in (
            (PACKAGE_TREES, runtime.keys() | optional.keys(), "jun_desk"),
            (TOOL_TREES, runtime.keys() | optional.keys(), "the tests and tools")):
        for tree in trees:
            found, guarded = imports(ROOT / tree)
            if tree in PACKAGE_TREES:
                for name in guarded:
                    used_at_runtime |= {normalise(d) for d in distributions.get(name, [])}
            for name, where in sorted(found.items()):
                if name in sys.stdlib_module_names or name == "__future__" or name in ours:
                    continue
                dists = {normalise(d) for d in distributions.get(name, [])}
                if not dists:
                    problems.append(f"{name} (imported by {sorted(where)[0]}) is not installed:"
                                    " declare it in pyproject.toml")
                    continue
                if tree in PACKAGE_TREES:
                    used_at_runtime |= dists
                if not dists & allowed:
                    problems.append(f"{name} is imported by {what} ({sorted(where)[0]}) but "
                                    f"{'/'.join(sorted(dists))} is not declared in "
                                    "pyproject.toml")

    for name in sorted(runtime.keys() - used_at_runtime):
        problems.append(f"{runtime[name]!r} is declared but jun_desk never imports it")

    for line in problems:
        print(f"check_deps: {line}", file=sys.stderr)
    if not problems:
        print(f"check_deps: {len(runtime)} runtime and {len(optional)} optional requirements "
              "declared with lower bounds; every imported package is declared")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
