"""Opening a Salud ticket in the detail pane writes the access log (who, when); a reload
after a change does not count as another opening; an Obras ticket is not logged."""

from __future__ import annotations

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from tests.conftest import Clock
from tests.factories import MARIA, PEPE, mention


def test_opening_a_health_ticket_is_logged(qtbot, desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.detail.panel import DetailPanel

    cita = mention("@AytoJun necesito cita con el médico de cabecera", author=MARIA)
    bache = mention("@AytoJun hay un bache en la calle Sol", author=PEPE, minutes=1)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [cita, bache], [MARIA, PEPE],
                            bache.x_id)
    feed = {i.x_id: i.id for i in desk.search.feed()}
    ana, rosa = people["ana"], people["rosa"]
    health = desk.tickets.create_from_item(ana, feed[cita.x_id], department="salud")
    works = desk.tickets.create_from_item(ana, feed[bache.x_id], department="obras")
    panel = DetailPanel(UiContext(desk, rosa, account="AytoJun"))
    qtbot.addWidget(panel)
    panel.show()
    clock.advance(minutes=5)
    panel.ui.ticket_chosen.emit(health.id)
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=5000)
    panel.reload()  # a change re-reads the open ticket: not a new opening
    panel.ui.wait()
    panel.ui.ticket_chosen.emit(works.id)
    qtbot.waitUntil(lambda: panel.snapshot is not None
                    and panel.snapshot.ticket.id == works.id, timeout=5000)
    panel.ui.wait()
    entries = desk.access_log.entries(ana, ticket_id=health.id)
    assert [(e.operator, e.at, e.reason) for e in entries] == [("rosa", clock.now,
                                                               "department")]
    assert desk.access_log.entries(ana, ticket_id=works.id) == []
