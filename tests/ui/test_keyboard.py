"""Keyboard-first: the whole operator flow with keys only on the sandbox-backed desk, the
menus offering only what is allowed, confirmations with undo, and the F1 sheet."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from jun_desk.domain.roles import Actor
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.pickers import SimilarDialog
from jun_desk.ui.resolve_dialog import ResolveDialog
from jun_desk.x.sandbox.server import Sandbox
from tests.ui.keys import on_modal, press, type_text
from tests.ui.test_board import _rows
from tests.ui.test_main_window import _desk_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _open_ticket(window: MainWindow) -> int | None:
    ticket = window.desk.desk_actions.ticket()
    return ticket.id if ticket is not None else None


def _move_key(window: MainWindow, status: Status) -> Qt.Key:
    """The number the Mover a menu gives ``status`` for the open ticket."""
    actions = window.desk.desk_actions
    actions._fill_moves()
    for action in actions.move_menu.actions():
        if action.data() == status.value:
            return Qt.Key(Qt.Key.Key_0 + int(action.text()[1]))
    raise AssertionError(f"{status} is not offered: "
                         f"{[a.text() for a in actions.move_menu.actions()]}")


def ticket_from_the_feed_by_keys(qtbot, window: MainWindow, needle: str):  # type: ignore[no-untyped-def]
    """Find ``needle`` in the feed and make a ticket of it: Ctrl+Shift+F, type, Ctrl+1,
    Ctrl+T (should open tickets look like the same matter, Enter still makes a new one).
    Returns the feed item and the new ticket's id."""
    feed = window.desk.feed
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)
    assert QApplication.focusWidget() is feed.search
    type_text(qtbot, needle)
    qtbot.waitUntil(lambda: feed.model.rowCount() > 0 and all(
        needle in feed.model.item(r).text.lower() for r in range(feed.model.rowCount())),
        timeout=10_000)
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is feed.view
    qtbot.waitUntil(lambda: feed.current() is not None, timeout=5000)
    item = feed.current()
    similar = on_modal(lambda d: qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return),
                       kind=SimilarDialog)
    with qtbot.waitSignal(window.ui.ticket_chosen, timeout=10_000) as chosen:
        press(qtbot, Qt.Key.Key_T, CTRL)
    similar.stop()
    return item, chosen.args[0]


def test_the_whole_operator_flow_with_keys_only(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    other = desk.tickets.create_manual(luis, department="obras", title="Bache en la calle Ancha")
    with Sandbox(speed=math.inf) as sandbox:
        window, poller, _engine = _desk_window(qtbot, desk, luis, sandbox)
        window.activateWindow()
        with qtbot.waitSignal(poller.result, timeout=30_000):
            poller.start()
        feed, board, detail = window.desk.feed, window.desk.board, window.desk.detail
        qtbot.waitUntil(lambda: feed.model.rowCount() > 50, timeout=10_000)
        lamp, ticket_id = ticket_from_the_feed_by_keys(qtbot, window, "farola")
        assert desk.tickets.get(ticket_id).title != other.title
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.NEW), timeout=10_000)
        qtbot.waitUntil(lambda: _open_ticket(window) == ticket_id, timeout=10_000)
        assert f"Ticket #{ticket_id} creado" in window.statusBar().currentMessage()

        # Into the board (Ctrl+2): the new card has the focus; arrows walk the column and
        # the ticket pane follows.
        press(qtbot, Qt.Key.Key_2, CTRL)
        new_column = board.columns[Status.NEW].view
        assert QApplication.focusWidget() is new_column
        assert new_column.currentIndex().row() == _rows(board, Status.NEW).index(ticket_id)
        step = Qt.Key.Key_Up if _rows(board, Status.NEW).index(ticket_id) else Qt.Key.Key_Down
        back = Qt.Key.Key_Down if step == Qt.Key.Key_Up else Qt.Key.Key_Up
        press(qtbot, step)
        qtbot.waitUntil(lambda: _open_ticket(window) == other.id, timeout=5000)
        press(qtbot, back)
        qtbot.waitUntil(lambda: _open_ticket(window) == ticket_id, timeout=5000)

        # Take it (Ctrl+Shift+A): confirmed in the status bar; Ctrl+Z undoes it; take again.
        press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.ASSIGNED), timeout=10_000)
        assert "asignado a ti" in window.statusBar().currentMessage()
        assert window.desk.desk_actions.undo_button.isVisible()
        press(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.NEW), timeout=10_000)
        assert desk.tickets.get(ticket_id).assignee_id is None
        assert "Deshecho" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: _open_ticket(window) == ticket_id
                        and window.desk.desk_actions.take.isEnabled(), timeout=10_000)
        press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.ASSIGNED), timeout=10_000)
        # The focus followed the card to its column; Left goes to the next column with cards.
        qtbot.waitUntil(lambda: QApplication.focusWidget() is board.columns[
            Status.ASSIGNED].view, timeout=5000)
        press(qtbot, Qt.Key.Key_Left)
        assert QApplication.focusWidget() is new_column
        qtbot.waitUntil(lambda: _open_ticket(window) == other.id, timeout=5000)
        press(qtbot, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: _open_ticket(window) == ticket_id
                        and detail.snapshot.ticket.status is Status.ASSIGNED, timeout=5000)

        # Move to in progress from the keyboard's Mover a menu (Ctrl+Shift+M, number).
        key = _move_key(window, Status.IN_PROGRESS)
        press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
        press(qtbot, key)
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.IN_PROGRESS), timeout=10_000)
        assert "movido a en curso" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)

        # Reply: Ctrl+3 to the composer, type, Tab leaves it, Ctrl+3 back, Ctrl+Enter sends.
        qtbot.waitUntil(lambda: detail.snapshot.ticket.status is Status.IN_PROGRESS,
                        timeout=10_000)
        press(qtbot, Qt.Key.Key_3, CTRL)
        assert QApplication.focusWidget() is detail.composer
        type_text(qtbot, "Gracias, avisamos a Obras.")
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not detail.composer
        assert "\t" not in detail.composer.toPlainText()
        press(qtbot, Qt.Key.Key_3, CTRL)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: any(o.status == "sent" for o in desk.outbox.for_ticket(
            ticket_id)), timeout=20_000)
        sent = desk.outbox.for_ticket(ticket_id)[0]
        on_x = [t for t in sandbox.state.tweets if str(t.id) == sent.sent_x_id]
        assert len(on_x) == 1 and str(on_x[0].in_reply_to_id) == lamp.x_id
        assert on_x[0].text == "Gracias, avisamos a Obras."

        # Resolve (Ctrl+Shift+E): it asks; Escape changes nothing; Enter resolves and
        # queues the canned "resuelto" reply in the citizen's language (Spanish here).
        qtbot.waitUntil(lambda: detail.snapshot.ticket.first_response_at is not None,
                        timeout=10_000)
        seen: dict = {}

        def cancel(dialog: ResolveDialog) -> None:
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

        timer = on_modal(cancel, kind=ResolveDialog)
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        timer.stop()
        assert desk.tickets.get(ticket_id).status is Status.IN_PROGRESS

        def confirm(dialog: ResolveDialog) -> None:
            seen["text"] = dialog.text.toPlainText()
            seen["button"] = dialog.resolve_button.text()
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

        timer = on_modal(confirm, kind=ResolveDialog)
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        timer.stop()
        assert seen["text"].startswith("Hola ") and "resuelto" in seen["text"]
        assert seen["button"] == "Resolver y avisar"
        qtbot.waitUntil(lambda: desk.tickets.get(ticket_id).status is Status.RESOLVED,
                        timeout=10_000)
        qtbot.waitUntil(lambda: len([o for o in desk.outbox.for_ticket(ticket_id)
                                     if o.status == "sent"]) == 2, timeout=20_000)
        actions = [e.action for e in desk.audit.for_ticket(ticket_id) if e.outcome == "ok"]
        assert actions[:4] == ["ticket.create", "ticket.assign", "ticket.undo",
                               "ticket.assign"]
        assert "ticket.move" in actions
        window.close()


def test_menus_list_every_action_and_offer_only_allowed_moves(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                              people) -> None:
    police = desk.tickets.create_manual(people["ana"], department="policia", title="Furgoneta")
    lamp = desk.tickets.create_manual(people["ana"], department="obras", title="Farola")
    window = MainWindow(UiContext(desk, people["luis"]))
    qtbot.addWidget(window)
    window.show()
    actions = window.desk.desk_actions
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Feed", "&Ticket"]
    ticket_menu = [a.text() for a in actions.ticket_menu.actions() if not a.isSeparator()]
    for wanted in ("Asignármelo", "Cambiar de departamento…", "Mover a", "Mover a…",
                   "Responder en público", "Enviar DM al vecino", "Resolver…", "Reabrir",
                   "Deshacer"):
        assert wanted in ticket_menu
    feed_menu = [a.text() for a in actions.feed_menu.actions() if not a.isSeparator()]
    for wanted in ("Crear ticket", "Marcar atendido", "Responder", "Abrir DM"):
        assert wanted in feed_menu
    assert not actions.assign.isVisible()  # luis is an operator
    # Nothing open: nothing to do on a ticket.
    assert not actions.take.isEnabled() and not actions.resolve.isEnabled()
    window.ui.ticket_chosen.emit(police.id)
    qtbot.waitUntil(lambda: _open_ticket(window) == police.id, timeout=5000)
    # Police is not luis's department: no take, no move, no resolve.
    assert not actions.take.isEnabled() and not actions.move_menu.isEnabled()
    assert not actions.resolve.isEnabled()
    window.ui.ticket_chosen.emit(lamp.id)
    qtbot.waitUntil(lambda: _open_ticket(window) == lamp.id
                    and actions.take.isEnabled(), timeout=5000)
    actions._fill_moves()
    offered = [a.data() for a in actions.move_menu.actions()]
    assert offered == ["assigned", "in_progress", "resolved", "closed"]  # not waiting
    window.close()


def _active_window(qtbot, desk: Desk, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    """The desk's window for ``actor``, shown and taking the keys."""
    window = MainWindow(UiContext(desk, actor))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    return window


def test_mark_handled_is_confirmed_and_undone_with_ctrl_z(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_feed import _ingest

    _ingest(desk, ["¡Gracias por arreglar la farola! 👏"])
    window = _active_window(qtbot, desk, people["rosa"])
    feed = window.desk.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() == 1, timeout=5000)
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: feed.model.rowCount() == 0, timeout=5000)
    assert "marcado como atendido" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: feed.model.rowCount() == 1, timeout=5000)
    assert desk.search.feed(unhandled_only=True)[0].handled is False
    events = [e for e in desk.audit.latest(10) if e.action == "item.handled"]
    assert [e.after["handled"] for e in events] == [False, True]  # newest first
    window.close()


def test_tab_leaves_both_composers_and_locked_keys_do_nothing(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                              people) -> None:
    lamp = desk.tickets.create_manual(people["luis"], department="obras", title="Farola")
    window = _active_window(qtbot, desk, people["luis"])
    for composer in (window.desk.detail.composer, window.desk.dms.composer):
        assert isinstance(composer, QPlainTextEdit) and composer.tabChangesFocus()
    window.ui.ticket_chosen.emit(lamp.id)
    qtbot.waitUntil(lambda: window.desk.desk_actions.take.isEnabled(), timeout=5000)
    fired: list[str] = []
    for name in ("take", "resolve", "undo_action", "go_board"):
        getattr(window.desk.desk_actions, name).triggered.connect(
            lambda *_a, n=name: fired.append(n))
    press(qtbot, Qt.Key.Key_2, CTRL)  # unlocked: the keys work
    assert fired == ["go_board"]
    window.desk.session_control.lock()
    assert QApplication.focusWidget() is not None
    for key, mods in ((Qt.Key.Key_A, CTRL | SHIFT), (Qt.Key.Key_E, CTRL | SHIFT),
                      (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_2, CTRL)):
        press(qtbot, key, mods)  # shortcuts fire synchronously, or not at all
    assert fired == ["go_board"]
    assert desk.tickets.get(lamp.id).assignee_id is None
    window.close()


def test_the_shortcuts_sheet_lists_the_menus_keys_in_each_language(qtbot, qapp, desk: Desk,  # type: ignore[no-untyped-def]
                                                                   people) -> None:
    from jun_desk.ui import i18n

    for language, expect in (("es", ("Asignármelo", "Columna anterior o siguiente")),
                             ("en", ("Assign to me", "Previous or next board column"))):
        i18n.install(qapp, language)
        try:
            window = _active_window(qtbot, desk, people["luis"])
            press(qtbot, Qt.Key.Key_F1)
            sheet = window.desk.desk_actions.sheet
            assert sheet is not None and sheet.isVisible()
            text = sheet.text.toPlainText()
            for wanted in expect:
                assert wanted in text
            for keys in ("Ctrl+Shift+A", "Ctrl+Shift+E", "Ctrl+Shift+M", "Ctrl+Return", "F1"):
                assert QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) \
                    in text
            sheet.close()
            window.close()
        finally:
            i18n.install(qapp, "es")


def test_resolve_offers_the_canned_reply_in_the_citizens_language(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                                  people) -> None:
    from tests.ui.test_feed import _ingest

    _ingest(desk, ["Hello, the street lamp in front of the school is broken since Monday"])
    item = desk.search.feed(unhandled_only=True)[0]
    ticket = desk.tickets.create_from_item(people["rosa"], item.id)
    window = MainWindow(UiContext(desk, people["rosa"]))  # a Spanish desk
    qtbot.addWidget(window)
    window.show()
    window.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: window.desk.desk_actions.resolve.isEnabled(), timeout=5000)
    seen: dict = {}

    def look(dialog: ResolveDialog) -> None:
        seen["text"] = dialog.text.toPlainText()
        seen["label"] = dialog.language_label.text()
        seen["kinds"] = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    timer = on_modal(look, kind=ResolveDialog)
    window.desk.desk_actions.resolve.trigger()
    timer.stop()
    assert seen["text"].startswith("Hi ") and "confirms it is fixed" in seen["text"]
    assert "en inglés" in seen["label"]
    assert seen["kinds"] == ["reply", "dm"]
    assert desk.tickets.get(ticket.id).status is Status.NEW  # cancelled: nothing changed
    window.close()


def test_similar_open_tickets_are_offered_before_a_new_one(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_feed import _ingest

    rosa = people["rosa"]
    _ingest(desk, ["Farola apagada en la calle Real, frente al número 12"])
    first = desk.tickets.create_from_item(rosa, desk.search.feed(unhandled_only=True)[0].id)
    desk.tickets.create_manual(rosa, department="obras", title="Bache en la calle Ancha")
    _ingest(desk, ["La farola de la calle Real sigue apagada esta noche",
                   "Contenedor quemado en el parque"], start=10)
    assert [t.id for t in desk.similar.for_item(
        next(i for i in desk.search.feed(unhandled_only=True) if "farola" in i.text).id)] \
        == [first.id]
    window = _active_window(qtbot, desk, rosa)
    feed = window.desk.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() == 2, timeout=5000)
    press(qtbot, Qt.Key.Key_1, CTRL)
    lamp_row = next(r for r in range(2) if "farola" in feed.model.item(r).text)
    feed.select_row(lamp_row)
    lamp = feed.current()
    seen: dict = {}

    def join(dialog: SimilarDialog) -> None:
        seen["rows"] = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        seen["focus"] = dialog.focusWidget() is dialog.new_button
        dialog.activateWindow()  # as a window manager does: mnemonics need it active
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_A,
                       Qt.KeyboardModifier.AltModifier)  # "&Añadir al ticket elegido"

    timer = on_modal(join, kind=SimilarDialog)
    with qtbot.waitSignal(window.ui.ticket_chosen, timeout=10_000) as chosen:
        press(qtbot, Qt.Key.Key_T, CTRL)
    timer.stop()
    assert chosen.args[0] == first.id and seen["focus"]
    assert len(seen["rows"]) == 1 and seen["rows"][0].startswith(f"#{first.id} · Obras")
    assert lamp.id in [i.id for i in desk.tickets.items(first.id)]
    assert "Mensaje añadido al ticket" in window.statusBar().currentMessage()
    # Nothing similar: Ctrl+T creates at once.
    qtbot.waitUntil(lambda: feed.model.rowCount() == 1, timeout=5000)
    feed.select_row(0)
    with qtbot.waitSignal(window.ui.ticket_chosen, timeout=10_000) as chosen:
        press(qtbot, Qt.Key.Key_T, CTRL)
    assert desk.tickets.get(chosen.args[0]).title.startswith("Contenedor quemado")
    window.close()


def test_a_failed_read_of_older_messages_is_tried_again(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from jun_desk.ui.feed.panel import PAGE, FeedPanel
    from tests.ui.test_feed import _ingest

    _ingest(desk, [f"Contenedor lleno número {n} en la calle Baja" for n in range(PAGE + 20)])
    ui = UiContext(desk, people["rosa"])
    messages: list[str] = []
    ui.message.connect(messages.append)
    panel = FeedPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(520, 700)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE, timeout=5000)
    real = desk.search.feed
    failures = [True]

    def flaky(**kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("before_id") and failures:
            failures.pop()
            raise OSError("disk I/O error")
        return real(**kwargs)

    monkeypatch.setattr(desk.search, "feed", flaky)
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: any("No se pudieron leer" in m for m in messages),
                    timeout=5000)
    qtbot.waitUntil(lambda: not panel._loading, timeout=5000)
    panel.view.scrollToTop()
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE + 20, timeout=5000)
