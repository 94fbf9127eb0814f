"""The DM panel: conversations with unread counts, a ticket from a conversation, a DM out."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.panel import DmPanel
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


def test_dm_conversation_to_ticket_and_reply(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()
        panel = DmPanel(UiContext(desk, people["rosa"], account="AytoJun"))
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        panel.reload()
        qtbot.waitUntil(lambda: panel.model.rowCount() >= 60, timeout=10_000)
        first = panel.model.conversations[0]
        assert first.unhandled >= 1 and "(" in panel.model.index(0).data()
        panel.list.setCurrentIndex(panel.model.index(0))
        qtbot.waitUntil(lambda: bool(panel.messages) and panel.current is not None, timeout=5000)
        assert not panel.send_button.isEnabled()  # no ticket yet: nothing unrecorded goes out
        qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.current is not None and bool(panel.current.ticket_id),
                        timeout=5000)
        ticket_id = panel.current.ticket_id
        qtbot.keyClicks(panel.composer, "Hola, lo miramos hoy mismo")
        # Enabled once the linked ticket is read (whose citizen it is decides the send).
        qtbot.waitUntil(panel.send_button.isEnabled, timeout=5000)
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(desk.outbox.for_ticket(ticket_id)) == 1, timeout=5000)
        assert OutboxSender(desk, client, "AytoJun").send_due().sent == 1
        sent = [d for d in sandbox.state.dms if d.text == "Hola, lo miramos hoy mismo"]
        assert len(sent) == 1 and sent[0].conversation_id == first.conversation_id
        panel.reload()
        qtbot.waitUntil(lambda: any(m.kind == "dm_out" for m in panel.messages), timeout=5000)
        assert "Hola, lo miramos hoy mismo" in panel.thread_view.toPlainText()
        client.close()
