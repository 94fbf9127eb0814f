"""Anuncios → the town's own posts: the list by state and the editor.

The editor splits the text as it will go to X (``domain.announcements.split_thread``), shows
each post "as X shows it" (escaped: ``text_render.tweet_html``) with its X-length counter,
the image attached, the publication time in the town's time and what X will bill. Operators
save drafts and submit them; supervisors approve, return with a comment, schedule and
publish directly. A thread X stopped (it refused one post for good) says which post and
why; a supervisor then edits that post and retries from it, or stops the thread there
(published in part). Every call goes through ``Op``/``Query`` to the services, which check the
role again and audit each step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.announcements import (
    EDITABLE,
    POST_BREAK,
    MissedSlot,
    State,
    estimate,
    local_slot,
    thread_of,
    unnumbered,
)
from jun_desk.domain.costs import money
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.roles import Permission
from jun_desk.domain.tweet_length import MAX_WEIGHTED_LENGTH, weighted_length
from jun_desk.services.announcements import AnnouncementView
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.error_texts import announcement_states
from jun_desk.ui.file_dialogs import ask_file
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.text_render import tweet_html

PREVIEW_DELAY_MS = 150  # the split preview follows typing after this pause


class AnnouncementsDialog(QDialog):
    """The announcements: a list on the left (by state), the editor on the right."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.current: AnnouncementView | None = None
        self._reads = 0  # refresh() calls so far: only the newest read is shown
        self.media_path: str | None = None
        self.start_folder: Path | None = None  # where the image dialog opens (home)
        self.setWindowTitle(self.tr("Anuncios del ayuntamiento"))
        self.resize(1180, 700)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._editor_side())
        splitter.setSizes([360, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.text.textChanged.connect(self._preview_timer.start)
        ui.changes_applied.connect(self.on_changes)
        self.new_announcement()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _list_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.state_filter = QComboBox(side)
        self.state_filter.addItem(self.tr("Todos"), None)
        for state, name in announcement_states().items():
            self.state_filter.addItem(name.capitalize(), state)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.listing = QListWidget(side)
        self.listing.setAccessibleName(self.tr("Anuncios"))
        self.listing.setWordWrap(True)
        self.listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.listing.currentItemChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("&Nuevo anuncio"), side)
        self.new_button.clicked.connect(self.new_announcement)
        self.menu_button = QPushButton(self.tr("Desde plantilla (&menú escolar)…"), side)
        self.menu_button.clicked.connect(lambda _checked=False: self.from_menu())
        column.addWidget(self.state_filter)
        column.addWidget(self.listing, 1)
        column.addWidget(self.new_button)
        column.addWidget(self.menu_button)
        return side

    def _editor_side(self) -> QWidget:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(side)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: 600;")
        column.addWidget(self.heading)
        self.comment = QLabel(side)
        self.comment.setTextFormat(Qt.TextFormat.PlainText)
        self.comment.setWordWrap(True)
        self.comment.setStyleSheet("color: #8d6e00;")
        column.addWidget(self.comment)
        column.addWidget(self._stuck_box(side))
        texts = QHBoxLayout()
        self.text = QPlainTextEdit(side)
        self.text.setAccessibleName(self.tr("Texto del anuncio"))
        self.text.setPlaceholderText(self.tr(
            "Escriba el anuncio. Si no cabe en una publicación se dividirá en un hilo "
            "numerado por frases; o escriba cada publicación separada por una línea ---."))
        self.preview = QTextBrowser(side)
        self.preview.setAccessibleName(self.tr("Vista previa como en X"))
        self.preview.setOpenLinks(False)
        texts.addWidget(self.text, 1)
        texts.addWidget(self.preview, 1)
        column.addLayout(texts, 1)
        self.counter = QLabel(side)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.counter)
        form = QFormLayout()
        image_row = QHBoxLayout()
        self.image_label = QLabel(side)
        self.image_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attach_button = QPushButton(self.tr("Adjuntar &imagen…"), side)
        self.attach_button.clicked.connect(self.choose_image)
        self.drop_image_button = QPushButton(self.tr("Quitar imagen"), side)
        self.drop_image_button.clicked.connect(lambda: self.set_image(None))
        image_row.addWidget(self.image_label, 1)
        image_row.addWidget(self.attach_button)
        image_row.addWidget(self.drop_image_button)
        form.addRow(self.tr("Imagen:"), image_row)
        when_row = QHBoxLayout()
        self.scheduled = QCheckBox(self.tr("Publicar el"), side)
        self.when = QDateTimeEdit(side)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("Fecha y hora de publicación (hora de Jun)"))
        self.scheduled.toggled.connect(self.when.setEnabled)
        self.if_missed = QComboBox(side)
        self.if_missed.addItem(self.tr("si la mesa estaba cerrada, publicar con retraso"),
                               MissedSlot.LATE.value)
        self.if_missed.addItem(self.tr("si la mesa estaba cerrada, retener para aprobar"),
                               MissedSlot.HOLD.value)
        when_row.addWidget(self.scheduled)
        when_row.addWidget(self.when)
        when_row.addWidget(self.if_missed, 1)
        form.addRow(self.tr("Hora de Jun:"), when_row)
        self.cost = QLabel(side)
        self.cost.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("X cobrará:"), self.cost)
        column.addLayout(form)
        self.status = QLabel(side)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        self.save_button = self._button(self.tr("&Guardar borrador"), self.save, buttons)
        self.submit_button = self._button(self.tr("&Enviar a aprobar"), self.submit, buttons)
        buttons.addStretch(1)
        self.approve_button = self._button(self.tr("&Aprobar"), self.approve, buttons)
        self.return_button = self._button(self.tr("&Devolver…"), self.return_it, buttons)
        self.publish_button = self._button(self.tr("&Publicar ahora"), self.publish, buttons)
        self.cancel_button = self._button(self.tr("Cancelar anuncio"), self.cancel_it,
                                          buttons)
        column.addLayout(buttons)
        return side

    def _stuck_box(self, side: QWidget) -> QWidget:
        """Where a thread X stopped says so: the refused post (to edit) and, for a
        supervisor, retry from it or stop the thread there. Hidden otherwise."""
        self.stuck_label = QLabel(side)
        self.stuck_label.setTextFormat(Qt.TextFormat.PlainText)  # X's words: untrusted
        self.stuck_label.setWordWrap(True)
        self.stuck_label.setStyleSheet("color: #c62828; font-weight: 600;")
        self.stuck_box = QWidget(side)
        box = QVBoxLayout(self.stuck_box)
        box.setContentsMargins(0, 0, 0, 0)
        self._stuck_post: tuple[int, int] | None = None  # (announcement, post) shown
        self.stuck_text = QPlainTextEdit(self.stuck_box)
        self.stuck_text.setAccessibleName(self.tr("Publicación rechazada (editable)"))
        self.stuck_text.setMaximumHeight(80)
        row = QHBoxLayout()
        self.retry_button = self._button(self.tr("&Reintentar desde esta publicación"),
                                         self.retry, row)
        self.stop_button = self._button(self.tr("De&tener el hilo aquí"), self.stop, row)
        row.addStretch(1)
        box.addWidget(self.stuck_text)
        box.addLayout(row)
        holder = QWidget(side)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stuck_label)
        column.addWidget(self.stuck_box)
        return holder

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # ------------------------------------------------------------------ the list
    def refresh(self) -> None:
        desk = self.ui.desk
        state = self.state_filter.currentData()
        states = [State(state)] if state else None
        # Reads run on the pool and may end out of order: only the newest one is shown, so
        # a read made while the sender was still writing never replaces a later one.
        self._reads += 1
        read = self._reads
        Query(self.ui, lambda: desk.announcements.find(states=states),
              failure_text=self.tr("No se pudieron leer los anuncios")).success(
            lambda views: self._listed(views) if read == self._reads else None).run()

    def _listed(self, views: list[AnnouncementView]) -> None:
        chosen = self.current.id if self.current else None
        names = announcement_states()
        self.listing.blockSignals(True)
        self.listing.clear()
        for view in views:
            when = (f" · {self._local(view.scheduled_at)}" if view.scheduled_at else "")
            item = QListWidgetItem(f"#{view.id} · {names[view.state.value]}{when}\n"
                                   f"{view.title}")
            item.setData(Qt.ItemDataRole.UserRole, view)
            self.listing.addItem(item)
            if view.id == chosen:
                self.listing.setCurrentItem(item)
                if view != self.current:  # changed elsewhere (the sender, another desk)
                    self.show_announcement(view, keep_status=True)
        self.listing.blockSignals(False)

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.show_announcement(item.data(Qt.ItemDataRole.UserRole))

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes.touches(Kind.ANNOUNCEMENT):
            self.refresh()

    # ------------------------------------------------------------------ the editor
    def new_announcement(self) -> None:
        self.current = None
        self.listing.clearSelection()
        self.text.setPlainText("")
        self.set_image(None)
        self.scheduled.setChecked(False)
        self.when.setEnabled(False)
        self.when.setDateTime(self._town_time(self.ui.desk.ctx.clock() + timedelta(hours=1)))
        self.if_missed.setCurrentIndex(0)
        self.comment.setText("")
        self.status.setText("")
        self._apply_state()
        self.update_preview()

    def show_announcement(self, view: AnnouncementView, *, keep_status: bool = False) -> None:
        self.current = view
        self.text.blockSignals(True)
        self.text.setPlainText(unnumbered(view.texts))
        self.text.blockSignals(False)
        self.set_image(view.media_path)
        self.scheduled.setChecked(view.scheduled_at is not None)
        self.when.setEnabled(view.scheduled_at is not None)
        if view.scheduled_at is not None:
            self.when.setDateTime(self._town_time(view.scheduled_at))
        self.if_missed.setCurrentIndex(max(0, self.if_missed.findData(view.if_missed.value)))
        self.comment.setText(self.tr("Comentario: %s") % view.comment if view.comment else "")
        if not keep_status:
            self.status.setText("")
        self._apply_state()
        self.update_preview()

    def _apply_state(self) -> None:
        view, actor = self.current, self.ui.actor
        state = view.state if view else State.DRAFT
        supervisor = actor.may(Permission.PUBLISH_ANNOUNCEMENT)
        editable = state in EDITABLE
        names = announcement_states()
        self.heading.setText(self.tr("Anuncio #%d · %s") % (view.id, names[state.value])
                             if view else self.tr("Nuevo anuncio"))
        for widget in (self.text, self.attach_button, self.drop_image_button,
                       self.scheduled, self.if_missed, self.save_button):
            widget.setEnabled(editable)
        self.when.setEnabled(editable and self.scheduled.isChecked())
        self.submit_button.setEnabled(state in (State.DRAFT, State.RETURNED))
        self.approve_button.setVisible(supervisor)
        self.return_button.setVisible(supervisor)
        self.publish_button.setVisible(supervisor)
        self.approve_button.setEnabled(view is not None and state is State.PENDING)
        self.return_button.setEnabled(view is not None and state in (State.PENDING,
                                                                     State.APPROVED))
        self.publish_button.setEnabled(editable)
        self.cancel_button.setEnabled(view is not None and editable)
        self._apply_stuck(view, supervisor)

    def _apply_stuck(self, view: AnnouncementView | None, supervisor: bool) -> None:
        """"detenido: X rechazó la publicación 2/4: …" and, for a supervisor, the refused
        post to edit with retry/stop; "publicado en parte" lists what is on X."""
        refused = view.refused if view else None
        if view is not None and refused is not None:
            self.stuck_label.setText(
                self.tr("Detenido: X rechazó la publicación %d/%d: %s")
                % (refused.position, len(view.posts), refused.error or ""))
            if self._stuck_post != (view.id, refused.position):  # keep what is being edited
                self.stuck_text.setPlainText(refused.text)
                self._stuck_post = (view.id, refused.position)
        elif view is not None and view.state is State.PARTIAL:
            on_x = [p for p in view.posts if p.x_id]
            self.stuck_label.setText(
                self.tr("Publicado en parte: en X %d de %d publicaciones (%s); el resto, "
                        "cancelado.")
                % (len(on_x), len(view.posts),
                   ", ".join(f"{p.position}/{len(view.posts)}" for p in on_x)))
        self.stuck_label.setVisible(refused is not None or (
            view is not None and view.state is State.PARTIAL))
        self.stuck_box.setVisible(refused is not None and supervisor)
        self.comment.setVisible(refused is None)  # it said the same, in the sender's words

    def from_menu(self) -> None:
        """A new announcement from the school lunch menu's CSV: its thread (heading, days,
        allergen legend) as the template made it, each post as written."""
        from jun_desk.ui.menu_csv_dialog import MenuCsvDialog

        dialog = MenuCsvDialog(self.ui, self, start_folder=self.start_folder)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            posts = dialog.posts() if accepted else []
        finally:
            dialog.deleteLater()
        if posts:
            self.use_posts(posts)

    def use_posts(self, posts: list[str]) -> None:
        """A new announcement holding ``posts`` as they are (a ``---`` line between them)."""
        self.new_announcement()
        self.text.setPlainText(f"\n{POST_BREAK}\n".join(posts))
        self.update_preview()

    def update_preview(self) -> None:
        """The posts as X will show them, each with its X length; the cost."""
        text = self.text.toPlainText()
        if not text.strip():
            self.preview.setHtml("")
            self.counter.setText(self.tr("Sin texto"))
            self.cost.setText("—")
            return
        try:
            posts = thread_of(text)
        except JunDeskError as err:
            self.preview.setHtml("")
            self.counter.setText(describe(err))
            self.cost.setText("—")
            return
        cards = []
        for index, post in enumerate(posts, 1):
            length = weighted_length(post)
            head = self.tr("Publicación %d de %d · %d/%d") % (index, len(posts), length,
                                                             MAX_WEIGHTED_LENGTH)
            image = (self.tr(" · con imagen") if index == 1 and self.media_path else "")
            cards.append(
                f'<p style="color:#555;margin:6px 0 2px 0">{_plain(head + image)}</p>'
                f'<div style="border:1px solid #ccc;padding:6px;margin-bottom:6px">'
                f"{tweet_html(post)}</div>")
        self.preview.setHtml("".join(cards))
        longest = max(weighted_length(p) for p in posts)
        self.counter.setText(self.tr("%d publicación(es) · la más larga: %d de %d "
                                     "caracteres según cuenta X")
                             % (len(posts), longest, MAX_WEIGHTED_LENGTH))
        cost = estimate(posts, self.ui.desk.ctx.price_table)
        self.cost.setText(self.tr("%s (%d publicación(es), %d con enlace)")
                          % (money(cost.micro, labels.language()), cost.posts,
                             cost.with_link))

    def set_image(self, path: str | None) -> None:
        self.media_path = path
        self.image_label.setText(Path(path).name if path else self.tr("ninguna"))
        self.drop_image_button.setEnabled(path is not None)
        self._preview_timer_start()

    def _preview_timer_start(self) -> None:
        if hasattr(self, "_preview_timer"):
            self._preview_timer.start()

    def choose_image(self) -> None:
        """An image from disk (the desk's file dialog)."""
        chosen = ask_file(self, self.tr("Imagen del anuncio"), self.start_folder or Path.home(),
                          self.tr("Imágenes (*.jpg *.jpeg *.png *.webp)"), self.tr("Adjuntar"))
        if chosen is not None:
            self.set_image(chosen)

    # ------------------------------------------------------------------ steps
    def slot(self) -> datetime | None:
        """The publication time typed, as a UTC instant (typed in the town's time)."""
        if not self.scheduled.isChecked():
            return None
        typed = self.when.dateTime()
        day, at = typed.date().toPython(), typed.time().toPython()
        return local_slot(day, at, self.ui.desk.ctx.zone)  # type: ignore[arg-type]  # QDate/QTime give date/time

    def _run(self, work: Callable[[], AnnouncementView], done_text: str,
             confirmed: Callable[[], AnnouncementView] | None = None,
             saved: list[AnnouncementView] | None = None) -> None:
        """``work`` on a worker; ``confirmed``: the same with the supervisor's confirmation
        that it may take the month above the X budget, asked when the budget refuses;
        ``saved``: where the work keeps the draft it saved before a step that failed (the
        editor then edits that draft, not a new one)."""
        self.status.setText("")

        def done(view: AnnouncementView) -> None:
            self.current = view
            self.show_announcement(view)
            self.status.setStyleSheet("color: #2e7d32;")
            self.status.setText(done_text)

        def failed(err: Exception) -> None:
            if saved:
                self.current = saved[-1]
                self._apply_state()
            if (confirmed is not None and isinstance(err, JunDeskError)
                    and err.code == "announcement.over_budget"
                    and self.confirm_over_budget(err)):
                self._run(confirmed, done_text, saved=saved)
                return
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(describe(err))

        Op(self.ui, work).success(done).failure(failed).quietly().run(initiator=self)

    def _saving(self) -> Callable[..., AnnouncementView] | None:
        """The save of what the editor holds (new draft or edit), or None if it cannot be
        read (said in the status line)."""
        desk, actor, account = self.ui.desk, self.ui.actor, self.ui.account
        try:
            posts = thread_of(self.text.toPlainText())
            slot = self.slot()
        except JunDeskError as err:
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(describe(err))
            return None
        missed = MissedSlot(self.if_missed.currentData())
        media, current = self.media_path, self.current
        if current is None:
            return lambda submit=False: desk.announcements.draft(
                actor, account=account, posts=posts, scheduled_at=slot, if_missed=missed,
                media_path=media, submit=submit)
        return lambda submit=False: desk.announcements.edit(
            actor, current.id, posts=posts, scheduled_at=slot, clear_schedule=slot is None,
            if_missed=missed, media_path=media if media != current.media_path else None,
            clear_media=media is None, submit=submit)

    def save(self) -> None:
        saving = self._saving()
        if saving is not None:
            self._run(saving, self.tr("Borrador guardado."))

    def submit(self) -> None:
        saving = self._saving()
        if saving is None:
            return
        self._run(lambda: saving(True), self.tr("Enviado a aprobar."))

    def confirm_over_budget(self, err: JunDeskError) -> bool:
        """Ask the supervisor whether to publish above the month's X budget."""
        Button = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Presupuesto de X"),
                          describe(err), Button.Yes | Button.No, self)
        box.setInformativeText(self.tr("¿Publicarlo de todos modos?"))
        box.button(Button.Yes).setText(self.tr("Publicar igualmente"))
        box.button(Button.No).setText(self.tr("No publicar"))
        box.setDefaultButton(Button.No)
        try:
            return bool(box.exec() == Button.Yes)
        finally:
            box.deleteLater()

    def approve(self) -> None:
        if self.current is None:
            return
        desk, actor, number = self.ui.desk, self.ui.actor, self.current.id
        self._run(lambda: desk.announcements.approve(actor, number),
                  self.tr("Aprobado."),
                  lambda: desk.announcements.approve(actor, number, confirm_over_budget=True))

    def return_it(self) -> None:
        if self.current is None:
            return
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Devolver el anuncio"), self.tr("¿Qué debe cambiar?"))
        if not ok:
            return
        desk, actor, number = self.ui.desk, self.ui.actor, self.current.id
        self._run(lambda: desk.announcements.return_to_author(actor, number, comment),
                  self.tr("Devuelto con el comentario."))

    def publish(self) -> None:
        """A supervisor: saved as typed, then into the outbox — at its time if one is set,
        else now."""
        saving = self._saving()
        if saving is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        slot = self.slot()

        saved: list[AnnouncementView] = []

        def work(confirm: bool = False) -> AnnouncementView:
            if not saved:
                saved.append(saving())
            return desk.announcements.publish(actor, saved[0].id, at=slot,
                                              confirm_over_budget=confirm)

        self._run(work, self.tr("En la bandeja de salida: se publicará a su hora.")
                  if slot else self.tr("En la bandeja de salida: se publica ahora."),
                  lambda: work(confirm=True), saved)

    def cancel_it(self) -> None:
        if self.current is None:
            return
        desk, actor, number = self.ui.desk, self.ui.actor, self.current.id
        self._run(lambda: desk.announcements.cancel(actor, number), self.tr("Cancelado."))

    def retry(self) -> None:
        """A supervisor: the refused post (as edited here) goes again, replying to the last
        post on X; the rest follows it."""
        if self.current is None or self.current.refused is None:
            return
        desk, actor, number = self.ui.desk, self.ui.actor, self.current.id
        text = self.stuck_text.toPlainText()
        edited = None if text == self.current.refused.text else text
        self._run(lambda: desk.announcements.retry(actor, number, text=edited),
                  self.tr("En la bandeja de salida: se reintenta desde la publicación "
                          "rechazada."))

    def stop(self) -> None:
        if self.current is None:
            return
        desk, actor, number = self.ui.desk, self.ui.actor, self.current.id
        self._run(lambda: desk.announcements.stop(actor, number),
                  self.tr("Hilo detenido; el resto, cancelado."))

    def _town_time(self, moment: datetime) -> QDateTime:
        """``moment`` as the picker shows it: the town's wall clock (not this computer's
        zone), the picker's value read back the same way (``slot``)."""
        local = moment.astimezone(self.ui.desk.ctx.zone)
        return QDateTime(QDate(local.year, local.month, local.day),
                         QTime(local.hour, local.minute))

    def _local(self, moment: datetime) -> str:
        return f"{moment.astimezone(self.ui.desk.ctx.zone):%d/%m/%Y %H:%M}"

    def done(self, result: int) -> None:
        self._preview_timer.stop()
        super().done(result)


def _plain(text: str) -> str:
    import html

    return html.escape(text, quote=True)
