"""The live feed, offscreen, driven by qtbot as an operator would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.feed.model import ITEM_ROLE
from jun_desk.ui.feed.panel import FeedPanel
from tests.factories import MARIA, PEPE, mention

HOSTILE = ('<b>gratis</b> <a href="http://evil.example">pincha</a> '
           '<img src=x onerror="alert(1)"> \u202eevil مرحبا 👨‍👩‍👧 #EndesaMeEstresa @AytoJun')


def _no_anchor_or_image(doc) -> bool:  # type: ignore[no-untyped-def]
    """Walk the laid-out document: no fragment is a link or an image."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() or fmt.isImageFormat():
                return False
            it += 1
        block = block.next()
    return True


def _ingest(desk: Desk, texts: list[str], start: float = 0) -> None:
    items = [mention(t, author=PEPE if n % 2 else MARIA, minutes=start + n)
             for n, t in enumerate(texts)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)


def _panel(qtbot, desk: Desk, actor) -> FeedPanel:  # type: ignore[no-untyped-def]
    ui = UiContext(desk, actor)
    panel = FeedPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(520, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_feed_shows_messages_and_escapes_hostile_text(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    _ingest(desk, ["Farola apagada en la calle Real", HOSTILE])
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    hostile = panel.model.item(0)
    assert hostile.text.startswith("<b>gratis</b>")
    delegate = panel.view.itemDelegate()
    doc = delegate._document(hostile, 400, panel.font())
    shown = doc.toPlainText()
    assert "<b>gratis</b>" in shown and '<a href="http://evil.example">' in shown
    assert "\u202e" not in shown and "مرحبا" in shown and "👨‍👩‍👧" in shown
    assert _no_anchor_or_image(doc)
    assert not panel.grab().isNull()


def test_new_mentions_do_not_move_what_the_operator_is_reading(qtbot, desk: Desk,
                                                               people) -> None:  # type: ignore[no-untyped-def]
    _ingest(desk, [f"Contenedor lleno número {n} en la calle Baja" for n in range(60)])
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 60, timeout=5000)
    panel.view.scrollTo(panel.model.index(30), panel.view.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    reading = panel.view.indexAt(QPoint(4, 4))
    reading_id = reading.data(ITEM_ROLE).id
    top_before = panel.view.visualRect(reading).top()
    _ingest(desk, [f"Bache nuevo {n}" for n in range(5)], start=100)
    panel.refresh_new()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 65, timeout=5000)
    qtbot.wait(50)
    now_at_top = panel.view.indexAt(QPoint(4, 4))
    assert now_at_top.data(ITEM_ROLE).id == reading_id
    assert panel.view.visualRect(now_at_top).top() == top_before
    assert panel.unread == 5 and "5 nuevos" in panel.unread_label.text()
    panel.view.verticalScrollBar().setValue(0)  # back to the top: all read
    assert panel.unread == 0


# Clear enough for triage to route by itself (above the routing threshold, issue 26); the
# bare "Hay un bache enorme en la calle Ancha" waits "sin clasificar" with two choices.
POTHOLE = "Hay un bache enorme en la calle Ancha, la calzada está hundida"
WATER_CUT = "Corte de agua en toda la calle Real, no tenemos agua en casa"


def test_keyboard_creates_a_ticket_and_marks_handled(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    _ingest(desk, [POTHOLE, "¡Gracias por todo! 👏"])
    panel = _panel(qtbot, desk, people["luis"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.select_row(1)  # the pothole (older, lower)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.ui.ticket_chosen, timeout=5000) as created:
        qtbot.keyClick(panel.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    ticket = desk.tickets.get(created.args[0])
    assert ticket.department == "obras" and ticket.title.startswith("Hay un bache")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)  # handled: gone
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert desk.search.feed(unhandled_only=True) == []
    panel.unhandled.setChecked(False)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)


def test_filters_by_department_and_text(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    _ingest(desk, ["Farola apagada", "Contenedor lleno", "¿Menú del comedor?"])
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    panel.department.setCurrentIndex(panel.department.findData("limpieza"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.model.item(0).text == "Contenedor lleno"
    panel.department.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "comedor")  # typed as a person would (ASCII: Qt testlib)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1
                    and panel.model.item(0).text.startswith("¿Menú"), timeout=5000)



def _ticket_from_the_only_message(qtbot, panel, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+T's action on the feed's one message, until its ticket is stored."""
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.create_ticket()
    qtbot.waitUntil(lambda: desk.search.count() == 1, timeout=5000)

def test_ctrl_t_offers_only_the_departments_the_operator_may_create_in(
        qtbot, desk: Desk, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: an operator could create a ticket in a department they may not take. A
    message triage suggests for another department asks where, offering only theirs."""
    from jun_desk.ui import pickers

    _ingest(desk, [WATER_CUT])
    (item,) = desk.search.feed(limit=5)
    assert item.suggested_department == "suministros"
    offered: list[list[str]] = []

    def pick(self) -> int:  # type: ignore[no-untyped-def]
        offered.append([self.list.item(r).data(pickers.VALUE_ROLE)
                        for r in range(self.list.count())])
        self.list.setCurrentRow(1)  # the second of luis's: limpieza
        return pickers.QDialog.DialogCode.Accepted

    monkeypatch.setattr(pickers.NewTicketDepartmentPicker, "exec", pick)
    panel = _panel(qtbot, desk, people["luis"])
    _ticket_from_the_only_message(qtbot, panel, desk)
    assert offered == [["obras", "limpieza"]]  # the catalogue's order, only luis's
    (ticket,) = desk.search.tickets()
    assert ticket.department == "limpieza"
    panel.ui.wait()


def test_ctrl_t_asks_nothing_when_the_suggestion_is_the_operators(
        qtbot, desk: Desk, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui import pickers

    _ingest(desk, [WATER_CUT])
    monkeypatch.setattr(pickers.NewTicketDepartmentPicker, "exec",
                        lambda self: pytest.fail("asked a supervisor where"))
    panel = _panel(qtbot, desk, people["ana"])
    _ticket_from_the_only_message(qtbot, panel, desk)
    assert desk.search.tickets()[0].department == "suministros"
    panel.ui.wait()


def test_feed_is_newest_first_across_mentions_and_dms_and_in_search(qtbot, desk: Desk,
                                                                    people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, item 2: a sync stores mentions and DMs in separate batches, so DMs of 13:12
    and 13:05 (stored later) sat above mentions of 14:14 under the Obras filter; a search
    listed ayer 23:24 above today's 12:21. The feed is in the order they were written, in
    every view, and the next older page goes on from there."""
    from tests.factories import dm

    # Minutes after 08:00: the mentions are newer, the DMs are stored after them.
    mentions = [mention("Farola apagada en la calle Real (rama caída)", minutes=374),
                mention("Otra farola apagada junto a la rama del olivo", author=PEPE,
                        minutes=373)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, mentions, [MARIA, PEPE],
                            mentions[0].x_id)
    dms = [dm("Farola fundida en mi calle, hay una rama encima", minutes=312),
           dm("La farola de la plaza sigue apagada, rama en el suelo", author=PEPE,
              minutes=305, conversation="c-1002")]
    desk.ingest.ingest_page("AytoJun", Stream.DMS, dms, [MARIA, PEPE], dms[0].x_id)
    late = [mention("Ayer una rama rompió la farola del parque", minutes=-520)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, late, [MARIA], late[0].x_id)
    written = sorted(mentions + dms + late, key=lambda i: i.created_at, reverse=True)
    expected = [i.text for i in written]

    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=5000)
    shown = lambda: [panel.model.item(r).text for r in range(panel.model.rowCount())]  # noqa: E731
    assert shown() == expected
    panel.department.setFocus()  # the Obras filter, chosen with the keys
    while panel.department.currentData() != "obras":
        qtbot.keyClick(panel.department, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown() == expected, timeout=5000)
    qtbot.keyClicks(panel.search, "rama")
    qtbot.waitUntil(lambda: panel.search.text() == "rama" and not panel._reloading
                    and shown() == expected, timeout=5000)
    # The next older page goes on after the bottom row in the same order.
    pages = desk.search.feed(limit=2, text="rama")
    while len(pages) < 5:
        pages += desk.search.feed(limit=2, text="rama", before_id=pages[-1].id)
    assert [i.text for i in pages] == expected


def test_a_late_arrival_takes_its_place_by_time(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """A message written before what is on top, stored after it (the DMs' batch), goes to
    its place, not above everything."""
    from tests.factories import dm

    _ingest(desk, ["Farola apagada en la calle Real", "Bache en la calle Ancha"], start=60)
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    late = dm("Contenedor lleno en la plaza", minutes=60.5)
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [late], [MARIA], late.x_id)
    panel.refresh_new()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    assert [panel.model.item(r).text for r in range(3)] == [
        "Bache en la calle Ancha", "Contenedor lleno en la plaza",
        "Farola apagada en la calle Real"]


def test_the_department_chip_stops_before_the_ticket_number(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Seen in issue 24's screenshots: on a narrow feed "Obras y mantenimiento" was drawn
    over "ticket #2". The chip is elided before the notes on the right."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from jun_desk.ui.feed.delegate import PAD

    _ingest(desk, ["Farola apagada en la calle Real desde ayer"])
    desk.tickets.create_from_item(people["ana"], desk.search.feed()[0].id)
    (item,) = desk.search.feed()
    assert item.ticket_id is not None and item.suggested_department == "obras"
    panel = _panel(qtbot, desk, people["rosa"])
    delegate = panel.view.itemDelegate()
    image = QImage(230, 60, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.font = panel.font()
    painter.setFont(option.font)
    rect = QRectF(0, 0, 230, 60)
    x = 56.0
    bold = QFont(option.font)
    bold.setBold(True)
    chip_end = delegate._paint_chips(painter, option, item, rect, x, 0, bold) - 6
    tail = painter.fontMetrics().horizontalAdvance(delegate._badges(item))
    painter.end()
    assert chip_end <= rect.right() - PAD - tail
