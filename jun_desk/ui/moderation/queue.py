"""The moderation view's two lists: the replies by conversation (``ReplyTree``) and the
proposals waiting for a supervisor (``ProposalQueue``). Tweet text is plain text only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.services.moderation import ActionView, ConversationView, ReplyView
from jun_desk.ui import labels
from jun_desk.ui.layout_fit import FlowLayout
from jun_desk.ui.moderation.texts import FLAG_COLOUR, HIDDEN_COLOUR, action_names, flag_text

COLUMN_SHARES = {1: 0.17, 2: 0.25, 3: 0.13}  # author, signals, state: of the tree's width
PROPOSAL_SHARES = {0: 0.15, 1: 0.18, 2: 0.15}  # proposal, reason, by whom


def fit_columns(tree: QTreeWidget, shares: Mapping[int, float]) -> None:
    """The short columns take shares of the list's width (at least their headings),
    the text the rest: fixed widths left the reply 70 px on a laptop."""
    header = tree.header()
    width = tree.viewport().width()
    for column, share in shares.items():
        heading = header.sectionSizeFromContents(column).width()
        header.resizeSection(column, max(heading, int(width * share)))


class ReplyTree(QTreeWidget):
    """One branch per conversation, a row per reply: its text, author, flags (red) and
    state; a hidden reply greyed. The reply's id is the row's user data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderation-tree")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Respuesta"), self.tr("Autor"), self.tr("Señales"),
                              self.tr("Estado")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setAccessibleName(self.tr("Respuestas por conversación"))

    def fill(self, groups: list[ConversationView],
             chosen_id: Any) -> tuple[int, QTreeWidgetItem | None]:
        """Show ``groups``; returns the flagged replies' count and the row of
        ``chosen_id`` (to select again), if still there."""
        self.clear()
        flagged = 0
        select: QTreeWidgetItem | None = None
        for group in groups:
            top = self._conversation(group)
            self.addTopLevelItem(top)
            for reply in group.replies:
                row = self._reply(reply)
                flagged += 1 if reply.assessment.flagged else 0
                top.addChild(row)
                if reply.item_id == chosen_id:
                    select = row
            top.setExpanded(True)
        return flagged, select

    def _conversation(self, group: ConversationView) -> QTreeWidgetItem:
        if group.started_by_town:
            title = self.tr("Publicación de @%s") % (group.started_by or "?")
        elif group.started_by_town is False:
            title = self.tr("Hilo de @%s (X solo deja ocultar respuestas a las "
                            "publicaciones propias)") % (group.started_by or "?")
        else:
            title = self.tr("Conversación %s") % group.conversation_id
        top = QTreeWidgetItem([
            title,
            "", self.tr("%d señaladas") % group.flagged if group.flagged else "",
            self.tr("%d respuestas") % len(group.replies)])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setToolTip(0, self.tr("Conversación %s") % group.conversation_id)
        top.setFirstColumnSpanned(False)
        return top

    def _reply(self, reply: ReplyView) -> QTreeWidgetItem:
        flags = "; ".join(flag_text(f) for f in reply.assessment.flags)
        row = QTreeWidgetItem([" ".join(reply.text.split()),
                               f"@{reply.author_handle or '?'}", flags, self.reply_state(reply)])
        row.setData(0, Qt.ItemDataRole.UserRole, reply.item_id)
        row.setToolTip(0, reply.text)
        if reply.assessment.flagged:
            row.setForeground(2, QBrush(FLAG_COLOUR))
        if reply.hidden:
            for column in range(2):
                row.setForeground(column, QBrush(HIDDEN_COLOUR))
        return row

    def reply_state(self, reply: ReplyView) -> str:
        parts = []
        if reply.hidden:
            parts.append(self.tr("oculta"))
        if reply.muted:
            parts.append(self.tr("cuenta silenciada"))
        if reply.pending:
            actions = action_names()
            parts.append(self.tr("propuesto: %s") % ", ".join(
                actions.get(a, a) for a in reply.pending_actions))
        if reply.ticket_id:
            parts.append(self.tr("ticket #%d") % reply.ticket_id)
        elif reply.reports_problem and reply.assessment.flagged:
            parts.append(self.tr("pide algo: crear ticket"))
        return ", ".join(parts)

    def chosen_id(self) -> Any:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select_containing(self, needle: str) -> bool:
        """Select the first reply whose text holds ``needle``."""
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and needle in child.toolTip(0):
                    self.setCurrentItem(child)
                    return True
        return False


class ProposalQueue(QWidget):
    """The proposals waiting for a supervisor, with Aprobar and Rechazar (a supervisor's
    only). The proposal's id is the row's user data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QTreeWidget(self)
        self.list.setObjectName("moderation-proposals")
        self.list.setHeaderLabels([self.tr("Propuesta"), self.tr("Motivo"),
                                   self.tr("Propuesta por"), self.tr("Texto")])
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.setAccessibleName(self.tr("Propuestas pendientes"))
        self.approve_button = QPushButton(self.tr("Aprobar"), self)
        self.reject_button = QPushButton(self.tr("Rechazar"), self)
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        decide = FlowLayout(spacing=4)
        self.label = QLabel(self.tr("Propuestas pendientes de un supervisor"), self)
        decide.addWidget(self.label)
        decide.addWidget(self.approve_button)
        decide.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(decide)
        layout.addWidget(self.list, 1)

    def fill(self, proposals: list[ActionView], reasons: Mapping[str, Any]) -> None:
        self.list.clear()
        actions = action_names()
        for proposal in proposals:
            reason = reasons.get(proposal.reason)
            item = QTreeWidgetItem([
                f"#{proposal.id} {actions.get(proposal.action.value, proposal.action.value)}"
                f" @{proposal.author_handle or '?'}",
                reason.title(labels.language()) if reason else proposal.reason,
                proposal.proposed_by or "", " ".join((proposal.text or "").split())])
            item.setData(0, Qt.ItemDataRole.UserRole, proposal.id)
            self.list.addTopLevelItem(item)

    def set_supervisor(self, supervisor: bool) -> None:
        self.approve_button.setVisible(supervisor)
        self.reject_button.setVisible(supervisor)

    def enable(self, *, supervisor: bool, connected: bool) -> None:
        chosen = bool(self.list.selectedItems())
        self.approve_button.setEnabled(chosen and supervisor and connected)
        self.reject_button.setEnabled(chosen and supervisor)

    def chosen_id(self) -> int | None:
        items = self.list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select(self, action_id: int) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == action_id:
                self.list.setCurrentItem(item)
                item.setSelected(True)
