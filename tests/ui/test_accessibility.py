"""Accessible (EN 301 549): every control of the desk window and its dialogs has a name a
screen reader can say; painted cards, feed items and conversations are named through Qt's
accessibility interface; text on department and badge colours keeps at least 4.5:1."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QWidget

from jun_desk.domain.departments import contrast_ratio, readable_text_colour
from jun_desk.domain.workflow import Status
from jun_desk.resources import resource_path
from jun_desk.services.desk import Desk
from jun_desk.services.feed import Conversation
from jun_desk.ui import theme
from jun_desk.ui.accessibility import missing_names
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.conversation_list import UNREAD_COLOURS
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.readable import PRIORITY_COLOURS

WHITE = "#ffffff"
SELECTED_CARD = QColor(WHITE).darker(106).name()  # a selected card's background


def _hex(colour: QColor | str) -> str:
    return colour.name() if isinstance(colour, QColor) else colour


def test_every_control_of_the_window_has_a_name(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(desk, people["ana"], account="AytoJun"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert missing_names(window) == []
    window.desk.status.urgent_banner.show()
    assert missing_names(window.desk.status.urgent_banner) == []
    window.desk.session_control.lock()  # the sign-in in front
    assert missing_names(window) == []
    window.close()


def test_every_control_of_the_dialogs_has_a_name(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.credentials_dialog import CredentialsDialog
    from jun_desk.ui.database_dialog import DatabaseDialog
    from jun_desk.ui.dms.ticket_picker import TicketPicker
    from jun_desk.ui.password_dialog import PasswordDialog
    from jun_desk.ui.sign_in import SignInDialog

    ui = UiContext(desk, people["ana"], account="AytoJun")
    conversation = Conversation("c-1", None, "vecina_maria", "María López", "Hola",
                                datetime(2026, 11, 24, 9, tzinfo=UTC), 1, None)
    dialogs: list[QWidget] = [PasswordDialog(ui, reset=False), PasswordDialog(ui, reset=True),
                              DatabaseDialog("sqlite:///desk.db"), SignInDialog(desk),
                              CredentialsDialog("AytoJun"), TicketPicker(ui, conversation)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert missing_names(dialog) == [], type(dialog).__name__
        dialog.close()
    ui.wait()


def test_painted_cards_are_named_for_screen_readers(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_board import _board, _rows

    ticket = desk.tickets.create_manual(people["ana"], department="obras",
                                        title="Farola apagada en la calle Real")
    board = _board(qtbot, desk, people["ana"])
    qtbot.waitUntil(lambda: _rows(board, Status.NEW) == [ticket.id], timeout=5000)
    view = board.columns[Status.NEW].view
    interface = QAccessible.queryAccessibleInterface(view)
    names = [interface.child(n).text(QAccessible.Text.Name)
             for n in range(interface.childCount())]
    assert any(n.startswith(f"#{ticket.id} · Farola apagada en la calle Real") for n in names)
    descriptions = [interface.child(n).text(QAccessible.Text.Description)
                    for n in range(interface.childCount())]
    assert any("Obras y mantenimiento" in d and "sin asignar" in d for d in descriptions)


def _pairs() -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the desk paints on a colour."""
    catalogue = json.loads(resource_path("departments.json").read_text(encoding="utf-8"))
    pairs = [(f"department {d['code']}", readable_text_colour(d["colour"]), d["colour"])
             for d in catalogue["departments"]]
    pairs += [(f"priority {p}", fg, bg) for p, (bg, fg) in PRIORITY_COLOURS.items()]
    pairs += [(f"avatar {c}", WHITE, c) for c in theme.AVATAR_COLOURS]
    pairs += [("unread badge", UNREAD_COLOURS[1], UNREAD_COLOURS[0]),
              ("verified chip", "#1b5e20", "#e8f5e9"),
              ("urgent banner", PRIORITY_COLOURS["urgent"][1], PRIORITY_COLOURS["urgent"][0]),
              ("connection banner", WHITE, "#c62828"), ("sync banner", WHITE, "#b34700"),
              ("training label", "#000000", "#f9a825")]
    for name in ("MUTED", "RED", "AMBER"):
        colour = _hex(getattr(theme, name))
        pairs += [(f"{name} on a card", colour, WHITE),
                  (f"{name} on a selected card", colour, SELECTED_CARD)]
    pairs += [("MUTED on a warning", _hex(theme.MUTED), _hex(theme.WARNING_BG)),
              ("RED on a warning", _hex(theme.RED), _hex(theme.WARNING_BG))]
    return pairs


@pytest.mark.parametrize(("what", "text", "background"), _pairs(),
                         ids=[p[0] for p in _pairs()])
def test_text_on_colours_keeps_contrast(what: str, text: str, background: str) -> None:
    assert contrast_ratio(text, background) >= 4.5, (what, round(contrast_ratio(
        text, background), 2))
