"""Issue 24, items 4, 5 and 7 (second part), driven as an operator would: a conversation
linked to another citizen's ticket with the keys alone (Tab reaches "Lo he comprobado"),
the confirmation asked again for each DM, Ctrl+Enter that cannot send says why, the link
undone and told in the history; a ticket from a conversation takes all of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jun_desk.domain.items import Stream, XUser
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.panel import DmPanel
from tests.factories import dm, mention
from tests.ui.keys import press

PILAR = XUser("1003", "pilar_jun", "Pilar Gómez")
SERGIO = XUser("1004", "sergio_jun", "Sergio Ortega")


def _panel(qtbot, desk: Desk, actor) -> DmPanel:  # type: ignore[no-untyped-def]
    panel = DmPanel(UiContext(desk, actor, account="AytoJun"))
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.reload()
    return panel


def _open(qtbot, panel: DmPanel, conversation_id: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.model.row_of(conversation_id) is not None, timeout=5000)
    rect = panel.list.visualRect(panel.model.index(panel.model.row_of(conversation_id)))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(panel.messages) and panel.current is not None
                    and panel.current.conversation_id == conversation_id, timeout=5000)


def test_a_cross_citizen_link_made_with_keys_confirmed_per_dm_and_undone(
        qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    bache = mention("@AytoJun hay un bache enorme en la calle Sol", author=PILAR)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [bache], [PILAR], bache.x_id)
    pilars = desk.tickets.create_from_item(luis, desk.search.feed()[0].id)
    hello = dm("Hola, os escribo por el bache de la calle Sol", author=SERGIO, minutes=5,
               conversation="c-s")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [hello], [SERGIO], hello.x_id)
    # The whole window: Ctrl+Enter is the window's shortcut for the DM panel.
    from jun_desk.ui.main_window import MainWindow

    window = MainWindow(UiContext(desk, luis, account="AytoJun"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.desk.docks.dms_dock.show()
    window.desk.docks.dms_dock.raise_()
    panel = window.desk.dms
    said: list[str] = []
    panel.ui.message.connect(said.append)
    _open(qtbot, panel, "c-s")
    assert panel.link_button.isEnabled() and not panel.unlink_button.isEnabled()

    # Vincular a ticket…, with the keys alone.
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    qtbot.waitUntil(lambda: picker.isVisible() and bool(picker.tickets), timeout=5000)
    picker.activateWindow()
    picker.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search, timeout=5000)
    press(qtbot, Qt.Key.Key_Tab)  # the results (Pilar's ticket is the only one, selected)
    assert QApplication.focusWidget() is picker.table
    assert picker.chosen().id == pilars.id and picker.confirm.isVisible()
    press(qtbot, Qt.Key.Key_Tab)  # out of the table: "Lo he comprobado"
    assert QApplication.focusWidget() is picker.confirm
    press(qtbot, Qt.Key.Key_Space)
    assert picker.confirm.isChecked() and picker.ok.isEnabled()
    press(qtbot, Qt.Key.Key_Return)  # Vincular
    qtbot.waitUntil(lambda: panel.current.ticket_id == pilars.id and panel.ticket is not None,
                    timeout=5000)
    assert panel.unlink_button.isEnabled()

    # A DM to Sergio about Pilar's ticket: asked, and asked again for the next one.
    assert panel.confirm_other.isVisible() and not panel.confirm_other.isChecked()
    panel.composer.setFocus()
    qtbot.keyClicks(panel.composer, "Lo miramos hoy")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert said and "No se ha enviado" in said[-1] and "@sergio_jun" in said[-1]
    assert QApplication.focusWidget() is panel.confirm_other  # where to say yes
    assert desk.outbox.for_ticket(pilars.id) == []
    press(qtbot, Qt.Key.Key_Space)
    panel.composer.setFocus()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(desk.outbox.for_ticket(pilars.id)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: panel.composer.toPlainText() == "", timeout=5000)
    assert not panel.confirm_other.isChecked()  # the next DM is confirmed anew

    # Desvincular: the conversation leaves Pilar's ticket; it can be linked again.
    qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.current.ticket_id is None, timeout=5000)
    assert panel.link_button.isEnabled() and panel.create_button.isEnabled()
    assert not panel.unlink_button.isEnabled() and not panel.confirm_other.isVisible()
    assert [i.kind for i in desk.tickets.items(pilars.id)] == ["mention"]
    from jun_desk.domain.actions import history_sentence

    told = [history_sentence(e.actor_name, e.action, e.outcome, e.before, e.after)
            for e in desk.tickets.detail(pilars.id).history]
    assert f"luis vinculó la conversación de @sergio_jun al ticket #{pilars.id}" in told
    assert f"luis desvinculó la conversación de @sergio_jun del ticket #{pilars.id}" in told
    panel.ui.wait()
    window.close()


def test_a_ticket_from_a_conversation_takes_all_of_it_and_its_count_clears(
        qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    photo = dm("Os paso foto del bache de la calle Sol https://t.co/foto", author=PILAR,
               conversation="c-p")
    where = dm("Está justo delante del número 12", author=PILAR, minutes=1,
               conversation="c-p")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [photo, where], [PILAR], where.x_id)
    panel = _panel(qtbot, desk, people["luis"])
    _open(qtbot, panel, "c-p")
    assert panel.current.unhandled == 2
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(panel.current.ticket_id), timeout=5000)
    ticket = desk.tickets.get(panel.current.ticket_id)
    assert ticket.title.startswith("Os paso foto del bache")
    assert [i.text for i in desk.tickets.items(ticket.id)] == [photo.text, where.text]
    qtbot.waitUntil(lambda: panel.current.unhandled == 0, timeout=5000)
    assert "(" not in panel.model.index(panel.model.row_of("c-p")).data().split("\n")[0]
    assert not panel.create_button.isEnabled() and not panel.link_button.isEnabled()
    panel.ui.wait()


def test_the_ticket_composer_says_to_whom_a_dm_goes(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.detail.panel import DetailPanel

    bache = mention("@AytoJun hay un bache enorme en la calle Sol", author=PILAR)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [bache], [PILAR], bache.x_id)
    ticket = desk.tickets.create_from_item(people["luis"], desk.search.feed()[0].id)
    panel = DetailPanel(UiContext(desk, people["luis"], account="AytoJun"))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.dm_to.text() == ""  # no ticket: nobody
    panel.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=5000)
    assert panel.dm_to.isVisible()
    assert panel.dm_to.text() == "Para (DM): Pilar Gómez (@pilar_jun)"
    panel.ui.wait()


def test_resolver_right_after_desvincular_is_no_conflict_with_ones_own_change(
        qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """The ticket pane asks before resolving; a Desvincular of this desk that ends while
    it asks (or just before) bumped the ticket's version: this desk's own change, no
    conflict."""
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.resolve_dialog import ResolveDialog
    from tests.ui.keys import on_modal

    luis = people["luis"]
    bache = mention("@AytoJun hay un bache enorme en la calle Sol", author=PILAR)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [bache], [PILAR], bache.x_id)
    ticket = desk.tickets.create_from_item(luis, desk.search.feed()[0].id)
    photo = dm("Os paso foto del bache", author=PILAR, minutes=5, conversation="c-p")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [photo], [PILAR], photo.x_id)
    desk.conversations.link(luis, ticket.id, "c-p")
    window = MainWindow(UiContext(desk, luis, account="AytoJun"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    detail, panel = window.desk.detail, window.desk.dms
    said: list[str] = []
    window.ui.message.connect(said.append)
    window.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: detail.snapshot is not None
                    and detail.snapshot.ticket.id == ticket.id, timeout=10_000)
    read_version = detail.snapshot.ticket.version
    panel.reload()
    _open(qtbot, panel, "c-p")
    assert panel.unlink_button.isEnabled()

    def unlink_then_resolve(dialog: ResolveDialog) -> None:
        panel.unlink_ticket()  # Desvincular, while Resolver asks
        qtbot.waitUntil(lambda: desk.tickets.get(ticket.id).version > read_version
                        and detail._own is not None, timeout=10_000)
        dialog.notify.setChecked(False)
        dialog.resolve_button.click()

    timer = on_modal(unlink_then_resolve, kind=ResolveDialog)
    qtbot.mouseClick(detail.resolve_button, Qt.MouseButton.LeftButton)
    timer.stop()
    qtbot.waitUntil(lambda: desk.tickets.get(ticket.id).status.value == "resolved"
                    or bool(detail.error.text()), timeout=10_000)
    assert detail.error.text() == "" and not any("cambiado" in s for s in said), said
    assert desk.tickets.get(ticket.id).status.value == "resolved"
    history = [(e.action, e.outcome) for e in desk.audit.for_ticket(ticket.id)]
    assert history[-2:] == [("ticket.unlink_conversation", "ok"), ("ticket.move", "ok")]
    window.ui.wait()
