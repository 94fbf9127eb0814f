"""Ticket detail: the thread (mentions, replies, DMs, notes) in order, the history, and the
composer that replies or DMs through the outbox."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.canned import (
    PRIVACY_REPLY,
    RESOLVED_REPLY,
    CannedReply,
    load_canned,
    reply_language,
)
from jun_desk.domain.media import MediaView
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.tweet_length import MAX_DM_LENGTH, MAX_WEIGHTED_LENGTH, weighted_length
from jun_desk.resources import resource_path
from jun_desk.services.outbox import OutboxView
from jun_desk.services.tickets import ResolvedWithReply, TicketDetail
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.detail.choices import RouteChoices
from jun_desk.ui.detail.hold import HoldBanner
from jun_desk.ui.detail.texts import dm_recipient, history_text, outbox_text, thread_html
from jun_desk.ui.labels import (
    department_name,
    language,
    status_singular,
)
from jun_desk.ui.layout_fit import FlowLayout, shrinkable_combo
from jun_desk.ui.media.thread_photos import ThreadBrowser, ThreadPhotos
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.readable import PRIORITY_COLOURS, priority_names
from jun_desk.ui.verification import VerifyBanner

TicketSnapshot = TicketDetail  # what the pane shows: one read (TicketService.detail)


class DetailPanel(QWidget):
    loaded = Signal(object)  # TicketSnapshot

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.snapshot: TicketSnapshot | None = None
        self._loads = 0
        self._current: int | None = None
        self._own: TicketView | None = None  # the shown ticket as this desk last changed it
        self.canned: list[CannedReply] = load_canned(resource_path("canned_replies.json"))
        layout = QVBoxLayout(self)
        self._build_header(layout)
        self._build_tabs(layout)
        self._build_composer(layout)
        self._build_buttons(layout)
        ui.ticket_chosen.connect(self.show_ticket)
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere
        self._show(None)
        self.hold = HoldBanner(ui, self, layout)  # under the header: held, and why
        self.loaded.connect(self.hold.loaded)
        # a matter that needs a verified resident, from one who is not (issue 27)
        self.verify_banner = VerifyBanner(ui, self, layout, self.use_canned, self.reload)
        self.loaded.connect(self.verify_banner.loaded)

    def _build_header(self, layout: QVBoxLayout) -> None:
        """The ticket's heading, the route choices and the personal-data warning."""
        self.header = QLabel(self.tr("Elige un ticket en el tablero o crea uno desde el feed"),
                             self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.header)
        # Unclassified: the two most likely departments, one key each (Alt+1, Alt+2).
        self.route_choices = RouteChoices(self.ui.desk.ctx.catalogue, self)
        self.route_choices.chosen.connect(self.route_to)
        layout.addWidget(self.route_choices)
        self.privacy = QLabel(self.tr("⚠ El vecino publicó datos personales: ofrece seguir "
                                      "por DM."), self)
        self.privacy.setStyleSheet("color: #c62828;")
        self.privacy.setWordWrap(True)
        self.privacy_button = QPushButton(self.tr("Usar «pásanos un DM»"), self)
        self.privacy_button.clicked.connect(lambda: self.use_canned(PRIVACY_REPLY))
        privacy_row = QHBoxLayout()
        privacy_row.addWidget(self.privacy, 1)
        privacy_row.addWidget(self.privacy_button)
        layout.addLayout(privacy_row)

    def _build_tabs(self, layout: QVBoxLayout) -> None:
        """Conversation (tweet text never opens links), history and outbox."""
        self.tabs = QTabWidget(self)
        self.thread_view = ThreadBrowser(self)
        self.thread_view.setOpenLinks(False)  # nothing in a tweet can open anything
        self.thread_view.setOpenExternalLinks(False)
        # The photos under each message; a click (or Enter on one) opens the viewer.
        self.photos = ThreadPhotos(self.ui.thumbnails, self._redraw_thread, self)
        self.thread_view.photos = self.photos
        self.thread_view.anchorClicked.connect(self._photo_clicked)
        self._media_ticket: int | None = None  # whose media ``photos`` holds
        self.history = QPlainTextEdit(self)
        self.history.setReadOnly(True)
        self.outbox = QPlainTextEdit(self)
        self.outbox.setReadOnly(True)
        self.tabs.addTab(self.thread_view, self.tr("Conversación"))
        self.tabs.addTab(self.history, self.tr("Historial"))
        self.tabs.addTab(self.outbox, self.tr("Envíos"))
        layout.addWidget(self.tabs, 1)

    def _build_composer(self, layout: QVBoxLayout) -> None:
        """The canned replies, the composer, whom a DM goes to and the last error."""
        self.templates = QComboBox(self)
        self.templates.addItem(self.tr("Respuestas preparadas…"), None)
        for reply in (r for r in self.canned if not r.internal):
            self.templates.addItem(reply.title(language()), reply.id)
        shrinkable_combo(self.templates, 16)
        self.templates.activated.connect(
            lambda i: self.use_canned(self.templates.itemData(i)) if i > 0 else None)
        layout.addWidget(self.templates)
        self.composer = QPlainTextEdit(self)
        self.composer.setPlaceholderText(self.tr("Escribe la respuesta, el DM o una nota…"))
        self.composer.setMaximumHeight(110)
        self.composer.textChanged.connect(self._update_buttons)
        layout.addWidget(self.composer)
        # Whom "Enviar DM" writes to, named before it is pressed (the ticket's citizen).
        self.dm_to = QLabel("", self)
        self.dm_to.setObjectName("detail-dm-to")
        self.dm_to.setTextFormat(Qt.TextFormat.PlainText)
        self.dm_to.setWordWrap(True)
        layout.addWidget(self.dm_to)
        self.error = QLabel("", self)
        self.error.setObjectName("detail-error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c62828;")
        layout.addWidget(self.error)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        """The counter and the buttons, wrapping on a narrow dock."""
        # wraps on a narrow dock instead of widening the window, in even lines
        buttons = FlowLayout(balanced=True)
        self.counter = QLabel("0 / 280", self)
        self.reply_button = QPushButton(self.tr("Responder en público"), self)
        self.dm_button = QPushButton(self.tr("Enviar DM"), self)
        self.note_button = QPushButton(self.tr("Añadir nota"), self)
        self.resolve_button = QPushButton(self.tr("Resolver"), self)
        self.reopen_button = QPushButton(self.tr("Reabrir"), self)
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        for button in (self.note_button, self.dm_button, self.reply_button,
                       self.resolve_button, self.reopen_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.reply_button.clicked.connect(lambda: self.send("reply"))
        self.dm_button.clicked.connect(lambda: self.send("dm"))
        self.note_button.clicked.connect(self.add_note)
        self.resolve_button.clicked.connect(self.resolve)
        self.reopen_button.clicked.connect(self.reopen)

    # ------------------------------------------------------------------ loading
    def show_ticket(self, ticket_id: int) -> None:
        desk, first = self.ui.desk, ticket_id != self._current  # a reload is no opening
        self._current = ticket_id
        self._loads += 1
        load_number = self._loads

        def loaded(snapshot: TicketSnapshot) -> None:
            if load_number == self._loads:  # an older load finishing late is stale
                self._show(snapshot)

        # A read: the access log's line it may write (a health or police ticket opened)
        # is a record of the reading that no view shows, so nothing is announced.
        Query(self.ui, lambda: desk.access_log.opening(self.ui.actor, ticket_id, first,
                                                       desk.tickets.detail),
              failure_text=self.tr("No se pudo abrir el ticket")).success(loaded).run()

    @property
    def current_id(self) -> int | None:
        return self._current

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """The shown ticket is read again (once) if it changed. An operation of this desk
        brings the ticket as it left it: its version counts at once, so an action right
        after (Resolver after Desvincular) is not refused as a conflict with it."""
        now = changes.ticket_now(self._current)
        if now is not None:
            self._own = now
            snap = self.snapshot
            if snap is not None and snap.ticket.id == now.id \
                    and now.version > snap.ticket.version:
                self.snapshot = dataclasses.replace(snap, ticket=now)
                self._update_buttons()
        if changes.everything or self._current in changes.tickets:
            self.reload()
        elif changes.touches(Kind.MEDIA) and self.photos.unsettled():
            self._read_media()  # a download may have finished

    def reload(self) -> None:
        if self._current is not None:
            self.show_ticket(self._current)

    def _show(self, snapshot: TicketSnapshot | None) -> None:
        self.snapshot = snapshot
        has = snapshot is not None
        for widget in (self.templates, self.composer, self.note_button):
            widget.setEnabled(has)
        self.dm_to.setText(dm_recipient(snapshot))
        self.route_choices.show_choices(snapshot.choices if snapshot is not None else ())
        if snapshot is None:
            self.privacy.hide()
            self.privacy_button.hide()
            self._update_buttons()
            return
        t = snapshot.ticket
        dept = self.ui.desk.ctx.catalogue.get(t.department)
        who = f"@{t.citizen_handle}" if t.citizen_handle else self.tr("sin vecino")
        priority = priority_names().get(t.priority.value, t.priority.value)
        assignee = t.assignee_name or self.tr("sin asignar")  # (not inside the f-string:
        # lupdate does not read there, and the English desk said "new · sin asignar")
        self.header.setText(f"#{t.id} · {department_name(dept)} · {status_singular()[t.status]} · "
                            f"{assignee} · {who}\n"
                            + self.tr("Prioridad: %s") % priority + f"\n{t.title}")
        urgent = t.priority.value == "urgent"
        self.header.setStyleSheet("font-weight: 600;" + (
            f" color: white; background: {PRIORITY_COLOURS['urgent'][0]}; padding: 4px;"
            if urgent else ""))
        public = any(i.kind == "mention" and i.personal_data for i in snapshot.items)
        self.privacy.setVisible(public)
        self.privacy_button.setVisible(public)
        if self._media_ticket != t.id:
            self.photos.set_media({})
            self._media_ticket = None
        self.thread_view.setHtml(thread_html(snapshot, self.photos.html))
        if any(i.media_count for i in snapshot.items):
            self._read_media()
        self.history.setPlainText(history_text(snapshot, self.ui.desk.ctx.catalogue))
        self.outbox.setPlainText(outbox_text(snapshot))
        self._update_buttons()
        self.loaded.emit(snapshot)

    # ------------------------------------------------------------------ photos
    def _read_media(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        media, actor, ticket_id = self.ui.desk.media, self.ui.actor, snap.ticket.id

        def read(found: dict[int, list[MediaView]]) -> None:
            if self.snapshot is None or self.snapshot.ticket.id != ticket_id:
                return  # another ticket is shown now
            self._media_ticket = ticket_id
            self.photos.set_media(found)
            self._redraw_thread()

        Query(self.ui, lambda: media.for_ticket(ticket_id, viewer=actor)).success(
            read).quietly().run()

    def _redraw_thread(self) -> None:
        """The conversation again, where it was scrolled to (a photo decoded or read)."""
        if self.snapshot is None:
            return
        bar = self.thread_view.verticalScrollBar()
        at = bar.value()
        self.thread_view.setHtml(thread_html(self.snapshot, self.photos.html))
        bar.setValue(at)

    def _photo_clicked(self, url: QUrl) -> None:
        target = self.photos.target(url)
        if target is not None:
            self.open_photo(*target)

    def open_photo(self, item_id: int, position: int = 0) -> None:
        """The viewer on that message's photos, at ``position``."""
        views = self.photos.views(item_id)
        if not views:
            return
        from jun_desk.ui.media.viewer import MediaViewer

        viewer = MediaViewer(views, position, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        self.viewer = viewer

    # ------------------------------------------------------------------ composing
    def reply_language(self) -> str:
        """The citizen's language (what they wrote), not the operator's: Spanish unless
        their messages read as English."""
        if self.snapshot is None:
            return "es"
        return reply_language([i.text for i in self.snapshot.items
                               if i.kind in ("mention", "dm_in")])

    def canned_text(self, reply_id: str | None) -> str | None:
        reply = next((r for r in self.canned if r.id == reply_id), None)
        if reply is None or self.snapshot is None:
            return None
        t = self.snapshot.ticket
        first_name = (t.citizen_name or "").split(" ")[0] or (
            f"@{t.citizen_handle}" if t.citizen_handle else "")
        lang = self.reply_language()
        dept = self.ui.desk.ctx.catalogue.get(t.department)
        return reply.render(language=lang, values={
            "nombre": first_name, "usuario": f"@{t.citizen_handle}" if t.citizen_handle else "",
            "ticket": str(t.id), "departamento": dept.name(lang)})

    def use_canned(self, reply_id: str | None) -> None:
        text = self.canned_text(reply_id)
        if text is None:
            return
        self.composer.setPlainText(text)
        self.templates.setCurrentIndex(0)

    def _update_buttons(self) -> None:
        text = self.composer.toPlainText().strip()
        length = weighted_length(text)
        over = length > MAX_WEIGHTED_LENGTH
        self.counter.setText(f"{length} / {MAX_WEIGHTED_LENGTH}")
        self.counter.setStyleSheet("color: #c62828; font-weight: 600;" if over else "")
        snap = self.snapshot
        has_mention = bool(snap and any(i.kind == "mention" for i in snap.items))
        has_citizen = bool(snap and snap.ticket.citizen_id)
        self.reply_button.setEnabled(bool(text) and not over and has_mention)
        self.dm_button.setEnabled(bool(text) and has_citizen and len(text) <= MAX_DM_LENGTH)
        self.note_button.setEnabled(bool(text) and snap is not None)
        is_open = bool(snap and snap.ticket.status.is_open)
        self.resolve_button.setEnabled(is_open)
        self.reopen_button.setEnabled(bool(snap) and not is_open)

    def _after_change(self, _result: object = None) -> None:
        """Done: the pane (and every other view) refreshes from what the operation
        changed, which reaches every view once."""
        self.composer.clear()
        self.error.setText("")

    def _failed(self, err: Exception) -> None:
        """Show why; after a conflict the pane shows the ticket as it is now (the text
        typed in the composer stays, so nothing is lost)."""
        self.error.setText(describe(err))
        self.reload()

    def send(self, kind: str) -> None:
        if self.snapshot is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        ticket_id, text = self.snapshot.ticket.id, self.composer.toPlainText()
        account = self.ui.account
        Op(self.ui, lambda: desk.outbox.enqueue(actor, ticket_id, kind, text, account=account),
           failure_text=self.tr("No se pudo enviar")).success(self._queued).failure(
            self._failed).run()

    def _queued(self, item: OutboxView) -> None:
        self.ui.message.emit(self.tr("Mensaje en la bandeja de salida (#%d)") % item.id)
        self.ui.outbox_queued.emit()
        self._after_change()

    def add_note(self) -> None:
        if self.snapshot is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        ticket_id, text = self.snapshot.ticket.id, self.composer.toPlainText()
        Op(self.ui, lambda: desk.tickets.add_note(actor, ticket_id, text),
           failure_text=self.tr("No se pudo guardar la nota")).success(
            self._after_change).failure(self._failed).run()

    def resolve(self) -> None:
        """Ask first, offering the canned "resolved" reply in the citizen's language; the
        ticket is resolved and the reply queued in one transaction (both or neither: a
        refused resolution tells nobody, a reply that cannot go leaves it open)."""
        from jun_desk.ui.resolve_dialog import ResolveDialog

        snap = self.snapshot
        if snap is None or not snap.ticket.status.is_open:
            return
        t = snap.ticket
        dialog = ResolveDialog(t, self.canned_text(RESOLVED_REPLY) or "", self.reply_language(),
                               can_reply=any(i.kind == "mention" for i in snap.items),
                               can_dm=bool(t.citizen_id), parent=self)
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        message = dialog.message()
        dialog.deleteLater()
        if not accepted:
            return
        # An operation of this desk that ended while the dialog was open (Desvincular)
        # changed the version: this desk's own change is no conflict.
        own = self._own
        if own is not None and own.id == t.id and own.version > t.version:
            t = own
        desk, actor, account = self.ui.desk, self.ui.actor, self.ui.account
        failure = self.tr("No se pudo resolver")
        if message is None:
            def resolved(after: TicketView) -> None:
                self._after_change()
                self.ui.acted.emit("resolve", t, after)

            Op(self.ui, lambda: desk.tickets.resolve(actor, t.id, t.version),
               failure_text=failure).success(resolved).failure(self._failed).run()
            return
        kind, text = message

        def told(done: ResolvedWithReply) -> None:
            self._after_change()
            self.ui.outbox_queued.emit()
            self.ui.message.emit(self.tr("Ticket #%d resuelto; aviso al vecino en la "
                                         "bandeja de salida (#%d)") % (t.id, done.queued.id))

        def not_told(err: Exception) -> None:
            self.composer.setPlainText(text)  # nothing done: the words wait in the composer
            self._failed(err)

        Op(self.ui, lambda: desk.tickets.resolve_with_reply(
            actor, t.id, kind, text, account=account, expected_version=t.version),
           failure_text=failure).success(told).failure(not_told).run()

    def route_to(self, department: str) -> None:
        """An unclassified ticket sent to one of triage's two choices (the composer's text
        stays)."""
        if self.snapshot is None:
            return
        before, desk, actor = self.snapshot.ticket, self.ui.desk, self.ui.actor

        def done(after: TicketView) -> None:
            self.error.setText("")  # the composer keeps its words; the views follow the op
            self.ui.acted.emit("department", before, after)

        Op(self.ui, lambda: desk.tickets.reassign_department(actor, before.id, department,
                                                             before.version),
           failure_text=self.tr("No se pudo cambiar de departamento")).success(done).failure(
            self._failed).run()

    def reopen(self) -> None:
        if self.snapshot is None:
            return
        before, desk, actor = self.snapshot.ticket, self.ui.desk, self.ui.actor

        def done(after: TicketView) -> None:
            self._after_change(after)
            self.ui.acted.emit("reopen", before, after)

        Op(self.ui, lambda: desk.tickets.reopen(actor, before.id, before.version),
           failure_text=self.tr("No se pudo reabrir")).success(done).failure(
            self._failed).run()

    # ------------------------------------------------------------------ intents
    def start_reply(self, canned: str | None = None) -> None:
        """The composer ready for this ticket: ``canned`` (a prepared reply's id) in it."""
        self.use_canned(canned)
        self.composer.setFocus()
