"""Read files from a source snapshot: a bare git directory (what the `fetch` tool brings,
``<owner>+<name>/repo``) or a plain checkout of the repository."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path


class Snapshot:
    """``commit`` pins the version the labels were made on; a snapshot that lacks it (a shallow
    or older copy) is read at its HEAD, and the builder reports ids it cannot find."""

    def __init__(self, root: Path, commit: str = "HEAD") -> None:
        root = Path(root)
        if (root / ".git").is_dir():  # a plain `git clone`
            root = root / ".git"
        self.root = root
        self.is_git = (root / "HEAD").is_file() and (root / "objects").is_dir()
        if not self.is_git and not root.is_dir():
            raise FileNotFoundError(f"no snapshot at {root}")
        self.commit = "HEAD"
        if self.is_git and commit != "HEAD" and self._has(commit):
            self.commit = commit

    def _has(self, commit: str) -> bool:
        probe = subprocess.run(
            ["git", "--git-dir", str(self.root), "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
        )
        return probe.returncode == 0

    def list(self, prefix: str = "") -> list[str]:
        if self.is_git:
            out = subprocess.run(
                [
                    "git",
                    "--git-dir",
                    str(self.root),
                    "ls-tree",
                    "-r",
                    "--name-only",
                    self.commit,
                    "--",
                    prefix or ".",
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            return [line for line in out.splitlines() if line]
        base = self.root
        return sorted(str(p.relative_to(base)) for p in (base / prefix).rglob("*") if p.is_file())

    def read_many(self, paths: list[str]) -> Iterator[tuple[str, bytes]]:
        if not self.is_git:
            for p in paths:
                yield p, (self.root / p).read_bytes()
            return
        for (_commit, p), data in cat_files(self.root, [(self.commit, p) for p in paths]):
            yield p, data

    def read(self, path: str) -> bytes:
        for _p, data in self.read_many([path]):
            return data
        raise FileNotFoundError(path)


def cat_files(git_dir: Path, wanted: list[tuple[str, str]]
              ) -> Iterator[tuple[tuple[str, str], bytes]]:
    """The contents of (commit, path) pairs from a bare git directory, through one
    ``git cat-file --batch``; pairs git does not have are skipped."""
    proc = subprocess.Popen(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin and proc.stdout
    try:
        for commit, path in wanted:
            proc.stdin.write(f"{commit}:{path}\n".encode())
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) < 3 or header[1] == b"missing":
                continue
            data = proc.stdout.read(int(header[2]))
            proc.stdout.read(1)
            yield (commit, path), data
    finally:
        proc.stdin.close()
        proc.wait()
