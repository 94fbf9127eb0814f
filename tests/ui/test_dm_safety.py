"""A DM reaches the citizen of the conversation it was typed in — checked on X's side.

Real widgets offscreen, the real tweepy client against the sandbox, the outbox sender. The
incident behind it: Pilar's conversation linked by a bare number box to Elena's resolved
ticket; the DM typed for Pilar went to Elena and never showed in Pilar's thread.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from jun_desk.services.desk import Desk
from jun_desk.services.feed import Conversation
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.panel import DmPanel
from jun_desk.ui.dms.ticket_picker import TicketPicker
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


@pytest.fixture
def sandbox_desk(qtbot, desk: Desk, people):  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()
        panel = DmPanel(UiContext(desk, people["luis"], account="AytoJun"))
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        panel.reload()
        qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=10_000)
        yield sandbox, client, panel
        panel.ui.wait()
        client.close()


def _citizen_of(sandbox: Sandbox, conversation_id: str) -> str:
    """Who the conversation is with, as X has it: the sender of its incoming DMs."""
    desk_id = sandbox.state.desk.id
    senders = {d.sender_id for d in sandbox.state.dms
               if d.conversation_id == conversation_id and d.sender_id != desk_id}
    assert len(senders) == 1
    return senders.pop()


def _open(qtbot, panel: DmPanel, conversation: Conversation) -> None:  # type: ignore[no-untyped-def]
    row = panel.model.row_of(conversation.conversation_id)
    assert row is not None
    panel.list.setCurrentIndex(panel.model.index(row))
    qtbot.waitUntil(lambda: panel.current is not None
                    and panel.current.conversation_id == conversation.conversation_id
                    and bool(panel.messages), timeout=5000)


def _two_citizens(panel: DmPanel) -> tuple[Conversation, Conversation]:
    seen: dict[int, Conversation] = {}
    for c in panel.model.conversations:
        if c.citizen_id is not None and c.ticket_id is None and c.citizen_id not in seen:
            seen[c.citizen_id] = c
    first, second = list(seen.values())[:2]
    return first, second


def test_each_dm_reaches_its_own_conversations_citizen(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                       sandbox_desk) -> None:
    sandbox, client, panel = sandbox_desk
    panel.ui.actor = desk.operators.actor("rosa")  # a generalist: tickets of any department
    conversations = _two_citizens(panel)
    texts = {}
    for conversation in conversations:
        _open(qtbot, panel, conversation)
        qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.current is not None and bool(panel.current.ticket_id)
                        and panel.ticket is not None, timeout=5000)
        name = conversation.citizen_name or conversation.citizen_handle
        assert name in panel.recipient.text()  # the composer says who receives it
        assert panel.mismatch.isHidden()  # the ticket is this citizen's own
        text = f"Hola {name}, lo miramos hoy mismo ({conversation.conversation_id})"
        texts[conversation.conversation_id] = text
        qtbot.keyClicks(panel.composer, "Hola")  # QTest types ASCII only; names may not be
        panel.composer.setPlainText(text)
        qtbot.waitUntil(panel.send_button.isEnabled, timeout=5000)
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        # At once, before X has it: in this thread, marked pending.
        qtbot.waitUntil(lambda t=text: t in panel.thread_view.toPlainText(), timeout=5000)
        assert "pendiente" in panel.thread_view.toPlainText()
        assert panel.composer.toPlainText() == ""
    report = OutboxSender(desk, client, "AytoJun").send_due()
    assert report.sent == 2 and report.failed == 0
    for conversation_id, text in texts.items():
        on_x = [d for d in sandbox.state.dms if d.text == text]
        assert len(on_x) == 1
        assert on_x[0].recipient_id == _citizen_of(sandbox, conversation_id)
        assert on_x[0].conversation_id == conversation_id
    # Back in each thread: sent, no longer pending, and only in its own thread.
    for conversation in conversations:
        _open(qtbot, panel, conversation)
        mine = texts[conversation.conversation_id]
        panel.reload()
        qtbot.waitUntil(lambda t=mine: any(m.kind == "dm_out" and m.text == t
                                           for m in panel.messages), timeout=5000)
        shown = panel.thread_view.toPlainText()
        assert mine in shown and "pendiente" not in shown
        assert not any(t in shown for cid, t in texts.items()
                       if cid != conversation.conversation_id)


def test_linking_another_citizens_resolved_ticket_warns_and_the_dm_still_reaches_pilar(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, sandbox_desk) -> None:
    sandbox, client, panel = sandbox_desk
    luis = people["luis"]
    elena, pilar = _two_citizens(panel)
    elena_item = next(m for m in desk.feed.conversation(elena.conversation_id)
                      if m.kind == "dm_in")
    elenas = desk.tickets.create_from_item(luis, elena_item.id, department="obras")
    elenas = desk.tickets.resolve(luis, elenas.id)
    pilar_item = next(m for m in desk.feed.conversation(pilar.conversation_id)
                      if m.kind == "dm_in")
    panel.reload()
    _open(qtbot, panel, pilar)
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    assert isinstance(picker, TicketPicker)
    # Typing filters: Elena's handle finds her ticket, shown with citizen, title, status.
    qtbot.keyClicks(picker.search, f"@{elena.citizen_handle}")
    qtbot.waitUntil(lambda: [t.id for t in picker.tickets] == [elenas.id], timeout=5000)
    row = [picker.table.item(0, c).text() for c in range(4)]
    assert row[0] == f"#{elenas.id}" and f"@{elena.citizen_handle}" in row[1]
    assert row[2] == elenas.title and row[3] == "resuelto"
    # Another citizen's ticket, already resolved: both said, and no link without a tick.
    warning = picker.warning.text()
    assert picker.warning.isVisible() and picker.confirm.isVisible()
    assert f"@{elena.citizen_handle}" in warning and f"@{pilar.citizen_handle}" in warning
    assert "resuelto" in warning
    assert not picker.ok.isEnabled()
    picker.confirm.setChecked(True)
    assert picker.ok.isEnabled()
    qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.current is not None and panel.current.ticket_id == elenas.id
                    and panel.ticket is not None, timeout=5000)
    assert pilar_item.id in {i.id for i in desk.tickets.items(elenas.id)}
    # The composer says the DM goes to Pilar and asks before sending.
    assert f"@{pilar.citizen_handle}" in panel.recipient.text()
    assert panel.mismatch.isVisible() and f"@{elena.citizen_handle}" in panel.mismatch.text()
    text = "Gracias Pilar, ya lo hemos pasado a Obras."
    qtbot.keyClicks(panel.composer, text)
    assert not panel.send_button.isEnabled()
    panel.confirm_other.setChecked(True)
    qtbot.waitUntil(panel.send_button.isEnabled, timeout=5000)
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: text in panel.thread_view.toPlainText(), timeout=5000)
    assert OutboxSender(desk, client, "AytoJun").send_due().sent == 1
    on_x = [d for d in sandbox.state.dms if d.text == text]
    assert len(on_x) == 1
    assert on_x[0].recipient_id == _citizen_of(sandbox, pilar.conversation_id)
    assert on_x[0].conversation_id == pilar.conversation_id
    assert text not in {m.text for m in desk.feed.conversation(elena.conversation_id)}


def test_the_picker_offers_the_citizens_own_open_ticket_without_warning(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, sandbox_desk) -> None:
    _sandbox, _client, panel = sandbox_desk
    luis = people["luis"]
    pilar, _other = _two_citizens(panel)
    items = [m for m in desk.feed.conversation(pilar.conversation_id) if m.kind == "dm_in"]
    own = desk.tickets.create_from_item(luis, items[0].id, department="obras")
    picker = TicketPicker(panel.ui, pilar, panel)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: bool(picker.tickets), timeout=5000)
    assert picker.tickets[0].id == own.id  # the conversation's citizen first
    assert picker.warning.isHidden() and picker.ok.isEnabled()
    qtbot.keyClicks(picker.search, f"#{own.id}")
    qtbot.waitUntil(lambda: [t.id for t in picker.tickets] == [own.id], timeout=5000)
    qtbot.keyClicks(picker.search, "0000")  # "#<id>0000": no such ticket
    qtbot.waitUntil(lambda: picker.tickets == [], timeout=5000)
    assert picker.empty.text() and not picker.ok.isEnabled()
    # A ticket with no citizen (typed in by hand) is not this citizen's either.
    manual = desk.tickets.create_manual(luis, department="obras", title="Bache sin vecino")
    assert picker.warnings(manual) == [
        f"El ticket #{manual.id} no es de {pilar.citizen_name} (@{pilar.citizen_handle}), "
        "con quien es esta conversación."]
