"""A private D-Bus session with its own unlocked gnome-keyring, for one pytest-xdist worker.

``scripts/test.sh`` starts one session bus and one keyring for the pytest it runs. With
``-n 2`` the two workers would share that keyring, and the tests write the same entries
(``AytoJun``'s keys, the backup key, database passwords): one worker's test would read or
delete what the other's just stored. So each worker starts its own bus and keyring, as
``scripts/test.sh`` does (the password on the daemon's stdin, its files in a temporary
``XDG_DATA_HOME``), and points ``DBUS_SESSION_BUS_ADDRESS`` at it before anything talks to
the keyring; the children the tests start inherit it. ``tests/conftest.py`` starts it in
``pytest_configure`` and stops it in ``pytest_unconfigure``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PASSWORD = b"jun-desk-test-keyring"  # the one scripts/test.sh gives its keyring
SECRETS = "org.freedesktop.secrets"
# How long the daemon may take to own its name on the bus: it is only waited for that
# long if it never does (then the worker stops with the reason); an idle machine needs
# a few hundredths of a second, a loaded one a second or two.
_READY_PATIENCE_SECONDS = 60.0


class KeyringUnavailable(RuntimeError):
    pass


def owner_pid(address: str, name: str = SECRETS) -> int | None:
    """The process that owns ``name`` on the bus at ``address`` (None: nobody, yet).
    Asks the bus itself, so nothing is activated."""
    done = subprocess.run(
        ["dbus-send", f"--bus={address}", "--print-reply", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.GetConnectionUnixProcessID",
         f"string:{name}"],
        capture_output=True, text=True, timeout=30, check=False)
    if done.returncode != 0:
        return None
    return int(done.stdout.split()[-1])  # "... uint32 12345"


class WorkerKeyring:
    """``start()`` the bus and the keyring and point this process at them; ``stop()``."""

    def __init__(self) -> None:
        self.inherited_address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        self.address = ""
        self._folder = Path(tempfile.mkdtemp(prefix="jun-desk-keyring-"))
        self._bus: subprocess.Popen[bytes] | None = None
        self._daemon: subprocess.Popen[bytes] | None = None

    @property
    def daemon_pid(self) -> int | None:
        return self._daemon.pid if self._daemon is not None else None

    def start(self) -> None:
        try:
            self._start_bus()
            self._start_daemon()
        except BaseException:
            self.stop()
            raise
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.address

    def _start_bus(self) -> None:
        with self._log("bus").open("wb") as log:
            self._bus = subprocess.Popen(
                ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
        assert self._bus.stdout is not None
        self.address = self._bus.stdout.readline().decode().strip()
        self._bus.stdout.close()  # it prints the address once, nothing after
        if not self.address:
            raise KeyringUnavailable(f"dbus-daemon exited ({self._bus.wait()}) without a bus: "
                                     + self._said("bus"))

    def _start_daemon(self) -> None:
        data, runtime = self._folder / "data", self._folder / "runtime"
        data.mkdir(mode=0o700)
        runtime.mkdir(mode=0o700)  # its control socket, apart from the other workers'
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address,
                   XDG_DATA_HOME=str(data), XDG_RUNTIME_DIR=str(runtime))
        with self._log("keyring").open("wb") as log:
            self._daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log, env=env)
        assert self._daemon.stdin is not None
        self._daemon.stdin.write(PASSWORD)
        self._daemon.stdin.close()
        # The keyring is ready once it owns its name; asked before, the bus would start
        # another (locked) one through D-Bus activation.
        deadline = time.monotonic() + _READY_PATIENCE_SECONDS
        while owner_pid(self.address) != self._daemon.pid:
            if self._daemon.poll() is not None:
                raise KeyringUnavailable(f"gnome-keyring-daemon exited "
                                         f"({self._daemon.returncode}): {self._said('keyring')}")
            if time.monotonic() > deadline:
                raise KeyringUnavailable("gnome-keyring-daemon never took its bus name: "
                                         + self._said("keyring"))
            time.sleep(0.02)

    def _log(self, name: str) -> Path:
        """Where a daemon's complaints go (dbus-daemon's about the file limit, harmless,
        would otherwise be in the middle of pytest's output); quoted when it fails."""
        return self._folder / f"{name}.log"

    def _said(self, name: str) -> str:
        return self._log(name).read_text(errors="replace").strip() or "(nothing said)"

    def stop(self) -> None:
        for process in (self._daemon, self._bus):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._daemon = self._bus = None
        if self.inherited_address is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.inherited_address
        shutil.rmtree(self._folder, ignore_errors=True)
