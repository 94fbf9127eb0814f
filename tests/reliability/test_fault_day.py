"""A whole scenario day with about 20 % injected faults, and a disk that fills up."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, func, select

from jun_desk.domain.errors import JunDeskError, StorageError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.store.models import TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine, watch
from tests.factories import MARIA, mention
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids

FAULTS = "429=0.04,5xx=0.04,drop=0.04,malformed=0.04,slow=0.04,slow_seconds=0.4"


def test_a_day_with_20_percent_faults_loses_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = Desk.open(f"sqlite:///{tmp_path / 'desk.db'}")
    with Sandbox(speed=15 * 3600 / 8, faults=Faults.parse(FAULTS)) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(0.5, 0.3))
        stop = threading.Event()
        engine = SyncEngine(desk, client, stop=stop, page_size=20, max_wait=2)
        errors: list[JunDeskError] = []
        reports = []
        thread = threading.Thread(target=watch, args=(engine,), kwargs=dict(
            interval=0.1, on_report=reports.append, on_error=errors.append, stop=stop))
        thread.start()
        try:
            end = sandbox.scenario.start + sandbox.scenario.length
            while sandbox.clock.now() < end:
                time.sleep(0.2)
            deadline = time.monotonic() + 30
            # Keep polling until a clean poll after the day's end has seen everything.
            while time.monotonic() < deadline and not (
                    len(reports) and _stored(desk, "mention") >= len(scenario_mention_ids(
                        sandbox)) and _stored(desk, "dm_in") >= len(scenario_dm_ids(sandbox))):
                time.sleep(0.2)
        finally:
            stop.set()
            thread.join(timeout=30)
        assert not thread.is_alive()
        injected = sum(sandbox.state.stats.injected.values())
        assert injected / max(1, sandbox.state.stats.requests) > 0.1
        assert _ids(desk, "mention") == scenario_mention_ids(sandbox)
        assert _ids(desk, "dm_in") == scenario_dm_ids(sandbox)
        with desk.db.session(readonly=True) as session:
            total = session.scalar(select(func.count()).select_from(TicketItem))
        assert total == len(scenario_mention_ids(sandbox)) + len(scenario_dm_ids(sandbox))
        assert sandbox.state.stats.rate_limited == 0  # no storm: the real budget never ran out
        print(f"\nfault day: {sandbox.state.stats.requests} requests, {injected} faults "
              f"injected, {len(errors)} polls failed and were retried, {len(reports)} polls ok")
    desk.close()


def _ids(desk: Desk, kind: str) -> set[str]:
    with desk.db.session(readonly=True) as session:
        return set(session.scalars(select(TicketItem.x_id).where(TicketItem.kind == kind)))


def _stored(desk: Desk, kind: str) -> int:
    return len(_ids(desk, kind))


def test_a_full_disk_is_a_clear_error_and_stores_nothing_half(tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = Desk.open(f"sqlite:///{tmp_path / 'desk.db'}")
    first = mention("Farola apagada")
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [first], [MARIA], first.x_id)

    @event.listens_for(desk.db.engine, "connect")
    def tiny_disk(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 1}")

    desk.db.engine.dispose()  # new connections see the full disk
    flood = [mention("x" * 15_000 + str(n), minutes=n) for n in range(40)]
    with pytest.raises(StorageError, match="disk is full"):
        desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, flood, [MARIA], flood[-1].x_id)
    event.remove(desk.db.engine, "connect", tiny_disk)
    desk.db.engine.dispose()
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) == first.x_id
    assert [i.x_id for i in desk.search.feed()] == [first.x_id]
    desk.close()
