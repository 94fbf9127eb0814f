"""Privacy in the window: legal hold from the Ticket menu (supervisors only; the pane says
the ticket is held and why) and a citizen's data dialog that exports both files and erases
only after the handle is typed again, refusing an open ticket with nothing changed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from jun_desk.domain.errors import PermissionDeniedError
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.detail.hold import LegalHold
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.privacy_dialog import CitizenDataDialog, EraseConfirm
from tests.conftest import Clock
from tests.services.test_privacy import KEY, ZUL, _scenario, dump, hits
from tests.ui.keys import on_modal

REASON = "Juzgado nº 2 de Jun, diligencias 45/2026"


def _window(qtbot, desk: Desk, actor, ticket_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(desk, actor))
    qtbot.addWidget(window)
    window.show()
    window.ui.ticket_chosen.emit(ticket_id)
    qtbot.waitUntil(lambda: (t := window.desk.desk_actions.ticket()) is not None
                    and t.id == ticket_id, timeout=10_000)
    return window


def test_an_operator_is_never_offered_the_legal_hold(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                     clock: Clock) -> None:
    s = _scenario(desk, people, clock)
    rosa = people["rosa"]
    window = _window(qtbot, desk, rosa, s.lamp)
    actions = window.desk.desk_actions
    for action in (actions.place_hold, actions.release_hold):
        assert not action.isVisible() and not action.isEnabled()
    assert not actions.citizen_data.isVisible()
    actions.place_hold.trigger()  # disabled: does nothing
    assert not window.desk.settings_menu.citizen_data_action.isVisible()
    # Even asked directly, the service refuses her, and the pane shows nothing held.
    hold = LegalHold(window.ui, window)
    hold.ask_reason = lambda _t: "por si acaso"  # type: ignore[method-assign]
    failed: list[str] = []
    window.ui.message.connect(failed.append)
    hold.place(desk.tickets.get(s.lamp))
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert failed[0].startswith("No se pudo cambiar la retención legal")
    assert not desk.tickets.get(s.lamp).legal_hold
    with pytest.raises(PermissionDeniedError):
        desk.retention.set_legal_hold(rosa, s.lamp, True, "por si acaso")
    assert not window.desk.detail.hold.isVisible()
    window.close()


def test_a_supervisor_holds_a_ticket_and_the_pane_says_why(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                           clock: Clock) -> None:
    s = _scenario(desk, people, clock)
    window = _window(qtbot, desk, people["ana"], s.lamp)
    actions, banner = window.desk.desk_actions, window.desk.detail.hold
    assert actions.place_hold.isVisible() and actions.place_hold.isEnabled()
    assert not actions.release_hold.isEnabled() and not banner.isVisible()
    actions.legal_hold.ask_reason = lambda _t: None  # type: ignore[method-assign]
    actions.place_hold.trigger()  # cancelled: nothing asked of the service
    window.ui.wait()
    assert not desk.tickets.get(s.lamp).legal_hold
    actions.legal_hold.ask_reason = lambda _t: REASON  # type: ignore[method-assign]
    actions.place_hold.trigger()
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10_000)
    assert REASON in banner.text() and "retención legal" in banner.text()
    held = desk.tickets.get(s.lamp)
    assert held.legal_hold and held.legal_hold_reason == REASON
    qtbot.waitUntil(lambda: actions.release_hold.isEnabled(), timeout=10_000)
    assert not actions.place_hold.isEnabled()
    # Another ticket, not held: the banner goes.
    window.ui.ticket_chosen.emit(s.health)
    qtbot.waitUntil(lambda: (t := actions.ticket()) is not None and t.id == s.health,
                    timeout=10_000)
    assert not banner.isVisible() and actions.place_hold.isEnabled()
    window.ui.ticket_chosen.emit(s.lamp)
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10_000)
    actions.release_hold.trigger()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    assert not desk.tickets.get(s.lamp).legal_hold
    assert [e.action for e in desk.audit.for_ticket(s.lamp)][-2:] == [
        "ticket.legal_hold", "ticket.legal_hold_release"]
    window.close()


def test_the_citizen_shown_opens_their_data_dialog(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                   clock: Clock) -> None:
    s = _scenario(desk, people, clock)
    window = _window(qtbot, desk, people["ana"], s.lamp)
    qtbot.waitUntil(lambda: window.desk.citizen.profile is not None
                    and window.desk.citizen.profile.citizen.handle == ZUL.handle, timeout=10_000)
    actions = window.desk.desk_actions
    assert actions.citizen_data in window.desk.citizen.actions()  # its context menu
    seen: list[str] = []

    def look(dialog: CitizenDataDialog) -> None:
        seen.append(dialog.handle.text())
        dialog.reject()

    timer = on_modal(look, kind=CitizenDataDialog)
    actions.citizen_data.trigger()
    timer.stop()
    assert seen == [f"@{ZUL.handle}"]
    window.close()


def _dialog(qtbot, desk: Desk, actor, handle: str) -> CitizenDataDialog:  # type: ignore[no-untyped-def]
    dialog = CitizenDataDialog(UiContext(desk, actor), handle=handle)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_export_writes_both_files_with_the_citizens_items(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                          clock: Clock, tmp_path: Path) -> None:
    s = _scenario(desk, people, clock)
    dialog = _dialog(qtbot, desk, people["ana"], f"@{ZUL.handle}")
    dialog.ask_path = lambda _h: str(tmp_path / "zuleima.json")  # type: ignore[method-assign]
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exportados"), timeout=10_000)
    data_file, page_file = tmp_path / "zuleima.json", tmp_path / "zuleima.html"
    for written in (data_file, page_file):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert data["handle"] == ZUL.handle
    assert {t["id"] for t in data["tickets"]} == {s.health, s.lamp}
    assert data["contents"]["messages"] == len(data["messages"]) >= 3  # two mentions, a DM
    assert {m["text"] for m in data["messages"]} >= {
        m["text"] for m in desk.rights.export(people["ana"], ZUL.handle).sections["messages"]}
    assert ZUL.name in page_file.read_text(encoding="utf-8")
    # Never over an existing file: said, nothing written.
    before = data_file.read_bytes()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "ya existe" in dialog.status.text(), timeout=10_000)
    assert data_file.read_bytes() == before and dialog.export_button.isEnabled()
    dialog.close()


def test_erase_asks_for_the_handle_and_refuses_an_open_ticket(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                              clock: Clock,
                                                              monkeypatch) -> None:
    from jun_desk import secrets

    monkeypatch.setattr(secrets, "pseudonym_key", lambda: KEY)
    s = _scenario(desk, people, clock)
    ana = people["ana"]
    # An unknown handle: said at once, nothing asked.
    dialog = _dialog(qtbot, desk, ana, "@nadie_en_jun")
    asked: list[str] = []

    def ask(handle: str) -> bool:
        asked.append(handle)
        return False

    dialog.confirm_erase = ask  # type: ignore[method-assign]
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: "nadie_en_jun" in dialog.status.text(), timeout=10_000)
    assert asked == []
    dialog.close()

    seen: dict[str, object] = {}

    def confirm(box: EraseConfirm) -> None:
        seen["offered_before_typing"] = box.erase_button.isEnabled()
        qtbot.keyClicks(box.typed, "@zuleima")  # not the whole handle yet
        seen["offered_half_typed"] = box.erase_button.isEnabled()
        box.typed.clear()
        qtbot.keyClicks(box.typed, f"@{ZUL.handle.upper()}")
        box.erase_button.click()

    desk.tickets.reopen(ana, s.health)
    before = dump(desk)
    dialog = _dialog(qtbot, desk, ana, f"@{ZUL.handle}")
    timer = on_modal(confirm, kind=EraseConfirm)
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: "tickets abiertos" in dialog.status.text(), timeout=10_000)
    timer.stop()
    assert seen["offered_before_typing"] is False and seen["offered_half_typed"] is False
    assert f"#{s.health}" in dialog.status.text()
    assert dump(desk) == before

    desk.tickets.move(ana, s.health, "closed")
    timer = on_modal(confirm, kind=EraseConfirm)
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Borrados"), timeout=10_000)
    timer.stop()
    assert hits(desk) == set()
    dialog.close()


def test_the_erase_confirmation_explains_what_is_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = EraseConfirm("zuleima_quintanilla")
    qtbot.addWidget(box)
    said = " ".join(label.text() for label in box.findChildren(QLabel))
    assert "retención legal" in said and "seudónimo" in said and "@zuleima_quintanilla" in said
    assert not box.erase_button.isEnabled()
    box.typed.setText("zuleima_quintanilla")
    assert box.erase_button.isEnabled()
    assert Qt.TextFormat.PlainText in {lbl.textFormat() for lbl in box.findChildren(QLabel)}
