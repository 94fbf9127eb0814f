"""Moderación: replies to the town's posts, one conversation per branch, each reply with the
detector's flags and the words or signals that raised them. A flag is a suggestion: a
person chooses a reason of the published policy and proposes (operators) or acts
(supervisors; operators only for what the policy allows, e.g. obvious spam). Proposals
wait below for a supervisor. Undo is always offered for what is in force.

Tweet text is untrusted: it is shown as plain text only. X is reached through a factory
given by the window (its worker thread builds the client); without one, only proposals.

The parts: ``queue.py`` (the replies, the proposals), ``actions.py`` (the chosen reply and
its buttons), ``texts.py`` (the words); this panel loads, decides what may be done and does it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.moderation import ActionKind, Category
from jun_desk.domain.roles import Actor
from jun_desk.services.moderation import ActionView, ConversationView, ReplyView
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.moderation.actions import ReplyActions
from jun_desk.ui.moderation.queue import (
    COLUMN_SHARES,
    PROPOSAL_SHARES,
    ProposalQueue,
    ReplyTree,
    fit_columns,
)
from jun_desk.ui.operations import Op, Query

XFactory = Callable[[], Any]  # returns something with hide_reply / mute / delete_tweet
NARROW = 600  # px: below this the chosen reply goes under the lists


class ModerationPanel(QWidget):
    count_changed = Signal(int)  # proposals waiting for a supervisor

    def __init__(self, ui: UiContext, x_factory: XFactory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere
        self.x_factory = x_factory
        self.groups: list[ConversationView] = []
        self.proposals: list[ActionView] = []
        self.applied: list[ActionView] = []
        top = self._build_top()
        self.tree = ReplyTree(self)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.side = ReplyActions(self)
        side = self.side  # its parts by the names the tests and the shell use
        self.text, self.flags, self.reason, self.note = (side.text, side.flags, side.reason,
                                                         side.note)
        self.propose_hide, self.propose_mute, self.hide_now, self.mute_now, \
            self.undo_button, self.ticket_button = side.buttons()
        self.feedback, self.blocks = side.feedback, side.blocks
        self.propose_hide.clicked.connect(lambda: self.propose(ActionKind.HIDE))
        self.propose_mute.clicked.connect(lambda: self.propose(ActionKind.MUTE))
        self.hide_now.clicked.connect(lambda: self.act(ActionKind.HIDE))
        self.mute_now.clicked.connect(lambda: self.act(ActionKind.MUTE))
        self.undo_button.clicked.connect(self.undo_selected)
        self.ticket_button.clicked.connect(self.create_ticket)
        self.queue = ProposalQueue(self)
        self.pending, self.pending_label = self.queue.list, self.queue.label
        self.approve_button = self.queue.approve_button
        self.reject_button = self.queue.reject_button
        self.pending.itemSelectionChanged.connect(self._proposal_selected)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.split = self._arrange()
        self.tree.installEventFilter(self)
        self.pending.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        self._fill_reasons()
        self.apply_role()

    def _build_top(self) -> QHBoxLayout:
        """The summary line, "Solo señaladas", the policy and Actualizar."""
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.only_flagged = QCheckBox(self.tr("Solo señaladas"), self)
        self.only_flagged.setChecked(True)
        self.only_flagged.toggled.connect(self.reload)
        self.reload_button = QPushButton(self.tr("Actualizar"), self)
        self.reload_button.clicked.connect(self.reload)
        self.policy_button = QPushButton(self.tr("Normas de moderación…"), self)
        self.policy_button.clicked.connect(self.show_policy)
        top = QHBoxLayout()
        top.addWidget(self.only_flagged)
        top.addStretch(1)
        top.addWidget(self.policy_button)
        top.addWidget(self.reload_button)
        return top

    def _arrange(self) -> QSplitter:
        """Left: the replies above the proposals waiting for a supervisor, each list as
        wide as the panel allows; right: the chosen reply and what may be done, which
        scrolls when the dock is low (a laptop's bottom dock) instead of making the
        dock taller than the board leaves, and wraps its buttons when it is narrow."""
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        lists.addWidget(self.tree)
        lists.addWidget(self.queue)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        side_scroll = QScrollArea(self)
        side_scroll.setObjectName("moderation-side")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(self.side)
        side_scroll.setMinimumWidth(self.side.minimumSizeHint().width()
                                    + side_scroll.verticalScrollBar().sizeHint().width())
        # Vertical until it is seen wide enough (resizeEvent): side by side, its first
        # minimum could make the window grow past a low screen as the dock opens.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(lists)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 450])
        return split

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock the chosen reply goes under the lists instead of beside."""
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Vertical if self.width() < NARROW
                  else Qt.Orientation.Horizontal)
        if self.split.orientation() != wanted:
            self.split.setOrientation(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in (self.tree, self.pending):
            self._fit_columns(watched)
        return super().eventFilter(watched, event)

    def _fit_columns(self, tree: QTreeWidget) -> None:
        fit_columns(tree, COLUMN_SHARES if tree is self.tree else PROPOSAL_SHARES)

    # ------------------------------------------------------------------ policy
    def _fill_reasons(self) -> None:
        self.side.fill_reasons(self.ui.desk.moderation.policy)

    def show_policy(self) -> None:
        policy = self.ui.desk.moderation.policy
        lang = labels.language()
        lines = [policy.published.get(lang, policy.published["es"]), ""]
        lines += [f"• {r.title(lang)}: {r.text(lang)}" for r in policy.reasons.values()]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Normas de moderación"),
                          "\n".join(lines), QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def apply_role(self) -> None:
        self.queue.set_supervisor(self.ui.actor.is_supervisor)
        self._selected()

    def set_actor(self, _actor: Actor) -> None:
        self.apply_role()

    # ------------------------------------------------------------------ loading
    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """Moderation here or at another desk, or new replies: read again if shown."""
        if self.isVisible() and changes.touches(Kind.MODERATION, Kind.FEED):
            self.reload()

    def reload(self) -> None:
        desk, flagged = self.ui.desk, self.only_flagged.isChecked()
        Query(self.ui, lambda: (desk.moderation.conversations(flagged_only=flagged),
                                desk.moderation.actions(status="proposed"),
                                desk.moderation.actions(status="applied")),
              failure_text=self.tr("No se pudo leer la moderación")).success(
            self.show_data).run()

    def show_data(self, data: tuple[list[ConversationView], list[ActionView],
                                    list[ActionView]]) -> None:
        groups, proposals, applied = data
        chosen = self.selected_reply()
        chosen_id = chosen.item_id if chosen else None
        self.groups, self.proposals, self.applied = list(groups), list(proposals), \
            list(applied)
        flagged, select = self.tree.fill(self.groups, chosen_id)
        waiting = len(self.proposals)
        self.summary.setText(
            self.tr("%(n)d respuestas señaladas en %(c)d conversaciones; %(p)d propuestas "
                    "esperan a un supervisor. Una señal es una sugerencia: decide una "
                    "persona, según las normas publicadas.")
            .replace("%(n)d", str(flagged)).replace("%(c)d", str(len(self.groups)))
            .replace("%(p)d", str(waiting)))
        self.queue.fill(self.proposals, self.ui.desk.moderation.policy.reasons)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._selected()
        self._proposal_selected()
        self.count_changed.emit(waiting)

    # ------------------------------------------------------------------ selection
    def selected_reply(self) -> ReplyView | None:
        item_id = self.tree.chosen_id()
        if item_id is None:
            return None
        return next((r for g in self.groups for r in g.replies if r.item_id == item_id), None)

    def select_reply(self, needle: str) -> ReplyView | None:
        """Select the first reply whose text holds ``needle`` (tests, screenshots)."""
        return self.selected_reply() if self.tree.select_containing(needle) else None

    def _in_force(self, reply: ReplyView, kind: ActionKind) -> ActionView | None:
        target = reply.x_id if kind is ActionKind.HIDE else reply.author_x_id
        return next((a for a in self.applied if a.action is kind
                     and a.target_x_id == target), None)

    def _selected(self) -> None:
        reply = self.selected_reply()
        if reply is None:
            self.side.show_none()
            return
        supervisor = self.ui.actor.is_supervisor
        direct = supervisor or any(
            reply.assessment.obvious(Category(code))
            for code in self.ui.desk.moderation.policy.operator_direct
            if code in {c.value for c in Category})
        self.side.show_reply(reply, connected=self.x_factory is not None,
                             supervisor=supervisor, direct=direct)

    def _proposal_selected(self) -> None:
        self.queue.enable(supervisor=self.ui.actor.is_supervisor,
                          connected=self.x_factory is not None)

    def select_proposal(self, action_id: int) -> None:
        self.queue.select(action_id)

    # ------------------------------------------------------------------ actions
    def _note(self) -> str | None:
        return self.side.note_text()

    def _reason(self) -> str:
        return self.side.reason_code()

    def _done(self, message: str) -> Callable[[Any], None]:
        def done(view: Any) -> None:
            ticket = getattr(view, "ticket_id", None)
            extra = self.tr(" La petición que contenía es el ticket #%d.") % ticket \
                if ticket else ""
            self.side.show_done(message + extra)
            self.ui.message.emit(message + extra)
            # The view reads again through on_changes, as every view does after an operation.
        return done

    def _failed(self, err: Exception) -> None:
        self.side.show_failure(describe(err))

    def propose(self, kind: ActionKind) -> None:
        reply = self.selected_reply()
        if reply is None:
            return
        desk, actor, reason, note = self.ui.desk, self.ui.actor, self._reason(), self._note()
        Op(self.ui, lambda: desk.moderation.propose(actor, kind.value, reply.x_id, reason,
                                                   note=note),
           failure_text=self.tr("No se pudo proponer")).success(
            self._done(self.tr("Propuesta enviada: la aprueba un supervisor."))).failure(
            self._failed).run()

    def act(self, kind: ActionKind) -> None:
        reply = self.selected_reply()
        if reply is None or self.x_factory is None:
            return
        desk, actor, reason, note = self.ui.desk, self.ui.actor, self._reason(), self._note()
        factory = self.x_factory
        done = self.tr("Respuesta ocultada en X.") if kind is ActionKind.HIDE \
            else self.tr("Cuenta silenciada en X.")
        Op(self.ui, lambda: desk.moderation.act(actor, kind.value, reply.x_id, reason,
                                               factory(), note=note),
           failure_text=self.tr("X no lo ha hecho")).success(self._done(done)).failure(
            self._failed).run()

    def undo_selected(self) -> None:
        reply = self.selected_reply()
        if reply is None or self.x_factory is None:
            return
        action = self._in_force(reply, ActionKind.HIDE) if reply.hidden else None
        action = action or self._in_force(reply, ActionKind.MUTE)
        if action is None:
            return
        desk, actor, note, factory = self.ui.desk, self.ui.actor, self._note(), self.x_factory
        message = self.tr("Respuesta visible de nuevo en X.") \
            if action.action is ActionKind.HIDE else self.tr("Cuenta ya no silenciada.")
        Op(self.ui, lambda: desk.moderation.undo(actor, action.id, factory(), note=note),
           failure_text=self.tr("No se pudo deshacer")).success(self._done(message)).failure(
            self._failed).run()

    def _proposal_id(self) -> int | None:
        return self.queue.chosen_id()

    def approve_selected(self) -> None:
        action_id = self._proposal_id()
        if action_id is None or self.x_factory is None:
            return
        desk, actor, note, factory = self.ui.desk, self.ui.actor, self._note(), self.x_factory
        Op(self.ui, lambda: desk.moderation.approve(actor, action_id, factory(), note=note),
           failure_text=self.tr("X no lo ha hecho")).success(
            self._done(self.tr("Propuesta aprobada y hecha en X."))).failure(
            self._failed).run()

    def reject_selected(self) -> None:
        action_id = self._proposal_id()
        if action_id is None:
            return
        desk, actor, note = self.ui.desk, self.ui.actor, self._note()
        Op(self.ui, lambda: desk.moderation.reject(actor, action_id, note=note),
           failure_text=self.tr("No se pudo rechazar")).success(
            self._done(self.tr("Propuesta rechazada."))).failure(self._failed).run()

    def create_ticket(self) -> None:
        reply = self.selected_reply()
        if reply is None:
            return
        from jun_desk.ui.pickers import creation_department

        desk, actor = self.ui.desk, self.ui.actor
        go, department = creation_department(self.ui, reply.suggested_department, self)
        if not go:
            return
        Op(self.ui, lambda: desk.tickets.create_from_item(actor, reply.item_id,
                                                         department=department),
           failure_text=self.tr("No se pudo crear el ticket")).success(
            self._done(self.tr("Ticket creado."))).failure(self._failed).run()
