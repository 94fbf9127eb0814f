"""Each way X can fail becomes one clear message, and the poller keeps going."""

from __future__ import annotations

import math
import socket
import threading
import time
from contextlib import contextmanager

import pytest

from jun_desk.services.desk import Desk
from jun_desk.ui.error_texts import render
from jun_desk.x.client import XClient
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine, watch


@pytest.mark.parametrize("spec, failure, english, spanish", [
    ("429=1", Failure.RATE_LIMITED, "rate limit reached: waiting", "Límite de peticiones"),
    ("5xx=1", Failure.SERVER, "X is having trouble", "X tiene problemas"),
    ("drop=1", Failure.NETWORK, "connection dropped", "revise la red"),
    ("malformed=1", Failure.MALFORMED, "cannot be read", "ilegible"),
    ("slow=1,slow_seconds=2", Failure.TIMEOUT, "did not answer in time", "no respondió a tiempo"),
])
def test_fault_maps_to_a_clear_message(spec: str, failure: Failure, english: str,
                                       spanish: str) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(1.0, 0.5))
        me = client.me()
        sandbox.faults = Faults.parse(spec)
        with pytest.raises(XApiError) as caught:
            client.mentions(me.x_id)
        err = caught.value
        assert err.failure is failure and err.transient
        assert english in str(err) and spanish in render(err)  # render: the Spanish window


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS

    client = XClient(SANDBOX_CREDENTIALS, api_base=f"http://127.0.0.1:{port}")
    with pytest.raises(XApiError) as caught:
        client.me()
    assert caught.value.failure is Failure.NETWORK
    assert "connection refused" in str(caught.value)
    assert SANDBOX_CREDENTIALS.consumer_secret not in str(caught.value)


def test_not_found_and_permanent_errors_are_not_retried(client: XClient) -> None:
    with pytest.raises(XApiError) as caught:
        client.reply("hola", "12345")  # no such tweet: X answers 403, as for a deleted one
    assert caught.value.failure is Failure.FORBIDDEN and not caught.value.transient
    assert "deleted or not visible to you" in caught.value.detail
    assert "deleted or not visible" in render(caught.value)


@contextmanager
def watching(engine: SyncEngine, stop: threading.Event):  # type: ignore[no-untyped-def]
    """Run the headless watch loop in a thread; yields (errors, reports) as they come."""
    errors: list = []
    reports: list = []
    thread = threading.Thread(target=watch, args=(engine,), kwargs=dict(
        interval=0.05, on_report=reports.append, on_error=errors.append, stop=stop))
    thread.start()
    try:
        yield errors, reports
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def wait_for(condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_poller_survives_every_failure_and_recovers(desk: Desk) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(1.0, 1.0))
        stop = threading.Event()
        engine = SyncEngine(desk, client, max_attempts=1, stop=stop)
        sandbox.faults = Faults.parse("5xx=1")
        with watching(engine, stop) as (errors, reports):
            wait_for(lambda: len(errors) >= 2)
            sandbox.faults = Faults()
            wait_for(lambda: bool(reports))
        assert len(errors) >= 2 and all(e.failure is Failure.SERVER for e in errors)
        assert reports and reports[0].mentions.inserted >= 300


def test_headless_watch_survives_a_locked_database(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`sync --watch` keeps going when another program holds the database for a while."""
    import sqlite3

    monkeypatch.setattr("jun_desk.store.engine.SQLITE_BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "desk.db"
    desk = Desk.open(f"sqlite:///{path}")
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        stop = threading.Event()
        engine = SyncEngine(desk, client, stop=stop)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with watching(engine, stop) as (errors, reports):
                wait_for(lambda: bool(errors))
                holder.execute("ROLLBACK")
                wait_for(lambda: bool(reports))
        finally:
            holder.close()
        assert "locked by another program" in str(errors[0])
        assert reports and reports[0].mentions.inserted >= 300
    desk.close()
