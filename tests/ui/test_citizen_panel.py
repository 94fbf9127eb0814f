"""The citizen panel beside the ticket: follows the ticket chosen and the feed message
chosen, lists the citizen's tickets, conversations and notes; a supervisor verifies the
citizen from it (by another channel, with a note); a ticket or a conversation opens with
one click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.verification import NoteDialog
from tests.factories import MARIA, PEPE, dm, mention


def test_citizen_panel_follows_the_work(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    lamp = mention("@AytoJun la farola de la calle Real está apagada", author=MARIA)
    other = mention("@AytoJun el contenedor de la plaza está lleno", author=PEPE, minutes=1)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [lamp, other], [MARIA, PEPE],
                            other.x_id)
    talk = dm("Hola, os escribo por la farola", author=MARIA, minutes=2, conversation="c-m")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [talk], [MARIA], talk.x_id)
    items = {i.text: i for i in desk.search.feed(limit=50)}
    ticket = desk.tickets.create_from_item(ana, items[lamp.text].id)
    desk.tickets.add_note(ana, ticket.id, "Llamar por la tarde")

    window = MainWindow(UiContext(desk, ana, account="AytoJun"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.desk.citizen
    window.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10_000)
    assert panel.header.text() == f"{MARIA.name} (@{MARIA.handle})"
    assert panel.tickets.item(0).text().startswith(f"#{ticket.id} · nuevo · ")
    assert "Hola, os escribo por la farola" in panel.conversations.item(0).text()
    assert "Llamar por la tarde" in panel.notes.item(0).text()
    assert panel.verify_button.isVisible()  # a supervisor may verify
    # Another citizen's message chosen in the feed: the panel follows its author.
    qtbot.waitUntil(lambda: window.desk.feed.model.rowCount() >= 2, timeout=10_000)
    row = window.desk.feed.model.row_of(items[other.text].id)
    window.desk.feed.select_row(row)
    qtbot.waitUntil(lambda: panel.profile is not None
                    and panel.profile.citizen.handle == PEPE.handle, timeout=10_000)
    assert panel.tickets.item(0).text() == "Ningún ticket"
    # Verify Pepe from the panel: a supervisor, by another channel, saying how.
    assert panel.verify_button.text() == "Verificar por otro canal…"
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, NoteDialog) and not dialog.ok.isEnabled()  # a note first
    dialog.note.setPlainText("Comprobado en el padrón por teléfono")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.citizens.find(PEPE.handle).verified_resident, timeout=10_000)
    qtbot.waitUntil(lambda: "verificado por ana" in panel.verification.text(), timeout=10_000)
    assert "por otro canal" in panel.verification.text() and panel.dialog is None
    assert panel.verify_button.text() == "Revocar la verificación…"
    # Back to María: her conversation opens in the DM panel with one click.
    window.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: panel.profile.citizen.handle == MARIA.handle, timeout=10_000)
    qtbot.waitUntil(lambda: window.desk.dms.model.row_of("c-m") is not None, timeout=10_000)
    panel._open_conversation(panel.conversations.item(0))
    assert window.desk.dms.current is not None and window.desk.dms.current.conversation_id == "c-m"
    window.close()


def test_an_operator_is_not_offered_verification(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    lamp = mention("@AytoJun la farola de la calle Real está apagada", author=MARIA)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [lamp], [MARIA], lamp.x_id)
    item = desk.search.feed(limit=5)[0]
    ticket = desk.tickets.create_from_item(people["rosa"], item.id)
    window = MainWindow(UiContext(desk, people["rosa"]))
    qtbot.addWidget(window)
    window.show()
    window.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: window.desk.citizen.profile is not None, timeout=10_000)
    assert window.desk.citizen.verify_button.isHidden()
    window.close()


def _click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_panel_shows_the_citizen_of_what_was_opened_last(qtbot, desk: Desk,
                                                             people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, item 3: after Pepe's message, Sergio's DM conversation and Pilar's ticket
    the panel showed Pepe: it did not follow conversations, a refresh read the citizen on
    screen instead of the one asked for, and a row leaving the feed moved its selection to
    a neighbour nobody chose."""
    from jun_desk.domain.actions import Changes, Event
    from jun_desk.domain.items import XUser

    sergio = XUser("1004", "sergio_jun", "Sergio Ortega")
    pilar = XUser("1003", "pilar_jun", "Pilar Gómez")
    ana = people["ana"]
    pepes = mention("@AytoJun el contenedor de la plaza está lleno", author=PEPE)
    marias = mention("@AytoJun gracias por arreglar el banco", author=MARIA, minutes=1)
    pilars = mention("@AytoJun hay un bache en la calle Ancha", author=pilar, minutes=2)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [pepes, marias, pilars],
                            [PEPE, MARIA, pilar], pilars.x_id)
    talk = dm("Hola, escribo por la farola de mi puerta", author=sergio, minutes=3,
              conversation="c-s")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [talk], [sergio], talk.x_id)
    items = {i.text: i for i in desk.search.feed(limit=50)}
    pilars_ticket = desk.tickets.create_from_item(ana, items[pilars.text].id)

    window = MainWindow(UiContext(desk, ana, account="AytoJun"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = window.desk.citizen
    shown = lambda: panel.profile.citizen.handle if panel.profile else None  # noqa: E731
    feed = window.desk.feed
    qtbot.waitUntil(lambda: feed.model.row_of(items[pepes.text].id) is not None,
                    timeout=10_000)
    _click_row(qtbot, feed.view, feed.model.row_of(items[pepes.text].id))
    qtbot.waitUntil(lambda: shown() == PEPE.handle, timeout=10_000)
    # Sergio's conversation, opened with a click in the DM panel.
    window.desk.docks.dms_dock.show()
    window.desk.docks.dms_dock.raise_()
    qtbot.waitUntil(lambda: window.desk.dms.model.row_of("c-s") is not None, timeout=10_000)
    _click_row(qtbot, window.desk.dms.list, window.desk.dms.model.row_of("c-s"))
    qtbot.waitUntil(lambda: shown() == sergio.handle, timeout=10_000)
    # Pilar's ticket; a change arrives before her profile is read.
    window.ui.ticket_chosen.emit(pilars_ticket.id)
    window.ui.apply_changes(Changes(events=(Event(10**9, "ticket.note", pilars_ticket.id),)))
    _settle(window.ui)
    assert shown() == pilar.handle
    # Another desk handles Pepe's message (still the feed's current row): it leaves the
    # list, and the panel stays on Pilar.
    desk.feed.mark_handled(people["rosa"], items[pepes.text].id)
    window.ui.apply_changes(Changes(events=(Event(10**9 + 1, "item.handled"),)))
    qtbot.waitUntil(lambda: feed.model.row_of(items[pepes.text].id) is None, timeout=10_000)
    _settle(window.ui)
    assert shown() == pilar.handle and panel.header.text().startswith(pilar.name)
    window.close()


def _settle(ui) -> None:  # type: ignore[no-untyped-def]
    """Every read started and every answer delivered (and what those answers started)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        ui.wait()
        QApplication.processEvents()
