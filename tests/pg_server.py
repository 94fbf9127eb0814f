"""A throw-away PostgreSQL server for the test session, run as an unprivileged user.

Found through JUN_DESK_TEST_PG_BINDIR, Debian's /usr/lib/postgresql/*/bin, or PATH. When
the tests run as root (CI), the server runs as the `postgres` account (or `nobody`).
Set JUN_DESK_TEST_PG_URL to use an existing server instead (an admin URL).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    explicit = os.environ.get("JUN_DESK_TEST_PG_BINDIR")
    if explicit:
        return Path(explicit)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    if which:
        return Path(which).resolve().parent
    raise PostgresUnavailable("PostgreSQL server binaries (pg_ctl, initdb) not found")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    user = "jun"

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.port = _free_port()
        self.base = Path(tempfile.mkdtemp(prefix="jun-desk-pg-"))
        self.data = self.base / "data"
        self.sockets = self.base / "sock"
        self.sockets.mkdir()
        self.log = self.base / "server.log"
        self._runas: list[str] = []
        if os.geteuid() == 0:
            account = self._unprivileged_account()
            pw = pwd.getpwnam(account)
            for path in (self.base, self.sockets):
                os.chown(path, pw.pw_uid, pw.pw_gid)
            self._runas = ["runuser", "-u", account, "--"]

    @staticmethod
    def _unprivileged_account() -> str:
        for name in (os.environ.get("JUN_DESK_TEST_PG_USER"), "postgres", "nobody"):
            if not name:
                continue
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        raise PostgresUnavailable("running as root and no unprivileged account for PostgreSQL")

    def _run(self, *args: str) -> None:
        cmd = [*self._runas, *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise PostgresUnavailable(
                f"{' '.join(args[:2])} failed ({done.returncode}): {done.stderr.strip()} {log}"
            )

    def start(self) -> str:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user,
                  "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
        self._start_server()
        return self.admin_url

    def _start_server(self) -> None:
        options = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.log), "-w", "-t", "60", "start")

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/postgres"

    def stop_only(self) -> None:
        """Shut the server down, keeping its data (start_again brings it back)."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                  "-t", "60", "stop")

    def start_again(self) -> None:
        self._start_server()

    def restart(self) -> None:
        """A clean restart (every client connection is cut), as an administrator does."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                  "-t", "60", "stop")
        self._start_server()

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
