"""Several desks, each in its own process, on one database (PostgreSQL, and SQLite on one PC).

Separate processes, as on separate PCs: 1,000 conflicting reassignments with no lost
update and every conflict reported; another desk's change on this desk's board (Qt model)
within a second; the poller handed over when its desk is killed; a server restart in
the middle of the work.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from jun_desk.domain.errors import StorageError
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, TicketItem
from tests.pg_server import PostgresServer, PostgresUnavailable

ROOT = Path(__file__).resolve().parents[2]


def _worker(*args: str, stdin: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.shared.desk_worker", *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, text=True)


def _seed(desk: Desk, tickets: int) -> tuple[list[int], list[int]]:
    ana = desk.operators.add("ana", "supervisor", display_name="Ana García")
    ops = [ana.id] + [desk.operators.add(n, "operator", display_name=n.title()).id
                      for n in ("luis", "rosa", "pepe")]
    actor = desk.operators.actor("ana")
    ids = [desk.tickets.create_manual(actor, department="obras", title=f"Bache {i}").id
           for i in range(tickets)]
    return ids, ops


def _wait_for(procs: list[subprocess.Popen[str]], word: str) -> None:
    """Until each worker has said ``word`` (a line of its own) on its standard output."""
    for proc in procs:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == word:
                break
        else:
            raise AssertionError(f"a worker ended before '{word}': {proc.communicate()}")


def _race(url: str, tickets: list[int], ops: list[int], per_worker: int,
          go: Path) -> list[dict]:
    workers = [_worker("reassign", url, ",".join(map(str, tickets)), ",".join(map(str, ops)),
                       str(per_worker), str(seed), str(go)) for seed in (1, 2)]
    _wait_for(workers, "ready")  # both have opened the database
    go.touch()
    results = []
    for proc in workers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _assert_no_lost_update(desk: Desk, tickets: list[int], results: list[dict]) -> int:
    successes = [tuple(s) for r in results for s in r["successes"]]
    per_ticket = Counter(t for t, _v in successes)
    for ticket_id in tickets:
        final = desk.tickets.get(ticket_id)
        # Created at version 1; every successful reassignment is one version more.
        assert final.version == 1 + per_ticket[ticket_id]
        versions = sorted(v for t, v in successes if t == ticket_id)
        assert versions == list(range(2, 2 + per_ticket[ticket_id]))  # none overwritten
    with desk.db.session(readonly=True) as session:
        def count(outcome: str) -> int:
            return int(session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "ticket.assign", AuditEvent.outcome == outcome)) or 0)
        assert count("ok") == len(successes)
        assert count("conflict") == sum(r["conflicts"] for r in results)
    return sum(r["conflicts"] for r in results)


def test_1000_conflicting_reassignments_lose_nothing(db_url: str, tmp_path: Path) -> None:
    desk = Desk.open(db_url)
    try:
        tickets, ops = _seed(desk, 3)
        results = _race(db_url, tickets, ops, 500, tmp_path / "go")
        conflicts = _assert_no_lost_update(desk, tickets, results)
        attempts = sum(len(r["successes"]) + r["conflicts"] for r in results)
        assert attempts == 1000
        assert conflicts > 0, "the two desks never collided: the test proved nothing"
    finally:
        desk.close()


@pytest.fixture
def own_server() -> Iterator[tuple[PostgresServer, str]]:
    """A PostgreSQL server of this test alone (it gets restarted), with a migrated,
    seeded-later database; yields the server and the database URL."""
    try:
        server = PostgresServer()
        admin = server.start()
    except PostgresUnavailable as err:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(str(err))
    try:
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("CREATE DATABASE jun_restart"))
        engine.dispose()
        yield server, admin.rsplit("/", 1)[0] + "/jun_restart"
    finally:
        server.stop()


@pytest.mark.postgres
def test_server_restart_during_work_reconnects_and_loses_nothing(
        own_server: tuple[PostgresServer, str], tmp_path: Path) -> None:
    server, url = own_server
    desk = Desk.open(url)
    tickets, ops = _seed(desk, 4)
    stream = desk.changes.stream()
    assert stream.next(0.05) is None
    go = tmp_path / "go"
    workers = [_worker("reassign", url, ",".join(map(str, tickets)),
                       ",".join(map(str, ops)), "1000", str(seed), str(go))
               for seed in (5, 6)]
    _wait_for(workers, "ready")
    go.touch()
    # while both desks are writing: each has done its first reassignments, 980 to go
    _wait_for(workers, "working")
    server.restart()
    # The listener of this desk notices, then comes back with a full refresh.
    outcomes = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            batch = stream.next(0.2)
        except StorageError:
            outcomes.append("lost")
            continue
        if batch is not None and batch.resync:
            outcomes.append("resync")
            break
    assert outcomes[0] == "lost" and outcomes[-1] == "resync"
    results = []
    for proc in workers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["errors"] for r in results) > 0, "the restart did not hit the workers"
    _assert_no_lost_update(desk, tickets, results)
    # This desk's own services reconnect too.
    assert desk.tickets.get(tickets[0]).id == tickets[0]
    stream.close()
    desk.close()


@pytest.mark.postgres
def test_the_window_shows_a_lost_server_and_recovers_without_losing_the_draft(
        own_server: tuple[PostgresServer, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.workflow import Status
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.main_window import MainWindow

    server, url = own_server
    desk = Desk.open(url)
    tickets, ops = _seed(desk, 1)
    ui = UiContext(desk, desk.operators.actor("ana"))
    live = ChangeListener(desk.changes.stream())
    window = MainWindow(ui, live=live)
    qtbot.addWidget(window)
    live.start()
    try:
        ui.ticket_chosen.emit(tickets[0])
        qtbot.waitUntil(lambda: window.desk.detail.snapshot is not None, timeout=5000)
        window.desk.detail.composer.setPlainText("Buenos días, mañana pasa la brigada de obras.")
        server.stop_only()
        qtbot.waitUntil(lambda: not window.desk.status.banner.isHidden(), timeout=15_000)
        # in the window's language
        assert "no se llega al servidor" in window.desk.status.banner.text()
        window.desk.detail.add_note()  # refused with the reason; the draft stays
        qtbot.waitUntil(lambda: "no se llega al servidor" in window.desk.detail.error.text(),
                        timeout=15_000)
        assert window.desk.detail.composer.toPlainText().startswith("Buenos días")
        server.start_again()
        qtbot.waitUntil(lambda: window.desk.status.banner.isHidden(), timeout=20_000)
        # Back: the same note goes through, and another desk's change shows up live.
        window.desk.detail.add_note()
        qtbot.waitUntil(lambda: window.desk.detail.composer.toPlainText() == "", timeout=10_000)
        other = Desk.open(url, migrate=False)
        other.tickets.assign(other.operators.actor("ana"), tickets[0], ops[1],
                             other.tickets.get(tickets[0]).version)
        other.close()
        assigned = window.desk.board.columns[Status.ASSIGNED].model
        qtbot.waitUntil(lambda: assigned.row_of(tickets[0]) is not None, timeout=5000)
        assert [n.text for n in desk.tickets.notes(tickets[0])] == [
            "Buenos días, mañana pasa la brigada de obras."]
    finally:
        live.stop()
        window.close()
        ui.wait()
        desk.close()


# ---------------------------------------------------------------------- live refresh in Qt
def test_another_desks_change_reaches_this_board_within_a_second(db_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.workflow import Status
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.main_window import MainWindow

    desk = Desk.open(db_url)
    tickets, ops = _seed(desk, 1)
    ticket_id = tickets[0]
    ui = UiContext(desk, desk.operators.actor("ana"))
    live = ChangeListener(desk.changes.stream())
    window = MainWindow(ui, live=live)
    qtbot.addWidget(window)
    live.start()
    new_column = window.desk.board.columns[Status.NEW].model
    column = window.desk.board.columns[Status.ASSIGNED].model
    qtbot.waitUntil(lambda: new_column.row_of(ticket_id) is not None, timeout=5000)
    proc = _worker("change", db_url, str(ticket_id), stdin=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        for operator_id in (ops[1], ops[2]):
            proc.stdin.write(f"assign {operator_id}\n")
            proc.stdin.flush()
            assert proc.stdout.readline().startswith("done")
            # The promise: on the other desk's board within one second.

            def shown(op: int = operator_id) -> bool:
                row = column.row_of(ticket_id)
                return row is not None and column.ticket(row).assignee_id == op
            qtbot.waitUntil(shown, timeout=1000)
        assert new_column.row_of(ticket_id) is None
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(timeout=30)
        live.stop()
        window.close()
        ui.wait()
        desk.close()


# ---------------------------------------------------------------------- one poller
def _sync_watch(url: str, home: Path, api: str, label: str) -> subprocess.Popen[str]:
    env = {**os.environ, "JUN_DESK_HOME": str(home), "JUN_DESK_ACCOUNT": "AytoJun",
           "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "jun_desk", "--db", url, "sync", "--watch", "--api-base", api,
         "--interval", str(INTERVAL), "--page-size", "20", "--no-outbox",
         "--desk-label", label],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


INTERVAL = 1.5


def _stored_all(url: str, mentions: set[str], dms: set[str]) -> bool:
    desk = Desk.open(url, migrate=False)
    try:
        with desk.db.session(readonly=True) as session:
            stored = set(session.execute(select(TicketItem.source, TicketItem.x_id)).all())
    finally:
        desk.close()
    return {x for s, x in stored if s == "tweet"} >= mentions and \
        {x for s, x in stored if s == "dm"} >= dms


def _read_until(proc: subprocess.Popen[str], needle: str, seconds: float) -> float:
    """Reads the process's output until a line holds ``needle``; returns when."""
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            time.sleep(0.02)
            continue
        if needle in line:
            return time.monotonic()
    proc.kill()
    out, err = proc.communicate(timeout=30)
    raise AssertionError(f"'{needle}' not seen within {seconds} s; "
                         f"stdout: {out[-1500:]} stderr: {err[-1500:]}")


def test_the_poller_is_handed_over_when_its_desk_is_killed(
        db_url: str, tmp_path: Path, sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.x.sandbox.server import Sandbox
    from tests.x.conftest import scenario_dm_ids, scenario_mention_ids

    Desk.open(db_url).close()  # migrated before both start
    with Sandbox(speed=15 * 3600 / 12) as sandbox:
        first = _sync_watch(db_url, tmp_path, sandbox.base_url, "desk-A")
        second = None
        try:
            _read_until(first, "new mentions", 30)
            second = _sync_watch(db_url, tmp_path, sandbox.base_url, "desk-B")
            _read_until(second, "this desk stands by", 30)
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            # desk-B takes over once desk-A's lease (2/3 of the interval) runs out, about
            # one interval later on a quiet machine; a busy one may take longer, so the
            # test asks only that it does (the audit below: A, then B), not how fast
            _read_until(second, "new mentions", 60)
            while sandbox.clock.now() < sandbox.scenario.start + sandbox.scenario.length:
                time.sleep(0.3)
            mentions, dms = scenario_mention_ids(sandbox), scenario_dm_ids(sandbox)
            # The last polls: until desk-B has stored the day (it polls as X's rate budget
            # allows, a few seconds apart), at most two minutes.
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _stored_all(db_url, mentions, dms):
                time.sleep(INTERVAL)
        finally:
            for proc in (first, second):
                if proc is not None and proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
                    proc.wait(timeout=30)
    desk = Desk.open(db_url)
    try:
        with desk.db.session(readonly=True) as session:
            stored = Counter(session.execute(select(TicketItem.source, TicketItem.x_id)).all())
            takes = [after["holder"].split(" @ ")[0] for after in session.scalars(
                select(AuditEvent.after).where(AuditEvent.action == "poller.take")
                .order_by(AuditEvent.id))]
        assert {x for (s, x) in stored if s == "tweet"} >= mentions
        assert {x for (s, x) in stored if s == "dm"} >= dms
        assert max(stored.values()) == 1
        assert takes == ["desk-A", "desk-B"]
    finally:
        desk.close()

