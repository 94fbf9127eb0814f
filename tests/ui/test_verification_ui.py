"""Issue 27's done-when, in the window: a citizen asks to verify (a DM read from the
sandbox X) → the operator sends the code from the citizen panel → the outbox sends it once
(real tweepy, the sandbox's DM conversation) → the operator confirms at the counter with
the code the citizen shows and a document checked → the badge shows on every card and
feed item of that citizen. A wrong code says the attempts left; an expired code is refused
with the reason (clock injected); a matter that needs a verified resident warns in the
ticket pane and offers the canned reply."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import Qt

from jun_desk.domain.verification import State
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.verification import CounterDialog
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sandbox.world import User
from jun_desk.x.sync import SyncEngine
from tests.conftest import Clock

CODE = re.compile(r"\b([2-9A-Z]{3}-[2-9A-Z]{3})\b")


@pytest.fixture
def sandbox():  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as box:
        client = XClient(box.credentials, api_base=box.base_url)
        yield box, client
        client.close()


def _window(qtbot, desk: Desk, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(desk, actor, account="AytoJun"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _asks(desk: Desk, box: Sandbox, client: XClient, citizen: User, text: str, *,
          tweet: bool = False) -> int:
    """The citizen writes the desk a DM (or a mention); the sync reads it; an operator
    makes it a ticket (in atención: certificates there need a verified resident)."""
    if tweet:
        box.state.citizen_tweets(citizen.id, text)
    else:
        box.state.citizen_writes_dm(citizen.id, text)
    SyncEngine(desk, client).sync_once()
    item = next(i for i in desk.search.feed(limit=500)
                if i.author_x_id == citizen.id and i.text == text)
    return desk.tickets.create_from_item(desk.operators.actor("rosa"), item.id,
                                         department="atencion").id


def _code_on_x(box: Sandbox, citizen: User) -> str:
    """The code as the citizen reads it in their DMs on X."""
    sent = [d for d in box.state.dms
            if d.recipient_id == citizen.id and d.sender_id == box.state.desk.id
            and CODE.search(d.text)]
    assert len(sent) == 1  # exactly once
    found = CODE.search(sent[0].text)
    assert found is not None
    return found.group(1)


def _send_code(qtbot, window: MainWindow, ticket_id: int) -> None:  # type: ignore[no-untyped-def]
    panel = window.desk.citizen
    window.ui.ticket_chosen.emit(ticket_id)
    qtbot.waitUntil(lambda: panel.profile is not None and panel.send_code_button.isVisible(),
                    timeout=10_000)
    qtbot.mouseClick(panel.send_code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.counter_button.isVisible(), timeout=10_000)


def _counter(qtbot, window: MainWindow) -> CounterDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.desk.citizen.counter_button, Qt.MouseButton.LeftButton)
    dialog = window.desk.citizen.dialog
    assert isinstance(dialog, CounterDialog)
    return dialog


def _type_code(qtbot, dialog: CounterDialog, code: str) -> None:  # type: ignore[no-untyped-def]
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    if not dialog.checked.isChecked():
        dialog.checked.setChecked(True)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_a_citizen_asks_gets_the_code_by_dm_and_is_verified_at_the_counter(
        qtbot, desk: Desk, people, sandbox) -> None:  # type: ignore[no-untyped-def]
    box, client = sandbox
    SyncEngine(desk, client).sync_once()  # the scenario day
    # Its DMs and mentions "quiero verificar mi cuenta…" became requests.
    asked = desk.verification.list(states=[State.REQUESTED])
    assert len(asked) >= 3 and {v.requested_via.value for v in asked} == {"dm", "mention"}
    citizen = box.state.scenario.citizens[0]
    first = _asks(desk, box, client, citizen, "Hola, quiero verificar mi cuenta")
    second = _asks(desk, box, client, citizen,
                   "@AytoJun necesito un certificado de empadronamiento", tweet=True)
    third = _asks(desk, box, client, citizen, "@AytoJun y otro volante para mi hijo",
                  tweet=True)
    window = _window(qtbot, desk, people["rosa"])  # an operator
    panel = window.desk.citizen
    window.desk.feed.unhandled.setChecked(False)  # her messages are on tickets: handled
    feed = window.desk.feed.model

    def items() -> list[bool]:
        return [feed.item(r).author_verified_resident for r in range(feed.rowCount())
                if feed.item(r).author_x_id == citizen.id]

    qtbot.waitUntil(lambda: len(items()) >= 2, timeout=10_000)
    assert not any(items())
    window.ui.ticket_chosen.emit(first)
    qtbot.waitUntil(lambda: "Pidió verificarse por DM" in panel.verification.text(),
                    timeout=10_000)
    # The ticket pane warns: certificates need a verified resident; one click, the reply.
    detail = window.desk.detail
    qtbot.waitUntil(lambda: detail.verify_banner.isVisible(), timeout=10_000)
    assert "necesitan un vecino verificado" in detail.verify_banner.label.text()
    qtbot.mouseClick(detail.verify_banner.button, Qt.MouseButton.LeftButton)
    assert "quiero verificar mi cuenta" in detail.composer.toPlainText()
    detail.composer.clear()
    _send_code(qtbot, window, first)
    assert "en la bandeja" in panel.verification.text()
    # The outbox sends it once, through tweepy, into the citizen's DM conversation.
    report = OutboxSender(desk, client, "AytoJun").send_due()
    assert report.sent == 1 and report.failed == 0
    assert OutboxSender(desk, client, "AytoJun").send_due().sent == 0
    code = _code_on_x(box, citizen)
    conversation = next(d.conversation_id for d in box.state.dms
                        if d.sender_id == citizen.id)
    assert any(CODE.search(d.text) and d.conversation_id == conversation
               for d in box.state.dms)
    # The citizen comes to the counter; the operator has her certificate ticket open.
    window.ui.ticket_chosen.emit(second)
    qtbot.waitUntil(lambda: detail.snapshot is not None and detail.snapshot.ticket.id == second
                    and detail.verify_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "enviado" in panel.verification.text()
                    and panel.counter_button.isVisible(), timeout=10_000)
    # At the counter: a wrong code first, then the right one with the DNI checked.
    dialog = _counter(qtbot, window)
    _type_code(qtbot, dialog, "ZZZ-ZZZ")
    qtbot.waitUntil(lambda: "quedan 2 intento(s)" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible()
    _type_code(qtbot, dialog, code.lower())
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: "Vecino verificado por rosa" in panel.verification.text(),
                    timeout=10_000)
    assert "en el mostrador (DNI)" in panel.verification.text()
    assert "Válido hasta el" in panel.verification.text()
    qtbot.waitUntil(detail.verify_banner.isHidden, timeout=10_000)  # the open ticket too
    # The badge on every card and feed item of that citizen.
    board = window.desk.board
    model = board.columns[Status.NEW].model

    def cards() -> list[bool]:
        return [model.ticket(r).citizen_verified_resident for r in range(model.rowCount())
                if model.ticket(r).id in (first, second, third)]

    qtbot.waitUntil(lambda: cards() == [True, True, True], timeout=10_000)
    qtbot.waitUntil(lambda: len(items()) >= 2 and all(items()), timeout=10_000)
    assert not any(feed.item(r).author_verified_resident for r in range(feed.rowCount())
                   if feed.item(r).author_x_id not in (citizen.id,))
    # Nor about another ticket of hers.
    window.ui.ticket_chosen.emit(third)
    qtbot.waitUntil(lambda: detail.snapshot is not None
                    and detail.snapshot.ticket.id == third, timeout=10_000)
    assert detail.verify_banner.isHidden()
    # The code is gone from the desk's copy of the DM.
    assert code not in "\n".join(i.text for i in desk.tickets.detail(first).items)
    window.close()


def test_an_expired_code_is_refused_with_the_reason(
        qtbot, desk: Desk, people, sandbox, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    box, client = sandbox
    SyncEngine(desk, client).sync_once()
    citizen = box.state.scenario.citizens[1]
    ticket = _asks(desk, box, client, citizen, "Buenas, ¿cómo me verifico como vecina?")
    window = _window(qtbot, desk, people["luis"])  # an operator of obras and limpieza
    _send_code(qtbot, window, ticket)
    assert OutboxSender(desk, client, "AytoJun").send_due().sent == 1
    code = _code_on_x(box, citizen)
    clock.advance(hours=48, minutes=1)
    dialog = _counter(qtbot, window)
    _type_code(qtbot, dialog, code)
    qtbot.waitUntil(lambda: "caducó" in dialog.error.text(), timeout=10_000)
    assert "envía un código nuevo" in dialog.error.text()
    status = desk.verification.status(desk.tickets.get(ticket).citizen_id or 0)
    assert not status.verified and status.latest is not None
    assert status.latest.state.value == "expired"
    dialog.reject()
    window.close()
