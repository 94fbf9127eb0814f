"""The desk that polls X applies retention once a day after its sync, on the poller's
thread; a desk standing by (another holds the lease) does not."""

from __future__ import annotations

from types import SimpleNamespace

from jun_desk.services.desk import Desk
from jun_desk.start.xside import XSide
from tests.conftest import Clock


class _Engine:
    def __init__(self, standby: str | None) -> None:
        self.standby = standby

    def sync_once(self) -> SimpleNamespace:
        return SimpleNamespace(standby=self.standby)


class _Sender:
    def send_due(self) -> int:
        return 0


def _runs(desk: Desk) -> int:
    return sum(e.action == "privacy.retention" for e in desk.audit.latest(500))


def _side(desk: Desk, standby: str | None) -> XSide:
    side = XSide(desk, connection=None, lease=None)
    side.engine, side.sender = _Engine(standby), _Sender()
    return side


def test_the_polling_desk_applies_retention_daily(desk: Desk, clock: Clock) -> None:
    standby = _side(desk, "rosa @ pc-2")
    standby.poll()
    assert _runs(desk) == 0
    polling = _side(desk, None)
    polling.poll()
    polling.poll()
    assert _runs(desk) == 1
    clock.advance(hours=23)
    polling.poll()
    assert _runs(desk) == 2
