"""Moderación: replies to the town's posts, one conversation per branch, each reply with the
detector's flags and the words or signals that raised them. A flag is a suggestion: a
person chooses a reason of the published policy and proposes (operators) or acts
(supervisors; operators only for what the policy allows, e.g. obvious spam). Proposals
wait below for a supervisor. Undo is always offered for what is in force.

Tweet text is untrusted: it is shown as plain text only. X is reached through a factory
given by the window (its worker thread builds the client); without one, only proposals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.moderation import ActionKind, Category
from jun_desk.domain.roles import Actor
from jun_desk.services.moderation import ActionView, ConversationView, ReplyView
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.layout_fit import FlowLayout
from jun_desk.ui.operations import Op, Query

XFactory = Callable[[], Any]  # returns something with hide_reply / mute / delete_tweet
FLAG_COLOUR = QColor("#c62828")
HIDDEN_COLOUR = QColor("#757575")
BLOCKS_URL = "https://x.com/settings/blocked/all"
COLUMN_SHARES = {1: 0.17, 2: 0.25, 3: 0.13}  # author, signals, state: of the tree's width
PROPOSAL_SHARES = {0: 0.15, 1: 0.18, 2: 0.15}  # proposal, reason, by whom
NARROW = 600  # px: below this the chosen reply goes under the lists


def category_names() -> dict[str, str]:
    return {
        Category.INSULT.value: QCoreApplication.translate("Moderation", "Insulto"),
        Category.THREAT.value: QCoreApplication.translate("Moderation", "Amenaza"),
        Category.HATE.value: QCoreApplication.translate("Moderation", "Odio"),
        Category.SPAM.value: QCoreApplication.translate("Moderation", "Spam"),
        Category.PERSONAL_DATA.value: QCoreApplication.translate(
            "Moderation", "Datos personales de otros"),
        Category.ADVERTISING.value: QCoreApplication.translate("Moderation", "Publicidad"),
    }


_LINKS = re.compile(r"(\d+) enlaces")
_REPEATED = re.compile(r"texto repetido ×(\d+)")
_PERSONAL = re.compile(r"(dni|nie|phone|email|iban) (.+)")


def evidence_shown(signal: str) -> str:
    """One of a flag's signals in the window's language: the signals the detector words
    itself (``domain/moderation.py``, in Spanish) translated, the words it quotes from the
    reply left as they are."""
    translate = QCoreApplication.translate
    fixed = {"enlace": translate("Moderation", "enlace"),
             "cuenta nueva con enlace": translate("Moderation", "cuenta nueva con enlace"),
             "avatar por defecto con enlace": translate("Moderation",
                                                        "avatar por defecto con enlace")}
    if signal in fixed:
        return fixed[signal]
    if found := _LINKS.fullmatch(signal):
        return translate("Moderation", "%d enlaces") % int(found.group(1))
    if found := _REPEATED.fullmatch(signal):
        return translate("Moderation", "texto repetido ×%d") % int(found.group(1))
    if found := _PERSONAL.fullmatch(signal):
        return f"{labels.privacy_labels()[found.group(1)]} {found.group(2)}"
    if signal.startswith("salud: "):
        return f"{labels.privacy_labels()['health']}: {signal.removeprefix('salud: ')}"
    return signal


def flag_text(flag: Any) -> str:
    """"Spam: enlace, texto repetido ×3" in the window's language."""
    name = category_names().get(flag.category.value, flag.category.value)
    return f"{name}: {', '.join(evidence_shown(s) for s in flag.evidence)}"


def action_names() -> dict[str, str]:
    return {ActionKind.HIDE.value: QCoreApplication.translate("Moderation", "ocultar"),
            ActionKind.MUTE.value: QCoreApplication.translate("Moderation", "silenciar"),
            ActionKind.DELETE.value: QCoreApplication.translate("Moderation", "borrar")}


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

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("moderation-tree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Respuesta"), self.tr("Autor"), self.tr("Señales"),
                                   self.tr("Estado")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._selected)

        # the chosen reply, as plain text, its flags and what may be done
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(90)
        self.text.setPlaceholderText(self.tr("Elija una respuesta"))
        self.flags = QLabel("", self)
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QComboBox(self)
        self.reason.setObjectName("moderation-reason")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Nota para el registro (opcional)"))
        self.note.setMaxLength(500)
        form = QFormLayout()
        form.addRow(self.tr("Motivo (normas):"), self.reason)
        form.addRow(self.tr("Nota:"), self.note)
        self.propose_hide = QPushButton(self.tr("Proponer ocultar"), self)
        self.propose_mute = QPushButton(self.tr("Proponer silenciar"), self)
        self.hide_now = QPushButton(self.tr("Ocultar"), self)
        self.mute_now = QPushButton(self.tr("Silenciar cuenta"), self)
        self.undo_button = QPushButton(self.tr("Deshacer"), self)
        self.ticket_button = QPushButton(self.tr("Crear ticket"), self)
        self.ticket_button.setToolTip(self.tr("La respuesta pide algo: se atiende aunque se "
                                              "oculte"))
        for button in (self.propose_hide, self.propose_mute, self.hide_now, self.mute_now,
                       self.undo_button, self.ticket_button):
            button.setEnabled(False)
        self.propose_hide.clicked.connect(lambda: self.propose(ActionKind.HIDE))
        self.propose_mute.clicked.connect(lambda: self.propose(ActionKind.MUTE))
        self.hide_now.clicked.connect(lambda: self.act(ActionKind.HIDE))
        self.mute_now.clicked.connect(lambda: self.act(ActionKind.MUTE))
        self.undo_button.clicked.connect(self.undo_selected)
        self.ticket_button.clicked.connect(self.create_ticket)
        actions = FlowLayout(spacing=4)  # wraps in a narrow dock instead of widening it
        for button in (self.propose_hide, self.propose_mute, self.hide_now, self.mute_now,
                       self.undo_button, self.ticket_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.feedback = QLabel("", self)
        self.feedback.setObjectName("moderation-feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)

        self.pending = QTreeWidget(self)
        self.pending.setObjectName("moderation-proposals")
        self.pending.setHeaderLabels([self.tr("Propuesta"), self.tr("Motivo"),
                                      self.tr("Propuesta por"), self.tr("Texto")])
        self.pending.setRootIsDecorated(False)
        self.pending.itemSelectionChanged.connect(self._proposal_selected)
        self.pending.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.approve_button = QPushButton(self.tr("Aprobar"), self)
        self.reject_button = QPushButton(self.tr("Rechazar"), self)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        decide = FlowLayout(spacing=4)
        self.pending_label = QLabel(self.tr("Propuestas pendientes de un supervisor"), self)
        decide.addWidget(self.pending_label)
        decide.addWidget(self.approve_button)
        decide.addWidget(self.reject_button)
        self.blocks = QLabel(self.tr(
            "Bloqueos: la API de X ya no permite bloquear ni desbloquear cuentas; se "
            "gestionan en x.com (%s).") % BLOCKS_URL, self)
        self.blocks.setWordWrap(True)
        self.blocks.setTextFormat(Qt.TextFormat.PlainText)
        self.blocks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.blocks.setStyleSheet("color: #616161;")

        # Left: the replies above the proposals waiting for a supervisor, each list as
        # wide as the panel allows; right: the chosen reply and what may be done, which
        # scrolls when the dock is low (a laptop's bottom dock) instead of making the
        # dock taller than the board leaves, and wraps its buttons when it is narrow.
        waiting = QWidget(self)
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.addLayout(decide)
        waiting_layout.addWidget(self.pending, 1)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        lists.addWidget(self.tree)
        lists.addWidget(waiting)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.text)
        side_layout.addWidget(self.flags)
        side_layout.addLayout(form)
        side_layout.addLayout(actions)
        side_layout.addWidget(self.feedback)
        side_layout.addStretch(1)
        side_layout.addWidget(self.blocks)
        side_scroll = QScrollArea(self)
        side_scroll.setObjectName("moderation-side")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(side.minimumSizeHint().width()
                                    + side_scroll.verticalScrollBar().sizeHint().width())
        # Vertical until it is seen wide enough (resizeEvent): side by side, its first
        # minimum could make the window grow past a low screen as the dock opens.
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(lists)
        split.addWidget(side_scroll)
        self.tree.installEventFilter(self)
        self.pending.installEventFilter(self)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        for widget, name in ((self.tree, self.tr("Respuestas por conversación")),
                             (self.text, self.tr("Texto de la respuesta elegida")),
                             (self.reason, self.tr("Motivo según las normas")),
                             (self.note, self.tr("Nota para el registro")),
                             (self.pending, self.tr("Propuestas pendientes"))):
            widget.setAccessibleName(name)
        self._fill_reasons()
        self.apply_role()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
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
        """The short columns take shares of the list's width (at least their headings),
        the text the rest: fixed widths left the reply 70 px on a laptop."""
        header = tree.header()
        width = tree.viewport().width()
        shares = COLUMN_SHARES if tree is self.tree else PROPOSAL_SHARES
        for column, share in shares.items():
            heading = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(heading, int(width * share)))

    # ------------------------------------------------------------------ policy
    def _fill_reasons(self) -> None:
        policy = self.ui.desk.moderation.policy
        lang = labels.language()
        self.reason.clear()
        for code, reason in policy.reasons.items():
            if ActionKind.HIDE in reason.actions or ActionKind.MUTE in reason.actions:
                self.reason.addItem(reason.title(lang), code)
                self.reason.setItemData(self.reason.count() - 1, reason.text(lang),
                                        Qt.ItemDataRole.ToolTipRole)

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
        supervisor = self.ui.actor.is_supervisor
        self.approve_button.setVisible(supervisor)
        self.reject_button.setVisible(supervisor)
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
        self.tree.clear()
        flagged = 0
        select: QTreeWidgetItem | None = None
        for group in self.groups:
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
            self.tree.addTopLevelItem(top)
            for reply in group.replies:
                flags = "; ".join(flag_text(f) for f in reply.assessment.flags)
                row = QTreeWidgetItem([" ".join(reply.text.split()),
                                       f"@{reply.author_handle or '?'}", flags,
                                       self._state(reply)])
                row.setData(0, Qt.ItemDataRole.UserRole, reply.item_id)
                row.setToolTip(0, reply.text)
                if reply.assessment.flagged:
                    flagged += 1
                    row.setForeground(2, QBrush(FLAG_COLOUR))
                if reply.hidden:
                    for column in range(2):
                        row.setForeground(column, QBrush(HIDDEN_COLOUR))
                top.addChild(row)
                if reply.item_id == chosen_id:
                    select = row
            top.setExpanded(True)
        waiting = len(self.proposals)
        self.summary.setText(
            self.tr("%(n)d respuestas señaladas en %(c)d conversaciones; %(p)d propuestas "
                    "esperan a un supervisor. Una señal es una sugerencia: decide una "
                    "persona, según las normas publicadas.")
            .replace("%(n)d", str(flagged)).replace("%(c)d", str(len(self.groups)))
            .replace("%(p)d", str(waiting)))
        self.pending.clear()
        actions = action_names()
        for proposal in self.proposals:
            reason = self.ui.desk.moderation.policy.reasons.get(proposal.reason)
            item = QTreeWidgetItem([
                f"#{proposal.id} {actions.get(proposal.action.value, proposal.action.value)}"
                f" @{proposal.author_handle or '?'}",
                reason.title(labels.language()) if reason else proposal.reason,
                proposal.proposed_by or "", " ".join((proposal.text or "").split())])
            item.setData(0, Qt.ItemDataRole.UserRole, proposal.id)
            self.pending.addTopLevelItem(item)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._selected()
        self._proposal_selected()
        self.count_changed.emit(waiting)

    def _state(self, reply: ReplyView) -> str:
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

    # ------------------------------------------------------------------ selection
    def selected_reply(self) -> ReplyView | None:
        item = self.tree.currentItem()
        item_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if item_id is None:
            return None
        return next((r for g in self.groups for r in g.replies if r.item_id == item_id), None)

    def select_reply(self, needle: str) -> ReplyView | None:
        """Select the first reply whose text holds ``needle`` (tests, screenshots)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and needle in child.toolTip(0):
                    self.tree.setCurrentItem(child)
                    return self.selected_reply()
        return None

    def _in_force(self, reply: ReplyView, kind: ActionKind) -> ActionView | None:
        target = reply.x_id if kind is ActionKind.HIDE else reply.author_x_id
        return next((a for a in self.applied if a.action is kind
                     and a.target_x_id == target), None)

    def _selected(self) -> None:
        reply = self.selected_reply()
        connected = self.x_factory is not None
        supervisor = self.ui.actor.is_supervisor
        if reply is None:
            self.text.clear()
            self.flags.clear()
            for button in (self.propose_hide, self.propose_mute, self.hide_now,
                           self.mute_now, self.undo_button, self.ticket_button):
                button.setEnabled(False)
            return
        self.text.setPlainText(reply.text)
        self.flags.setText("\n".join(
            f"⚑ {flag_text(f)}" for f in reply.assessment.flags) or self.tr("Sin señales."))
        self.flags.setStyleSheet(f"color: {FLAG_COLOUR.name()};"
                                 if reply.assessment.flagged else "")
        if reply.assessment.flags:  # the detector's reason first; a person may change it
            index = self.reason.findData(reply.assessment.flags[0].category.value)
            if index >= 0:
                self.reason.setCurrentIndex(index)
        direct = supervisor or any(
            reply.assessment.obvious(Category(code))
            for code in self.ui.desk.moderation.policy.operator_direct
            if code in {c.value for c in Category})
        self.propose_hide.setEnabled(not reply.hidden and "hide" not in reply.pending_actions)
        self.propose_mute.setEnabled(not reply.muted and "mute" not in reply.pending_actions)
        self.hide_now.setEnabled(connected and direct and not reply.hidden)
        self.mute_now.setEnabled(connected and supervisor and not reply.muted)
        self.undo_button.setEnabled(connected and (reply.hidden or reply.muted))
        self.ticket_button.setEnabled(reply.ticket_id is None)

    def _proposal_selected(self) -> None:
        chosen = bool(self.pending.selectedItems())
        supervisor = self.ui.actor.is_supervisor
        self.approve_button.setEnabled(chosen and supervisor and self.x_factory is not None)
        self.reject_button.setEnabled(chosen and supervisor)

    def select_proposal(self, action_id: int) -> None:
        for i in range(self.pending.topLevelItemCount()):
            item = self.pending.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == action_id:
                self.pending.setCurrentItem(item)
                item.setSelected(True)

    # ------------------------------------------------------------------ actions
    def _note(self) -> str | None:
        return self.note.text().strip() or None

    def _reason(self) -> str:
        return str(self.reason.currentData())

    def _done(self, message: str) -> Callable[[Any], None]:
        def done(view: Any) -> None:
            ticket = getattr(view, "ticket_id", None)
            extra = self.tr(" La petición que contenía es el ticket #%d.") % ticket \
                if ticket else ""
            self.feedback.setStyleSheet("color: #2e7d32;")
            self.feedback.setText(message + extra)
            self.note.clear()
            self.ui.message.emit(message + extra)
            # The view reads again through on_changes, as every view does after an operation.
        return done

    def _failed(self, err: Exception) -> None:
        self.feedback.setStyleSheet(f"color: {FLAG_COLOUR.name()};")
        self.feedback.setText(describe(err))

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
        items = self.pending.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

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
