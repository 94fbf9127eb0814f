"""The card's photo badge: a ticket whose messages carry photos says how many, on the
card and in its tooltip (counted by the board's own read, with the messages)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.board.panel import BoardPanel
from jun_desk.ui.context import UiContext
from tests.factories import mention
from tests.ui.media_desk import photo_item, store, with_cache


def test_a_card_with_photos_shows_their_count(qtbot, desk: Desk, people,
                                              tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_cache(desk, tmp_path)
    photo = photo_item("@AytoJun el bache de la calle Real", ["5_a", "5_b"])
    second = photo_item("@AytoJun otra foto del mismo bache", ["5_c"], minutes=1)
    plain = mention("@AytoJun la farola de la plaza no enciende", minutes=2)
    ids = store(desk, [photo, second, plain])
    ana = people["ana"]
    with_photos = desk.tickets.create_from_item(ana, ids[photo.x_id], department="obras")
    joined = desk.tickets.join_item(ana, with_photos.id, ids[second.x_id])
    assert joined.ticket.media_count == 3
    without = desk.tickets.create_from_item(ana, ids[plain.x_id], department="obras")
    assert without.media_count == 0
    panel = BoardPanel(UiContext(desk, people["rosa"]))
    qtbot.addWidget(panel)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.reload()
    model = panel.columns[Status.NEW].model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    shown = {model.ticket(r).id: model.ticket(r) for r in range(2)}
    assert shown[with_photos.id].media_count == 3 and shown[without.id].media_count == 0
    row = model.row_of(with_photos.id)
    tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    assert "Fotos y vídeos: 3" in tip
    assert "Fotos" not in model.index(model.row_of(without.id)).data(
        Qt.ItemDataRole.ToolTipRole)
    assert not panel.grab().isNull()
    panel.ui.wait()
