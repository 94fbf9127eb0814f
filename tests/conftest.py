"""Shared fixtures: real SQLite files, a real PostgreSQL server, a controllable clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text

from jun_desk.services.context import Rules
from jun_desk.services.desk import Desk
from tests.pg_databases import PgDatabases
from tests.pg_server import PostgresServer, PostgresUnavailable
from tests.worker_keyring import WorkerKeyring

IN_CI = os.environ.get("CI", "").lower() == "true"
# The migrated template the PostgreSQL tests copy. Each pytest-xdist worker starts a server
# of its own, but JUN_DESK_TEST_PG_URL gives them one to share: one template each, or a
# worker's DROP of it would cut the other's copies short.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
PG_TEMPLATE = f"jun_template_{_WORKER}" if _WORKER else "jun_template"
_WORKER_KEYRING = pytest.StashKey[WorkerKeyring]()


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist (scripts/test.sh runs ``-n 2``) each worker gets a D-Bus session
    and a gnome-keyring of its own (tests/worker_keyring.py): the tests of two workers
    must not read and delete each other's entries. Without xdist nothing changes: the
    tests use the keyring scripts/test.sh started."""
    if (os.environ.get("PYTEST_XDIST_WORKER")
            and os.environ.get("JUN_DESK_TEST_KEYRING") == "secret-service"):
        keyring = WorkerKeyring()
        keyring.start()
        config.stash[_WORKER_KEYRING] = keyring


def pytest_unconfigure(config: pytest.Config) -> None:
    keyring = config.stash.get(_WORKER_KEYRING, None)
    if keyring is not None:
        keyring.stop()
        del config.stash[_WORKER_KEYRING]


@pytest.fixture(scope="session")
def worker_keyring(pytestconfig: pytest.Config) -> WorkerKeyring | None:
    """This worker's own keyring (None: not under xdist, or no Secret Service)."""
    return pytestconfig.stash.get(_WORKER_KEYRING, None)


class Clock:
    """A clock the tests move by hand: medians and overdue checks become exact."""

    def __init__(self, start: datetime = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder or a JUN_DESK_DB from the environment."""
    monkeypatch.setenv("JUN_DESK_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("JUN_DESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _quick_password_hashing(request: pytest.FixtureRequest,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its smallest cost in this process: the desk's own parameters (64 MiB,
    3 passes) take a tenth of a second a hash and the sign-in tests hash dozens of times.
    The logic is the same; ``real_password_hashing`` tests keep the real parameters, and a
    desk in a child process (the command line) always has them."""
    if request.node.get_closest_marker("real_password_hashing"):
        return
    from argon2 import PasswordHasher

    from jun_desk.services import passwords

    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def secret_service() -> None:
    """The real Secret Service keyring that scripts/test.sh starts; skipped elsewhere,
    and a failure in CI, where the keyring tests must run for real."""
    if os.environ.get("JUN_DESK_TEST_KEYRING") != "secret-service":
        if IN_CI:
            pytest.fail("CI must run the keyring tests: use scripts/test.sh")
        pytest.skip("needs the Secret Service session of scripts/test.sh")


@pytest.fixture
def sandbox_credentials(secret_service):  # type: ignore[no-untyped-def]
    """The sandbox's keys for @AytoJun in the real keyring, for the command line."""
    from jun_desk import secrets
    from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS

    creds = SANDBOX_CREDENTIALS  # what every Sandbox() answers to unless told otherwise
    secrets.store_credentials("AytoJun", creds)
    yield creds
    secrets.clear_credentials("AytoJun")


@pytest.fixture(scope="session")
def rules() -> Rules:
    return Rules.load()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """Admin URL of a PostgreSQL server holding a migrated template database."""
    explicit = os.environ.get("JUN_DESK_TEST_PG_URL")
    server = None
    try:
        if explicit:
            url = explicit
        else:
            server = PostgresServer()
            url = server.start()
    except PostgresUnavailable as err:
        if IN_CI:
            pytest.fail(f"PostgreSQL tests must run in CI, but the server did not start: {err}")
        pytest.skip(f"PostgreSQL not available: {err}")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {PG_TEMPLATE}"))
    Desk.open(url.rsplit("/", 1)[0] + f"/{PG_TEMPLATE}").close()  # migrate once
    engine.dispose()
    try:
        yield url
    finally:
        if server is not None:
            server.stop()


@pytest.fixture(scope="session")
def pg_databases(pg_admin_url: str) -> Iterator[PgDatabases]:
    """Copies of the template, made ahead and dropped behind the tests (tests/pg_databases.py)."""
    databases = PgDatabases(pg_admin_url, template=PG_TEMPLATE)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A migrated, empty SQLite database's bytes: migrating from nothing takes about a
    second, copying a few milliseconds (PostgreSQL's ``PG_TEMPLATE`` is the same idea)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    Desk.open(f"sqlite:///{path}").close()
    assert not path.with_name(path.name + "-wal").exists()  # all of it in the one file
    return path.read_bytes()


def migrated(request: pytest.FixtureRequest, url: str) -> str:
    """``url`` (a fresh ``db_url``) holding the migrated schema, like ``Desk.open`` leaves it:
    on SQLite the template's copy, made 0600 as the desk makes its files; PostgreSQL's
    fresh databases are copies of the migrated template (``PG_TEMPLATE``) already."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as file:
                file.write(request.getfixturevalue("sqlite_template"))
    return url


def drop_pg_database(admin_url: str, url: str) -> None:
    """Drop a database a test made itself (not one of ``pg_databases``' copies)."""
    name = url.rsplit("/", 1)[1]
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_database(request: pytest.FixtureRequest, tmp_path: Path,
                   backend: str) -> Iterator[str]:
    """A fresh, empty database URL on ``backend`` (``db_url``; tests/ui/conftest.py too)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.db'}"
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    url = databases.take()
    try:
        yield url
    finally:
        databases.give_back(url)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    yield from fresh_database(request, tmp_path, request.param)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(request: pytest.FixtureRequest, db_url: str, rules: Rules,
         clock: Clock) -> Iterator[Desk]:
    d = Desk.open(migrated(request, db_url), rules=rules, clock=clock)
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def people(desk: Desk):  # type: ignore[no-untyped-def]
    """A supervisor, an operator for obras+limpieza, and a generalist operator."""
    desk.operators.add("ana", "supervisor", display_name="Ana García")
    desk.operators.add("luis", "operator", display_name="Luis Pérez",
                       departments=["obras", "limpieza"])
    desk.operators.add("rosa", "operator", display_name="Rosa Martín")
    return {name: desk.operators.actor(name) for name in ("ana", "luis", "rosa")}


@pytest.fixture
def passwords(desk: Desk, people):  # type: ignore[no-untyped-def]
    """The people of ``people`` with passwords set (``clave-de-<name>``), for tests that
    sign in for real; ``people`` alone keeps the no-password Actors tests build by hand."""
    chosen = {name: f"clave-de-{name}" for name in people}
    for name, password in chosen.items():
        desk.operators.set_password(None, name, password)
    return chosen
