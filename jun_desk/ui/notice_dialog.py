"""Ticket → Aviso de corte u obra…: a water or power cut, or works, in a street, from a time
to a time (the town's local time), of a department. Once created, the desk offers the open
tickets it may cover (same department, around its time, naming its street however it is
written); the operator ticks the ones it does cover and links them, and "Responder a
todos" answers each linked open ticket once ("Ya lo sabemos: …") through the outbox,
after saying how many will be answered."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.notices import (
    NoticeKind,
    answer_text,
    checked_fields,
    local_to_utc,
    notice_text,
)
from jun_desk.domain.tickets import TicketView
from jun_desk.services.notices import AnswerResult, Candidate, NoticeDetail, NoticeView
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.operations import Op, Query

DATE_FORMAT = "dd/MM/yyyy HH:mm"
# The department a kind of notice usually belongs to.
KIND_DEPARTMENT = {NoticeKind.WATER_CUT: "suministros", NoticeKind.POWER_CUT: "suministros",
                   NoticeKind.WORKS: "obras"}


def _qt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))


def _python(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class NoticeDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None, *,
                 ticket: TicketView | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.notice: NoticeDetail | None = None
        self.candidates: list[Candidate] = []
        self.setWindowTitle(self.tr("Aviso de corte u obra"))
        layout = QVBoxLayout(self)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Aviso:"), self))
        self.existing = QComboBox(self)
        self.existing.setAccessibleName(self.tr("Aviso"))
        self.existing.addItem(self.tr("Nuevo aviso"), None)
        self.existing.activated.connect(self._existing_chosen)
        chooser.addWidget(self.existing, 1)
        layout.addLayout(chooser)

        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind, name in ((NoticeKind.WATER_CUT, self.tr("Corte de agua")),
                           (NoticeKind.POWER_CUT, self.tr("Corte de luz")),
                           (NoticeKind.WORKS, self.tr("Obras"))):
            self.kind.addItem(name, kind.value)
        self.street = QLineEdit(self)
        self.street.setPlaceholderText(self.tr("p. ej. C/ Mayor"))
        self.street.setMaxLength(120)
        now = ui.desk.ctx.clock().astimezone(ui.desk.ctx.zone)
        start = now.replace(minute=0, second=0, microsecond=0, tzinfo=None) + timedelta(hours=1)
        self.starts = QDateTimeEdit(_qt(start), self)
        self.ends = QDateTimeEdit(_qt(start + timedelta(hours=4)), self)
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        self.department = QComboBox(self)
        catalogue = ui.desk.ctx.catalogue
        for dept in catalogue.routable:
            self.department.addItem(labels.department_name(dept), dept.code)
        wanted = ticket.department if ticket is not None else "suministros"
        self.department.setCurrentIndex(max(0, self.department.findData(wanted)))
        if ticket is not None and ticket.department == "obras":
            self.kind.setCurrentIndex(self.kind.findData(NoticeKind.WORKS.value))
        form.addRow(self.tr("Tipo:"), self.kind)
        form.addRow(self.tr("Calle:"), self.street)
        form.addRow(self.tr("Desde (hora de Jun):"), self.starts)
        form.addRow(self.tr("Hasta (hora de Jun):"), self.ends)
        form.addRow(self.tr("Departamento:"), self.department)
        layout.addLayout(form)

        self.preview = QLabel("", self)
        self.preview.setObjectName("notice-preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.problem = QLabel("", self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        layout.addWidget(self.problem)
        self.create_button = QPushButton(self.tr("Crear el aviso y buscar tickets"), self)
        self.create_button.clicked.connect(self.create_notice)
        layout.addWidget(self.create_button)

        self.candidates_label = QLabel(self.tr(
            "Tickets abiertos que puede cubrir (mismo departamento, en torno a sus horas, "
            "que nombran la calle): marque los que cubre"), self)
        self.candidates_label.setWordWrap(True)
        layout.addWidget(self.candidates_label)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Tickets que puede cubrir"))
        layout.addWidget(self.list, 1)
        actions = QHBoxLayout()
        self.link_button = QPushButton(self.tr("Vincular los marcados"), self)
        self.link_button.clicked.connect(self.link)
        actions.addWidget(self.link_button)
        self.answer_button = QPushButton(self.tr("Responder a todos"), self)
        self.answer_button.clicked.connect(self.answer_all)
        actions.addWidget(self.answer_button)
        layout.addLayout(actions)
        self.counts = QLabel("", self)
        self.counts.setObjectName("notice-counts")
        layout.addWidget(self.counts)
        self.status = QLabel("", self)
        self.status.setObjectName("notice-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for signal in (self.kind.currentIndexChanged, self.street.textChanged,
                       self.starts.dateTimeChanged, self.ends.dateTimeChanged,
                       self.department.currentIndexChanged):
            signal.connect(lambda *_: self._update_preview())
        self._update_preview()
        self._update_buttons()
        self.resize(640, 640)
        Query(ui, lambda: ui.desk.notices.recent(30)).success(self._recent).quietly().run()

    # ------------------------------------------------------------------ the fields
    def _fields_given(self) -> dict[str, object]:
        return {"kind": str(self.kind.currentData()), "street": self.street.text(),
                "department": str(self.department.currentData()),
                "starts_local": _python(self.starts.dateTime()),
                "ends_local": _python(self.ends.dateTime())}

    def _update_preview(self) -> None:
        if self.notice is not None:
            return
        given = self._fields_given()
        if not str(given["street"]).strip():
            self.preview.setText(self.tr("Escriba la calle para ver el texto del aviso."))
            self.problem.setText("")
            self.create_button.setEnabled(False)
            return
        zone = self.ui.desk.ctx.zone
        try:
            fields = checked_fields(
                str(given["kind"]), str(given["street"]),
                local_to_utc(_python(self.starts.dateTime()), zone),
                local_to_utc(_python(self.ends.dateTime()), zone), str(given["department"]))
            dept = self.ui.desk.ctx.catalogue.get(fields.department)
            language = labels.language()
            text = notice_text(fields, zone, labels.department_name(dept), language)
            answer = answer_text(fields, zone, language)
        except JunDeskError as err:
            self.preview.setText("")
            self.problem.setText(describe(err))
            self.create_button.setEnabled(False)
            return
        self.problem.setText("")
        self.preview.setText(self.tr("%s\n\nRespuesta a los tickets: %s") % (text, answer))
        self.create_button.setEnabled(True)

    def _show_notice(self, detail: NoticeDetail) -> None:
        self.notice = detail
        notice = detail.notice
        for widget in (self.kind, self.street, self.starts, self.ends, self.department):
            widget.setEnabled(False)
        self.kind.setCurrentIndex(self.kind.findData(notice.kind.value))
        self.street.setText(notice.street)
        zone = self.ui.desk.ctx.zone
        self.starts.setDateTime(_qt(notice.starts_at.astimezone(zone)))
        self.ends.setDateTime(_qt(notice.ends_at.astimezone(zone)))
        self.department.setCurrentIndex(max(0, self.department.findData(notice.department)))
        english = labels.language() == "en"
        self.preview.setText(self.tr("#%d · %s\n\nRespuesta a los tickets: %s") % (
            notice.id, notice.text_en if english else notice.text_es,
            notice.answer_en if english else notice.answer_es))
        index = self.existing.findData(notice.id)
        if index < 0:  # just created: listed first after "Nuevo aviso"
            self.existing.insertItem(1, self._label(notice), notice.id)
            index = 1
        self.existing.setCurrentIndex(index)
        self.create_button.setEnabled(False)
        self._say_counts()
        self._update_buttons()

    def _say_counts(self) -> None:
        if self.notice is None:
            return
        linked = len(self.notice.linked)
        waiting = self.notice.to_answer
        self.counts.setText(self.tr("Vinculados: %d · por responder: %d") % (linked, waiting))
        self.answer_button.setText(self.tr("Responder a todos (%d)…") % waiting)

    def _update_buttons(self) -> None:
        has_notice = self.notice is not None
        self.link_button.setEnabled(has_notice and self.list.count() > 0)
        self.answer_button.setEnabled(has_notice and self.notice is not None
                                      and self.notice.to_answer > 0)

    # ------------------------------------------------------------------ existing notices
    def _recent(self, notices: list[NoticeView]) -> None:
        for notice in notices:
            if self.existing.findData(notice.id) < 0:
                self.existing.addItem(self._label(notice), notice.id)

    def _label(self, notice: NoticeView) -> str:
        kind = self.kind.itemText(self.kind.findData(notice.kind.value))
        when = notice.starts_at.astimezone(self.ui.desk.ctx.zone)
        return f"#{notice.id} · {kind} · {notice.street} · {when:%d/%m/%Y %H:%M}"

    def _existing_chosen(self, index: int) -> None:
        notice_id = self.existing.itemData(index)
        if notice_id is None:
            return
        desk = self.ui.desk
        Query(self.ui, lambda: desk.notices.get(int(notice_id))).success(
            self._loaded).failure(self._failed).quietly().run()

    def _loaded(self, detail: NoticeDetail) -> None:
        self._show_notice(detail)
        self.find_candidates()

    # ------------------------------------------------------------------ actions
    def create_notice(self) -> None:
        desk, actor, given = self.ui.desk, self.ui.actor, self._fields_given()
        self.create_button.setEnabled(False)

        def failed(err: Exception) -> None:
            self.create_button.setEnabled(True)
            self.problem.setText(describe(err))

        Op(self.ui, lambda: desk.notices.create(
            actor, kind=str(given["kind"]), street=str(given["street"]),
            department=str(given["department"]),
            starts_local=_python(self.starts.dateTime()),
            ends_local=_python(self.ends.dateTime()))).success(
            self._loaded).failure(failed).quietly().run(initiator=self)

    def find_candidates(self) -> None:
        if self.notice is None:
            return
        desk, notice_id = self.ui.desk, self.notice.notice.id
        Query(self.ui, lambda: desk.notices.candidates(notice_id)).success(
            self._show_candidates).failure(self._failed).quietly().run()

    def _show_candidates(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.list.clear()
        linked = {t.ticket_id for t in self.notice.linked} if self.notice else set()
        answered = {t.ticket_id for t in self.notice.linked
                    if t.answered_at is not None} if self.notice else set()
        shown = {c.ticket_id for c in candidates}
        for candidate in candidates:
            text = f"#{candidate.ticket_id} · {candidate.title}"
            if candidate.excerpt != candidate.title:
                text += f" — «{candidate.excerpt}»"
            if candidate.ticket_id in answered:
                text += " · " + self.tr("respondido")
            item = QListWidgetItem(text, self.list)
            item.setToolTip(candidate.excerpt)
            item.setData(Qt.ItemDataRole.UserRole, candidate.ticket_id)
            if candidate.ticket_id in answered:  # answered: its link is history
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if candidate.linked
                               else Qt.CheckState.Unchecked)
        if self.notice is not None:  # linked before, now closed or moved: still listed
            for ticket in self.notice.linked:
                if ticket.ticket_id not in shown:
                    item = QListWidgetItem(f"#{ticket.ticket_id} · {ticket.title}", self.list)
                    item.setData(Qt.ItemDataRole.UserRole, ticket.ticket_id)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setCheckState(Qt.CheckState.Checked)
        if not candidates and not linked:
            self.counts.setText(self.tr("Ningún ticket abierto nombra esa calle por ahora"))
        else:
            self._say_counts()
        self._update_buttons()

    def checked_ids(self) -> list[int]:
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked and \
                    item.flags() & Qt.ItemFlag.ItemIsEnabled:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def link(self) -> None:
        if self.notice is None:
            return
        desk, actor, notice_id = self.ui.desk, self.ui.actor, self.notice.notice.id
        linked = {t.ticket_id for t in self.notice.linked}
        checked = set(self.checked_ids())
        unticked = sorted(t for t in linked if t not in checked and any(
            c.ticket_id == t for c in self.candidates))

        self.link_button.setEnabled(False)
        Op(self.ui, lambda: desk.notices.link(actor, notice_id, sorted(checked - linked),
                                              unlink=unticked)).success(
            self._linked).failure(self._failed).quietly().run(initiator=self)

    def _linked(self, detail: NoticeDetail) -> None:
        self.notice = detail
        self._say_counts()
        self._update_buttons()
        self.find_candidates()

    def answer_box(self, count: int) -> QMessageBox:
        """Asks before answering: how many tickets, with which words."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Responder a todos"))
        box.setText(self.tr("Se responderá una vez a %d tickets vinculados, a cada vecino "
                            "en su idioma, por la bandeja de salida.") % count)
        if self.notice is not None:
            english = labels.language() == "en"
            box.setInformativeText(self.notice.notice.answer_en if english
                                   else self.notice.notice.answer_es)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_button = box.addButton(self.tr("Responder a %d") % count,
                                            QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.confirm_button)
        return box

    def answer_all(self) -> None:
        if self.notice is None or self.notice.to_answer == 0:
            return
        box = self.answer_box(self.notice.to_answer)
        try:
            box.exec()
            confirmed = box.clickedButton() is self.confirm_button
        finally:
            box.deleteLater()
        if confirmed:
            self.answer_confirmed()

    def answer_confirmed(self) -> None:
        if self.notice is None:
            return
        desk, actor, notice_id = self.ui.desk, self.ui.actor, self.notice.notice.id
        account = self.ui.account
        self.answer_button.setEnabled(False)

        Op(self.ui, lambda: desk.notices.answer_all(actor, notice_id, account=account)
           ).success(self._answered).failure(self._failed).quietly().run(initiator=self)

    def _answered(self, result: AnswerResult) -> None:
        self.notice = result.notice
        self._say_counts()
        text = self.tr("Respondidos: %d") % len(result.answered)
        if result.skipped:
            text += " · " + self.tr("sin responder ahora: %d (ya respondidos, cerrados o "
                                    "sin mención ni vecino)") % len(result.skipped)
        self.status.setText(text)
        if result.answered:
            self.ui.outbox_queued.emit()
        self._update_buttons()
        self.find_candidates()  # the answered ones marked

    def _failed(self, err: Exception) -> None:
        self.problem.setText(describe(err))
        self._update_buttons()
