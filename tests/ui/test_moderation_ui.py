"""The Moderación view in the window, on the sandbox X with the real tweepy client: a spam
reply flagged → the operator proposes to hide it → the supervisor approves → X (the
sandbox) shows it hidden → undo → visible again. The operator's direct hide of an insult is
refused by the services; X's refusal shows X's reason in one line and changes nothing."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from jun_desk.domain.moderation import ActionKind
from jun_desk.services.desk import Desk
from jun_desk.store.models import ModerationAction
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.moderation.panel import ModerationPanel
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine

SPAM = "GANA 300€"


def _window(qtbot, desk: Desk, actor, client: XClient) -> MainWindow:  # type: ignore[no-untyped-def]
    ui = UiContext(desk, actor, account="AytoJun")
    window = MainWindow(ui, source="sandbox", moderation_x=lambda: client)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.desk.view_menu.moderation_action.trigger()
    panel = window.desk.moderation
    qtbot.waitUntil(lambda: window.desk.docks.moderation_dock.isVisible()
                    and panel.tree.topLevelItemCount() > 0, timeout=10_000)
    return window


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select_x_id(panel: ModerationPanel, x_id: int) -> None:
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        for j in range(top.childCount()):
            panel.tree.setCurrentItem(top.child(j))
            chosen = panel.selected_reply()
            if chosen is not None and int(chosen.x_id) == x_id:
                return
    raise AssertionError(f"reply {x_id} not in the view")


def _rows(desk: Desk) -> int:
    with desk.db.session(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(ModerationAction)) or 0)


def test_spam_flagged_proposed_approved_hidden_then_undone(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                           people) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()
        spam_ids = {t.id for t in sandbox.state.tweets if SPAM in t.text}
        # the operator: the spam reply is flagged with its reasons; Rosa proposes to hide it
        window = _window(qtbot, desk, people["rosa"], client)
        panel = window.desk.moderation
        reply = panel.select_reply(SPAM)
        assert reply is not None and reply.assessment.flagged
        assert "Spam" in panel.flags.text() and "texto repetido ×3" in panel.flags.text()
        assert panel.reason.currentData() == "spam"
        assert not panel.approve_button.isVisible()
        _click(qtbot, panel.propose_hide)
        qtbot.waitUntil(lambda: panel.pending.topLevelItemCount() == 1, timeout=10_000)
        assert "Propuesta enviada" in panel.feedback.text()
        assert not sandbox.state.hidden
        # An insult may not be hidden by an operator directly: the button is off, and the
        # services refuse it when asked anyway.
        insult = panel.select_reply("sois unos inútiles")
        assert insult is not None and not panel.hide_now.isEnabled()
        panel.act(ActionKind.HIDE)
        qtbot.waitUntil(lambda: "propóngalo" in panel.feedback.text(), timeout=10_000)
        assert "\n" not in panel.feedback.text() and not sandbox.state.hidden
        window.close()

        # the supervisor approves: X hides it
        window = _window(qtbot, desk, people["ana"], client)
        panel = window.desk.moderation
        assert panel.pending.topLevelItemCount() == 1 and panel.approve_button.isVisible()
        panel.select_proposal(panel.proposals[0].id)
        _click(qtbot, panel.approve_button)
        qtbot.waitUntil(lambda: panel.pending.topLevelItemCount() == 0, timeout=10_000)
        hidden = set(sandbox.state.hidden)
        assert len(hidden) == 1 and hidden <= spam_ids
        hidden_id = next(iter(hidden))
        qtbot.waitUntil(lambda: any(r.hidden for g in panel.groups for r in g.replies),
                        timeout=10_000)
        _select_x_id(panel, hidden_id)
        assert panel.selected_reply().hidden
        assert "oculta" in panel.tree.currentItem().text(3)
        # undo: visible again on X
        _click(qtbot, panel.undo_button)
        qtbot.waitUntil(lambda: not sandbox.state.hidden, timeout=10_000)
        qtbot.waitUntil(lambda: "visible de nuevo" in panel.feedback.text(), timeout=10_000)
        window.close()
        client.close()


def test_x_refusal_gives_xs_reason_in_one_line(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()
        window = _window(qtbot, desk, people["ana"], client)
        panel = window.desk.moderation
        reply = panel.select_reply("vaya panda de payasos")
        assert reply is not None
        with sandbox.state.lock:  # the citizen deleted it meanwhile
            sandbox.state.deleted.add(int(reply.x_id))
        _click(qtbot, panel.hide_now)
        qtbot.waitUntil(lambda: "Could not find tweet" in panel.feedback.text(),
                        timeout=10_000)
        assert panel.feedback.text().startswith("X no encuentra")
        assert "\n" not in panel.feedback.text()
        assert _rows(desk) == 0 and not sandbox.state.hidden
        window.close()
        client.close()
