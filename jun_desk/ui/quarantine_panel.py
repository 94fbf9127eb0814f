""""No se pudo leer": items X sent that the desk could not read whole.

Each row says which stream, X's id, why, when it was first and last seen and how many
times; the raw JSON as X sent it is shown as plain text (it is untrusted). Operators ask
for a retry (the next poll reads the item again from X) or dismiss it; both are audited by
the services.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.quarantine import QuarantineView
from jun_desk.domain.streams import NO_NAMES, StreamNames
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext
from jun_desk.ui.operations import Op, Query


def reason_text(reason: str) -> str:
    """The reason as the services keep it (English, as in the log), in the operator's
    language: the known parts are translated, X's own words are left as they are."""
    if labels.language() == "en":
        return reason
    parts = [
        ("author_id and text missing", QCoreApplication.translate(
            "QuarantinePanel", "faltan el autor (author_id) y el texto")),
        ("author_id missing", QCoreApplication.translate(
            "QuarantinePanel", "falta el autor (author_id)")),
        ("text missing", QCoreApplication.translate("QuarantinePanel", "falta el texto")),
        ("sender_id missing", QCoreApplication.translate(
            "QuarantinePanel", "falta el remitente (sender_id)")),
        ("dm_conversation_id missing", QCoreApplication.translate(
            "QuarantinePanel", "falta la conversación (dm_conversation_id)")),
        ("author_id is not a user id", QCoreApplication.translate(
            "QuarantinePanel", "el autor no es un id de usuario")),
        ("no valid id", QCoreApplication.translate("QuarantinePanel", "sin id válido")),
        ("not a JSON object", QCoreApplication.translate(
            "QuarantinePanel", "no es un objeto JSON")),
        ("read again by id: same", QCoreApplication.translate(
            "QuarantinePanel", "pedido de nuevo por id: igual")),
        ("read again by id:", QCoreApplication.translate(
            "QuarantinePanel", "pedido de nuevo por id:")),
        ("reading it again from X failed:", QCoreApplication.translate(
            "QuarantinePanel", "volver a pedirlo a X falló:")),
        ("X did not serve it again", QCoreApplication.translate(
            "QuarantinePanel", "X no lo ha vuelto a servir")),
        ("retried:", QCoreApplication.translate("QuarantinePanel", "reintentado:")),
    ]
    for english, local in parts:
        reason = reason.replace(english, local)
    return reason


class QuarantinePanel(QWidget):
    count_changed = Signal(int)  # items still waiting (open or to be retried)
    retry_requested = Signal()  # a retry was asked for: poll soon

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.entries: list[QuarantineView] = []
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Canal"), self.tr("Id de X"), self.tr("Motivo"), self.tr("Visto por 1.ª vez"),
            self.tr("Última vez"), self.tr("Intentos")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.raw = QPlainTextEdit(self)  # plain text: what X sent is never rendered
        self.raw.setReadOnly(True)
        self.raw.setPlaceholderText(self.tr("El JSON tal como lo envió X"))
        self.retry_button = QPushButton(self.tr("Reintentar"), self)
        self.retry_button.setToolTip(self.tr("La próxima sincronización vuelve a pedirlo a X"))
        self.dismiss_button = QPushButton(self.tr("Descartar"), self)
        self.dismiss_button.setToolTip(self.tr("Quitarlo de la lista (queda en el historial)"))
        self.reload_button = QPushButton(self.tr("Actualizar"), self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.raw)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._selected()
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere

    # ------------------------------------------------------------------ loading
    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes.touches(Kind.QUARANTINE):
            self.reload()

    def reload(self) -> None:
        desk = self.ui.desk
        Query(self.ui, lambda: (desk.quarantine.list(), desk.streams.names()),
              failure_text=self.tr("No se pudo leer la lista")).success(
            lambda found: self.show_entries(*found)).run()

    def show_entries(self, entries: list[QuarantineView],
                     names: StreamNames = NO_NAMES) -> None:
        chosen = set(self.selected_ids())
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        streams = {"mentions": self.tr("Menciones"), "dms": self.tr("Mensajes directos")}
        for row, entry in enumerate(self.entries):
            status = self.tr(" (se reintentará)") if entry.status.value == "retry" else ""
            stream = streams.get(entry.stream, labels.stream_label(entry.stream, names))
            cells = [stream, entry.x_id or "—",
                     reason_text(entry.reason) + status,
                     entry.first_seen.astimezone().strftime("%d/%m %H:%M"),
                     entry.last_seen.astimezone().strftime("%d/%m %H:%M"),
                     str(entry.attempts)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, cell)
            if entry.id in chosen:
                self.table.selectRow(row)
        self.summary.setText(
            self.tr("%d elementos que X envió incompletos o ilegibles. Nada se descarta sin "
                    "que un operador lo decida.") % len(self.entries)
            if self.entries else self.tr("Todo lo que X envió se ha podido leer."))
        self._selected()
        self.count_changed.emit(len(self.entries))

    # ------------------------------------------------------------------ actions
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.entries[r].id for r in rows if r < len(self.entries)]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def retry_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        desk, actor = self.ui.desk, self.ui.actor
        Op(self.ui, lambda: desk.quarantine.retry(actor, ids),
           failure_text=self.tr("No se pudo pedir el reintento")).success(self._retried).run()

    def dismiss_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        desk, actor = self.ui.desk, self.ui.actor
        Op(self.ui, lambda: desk.quarantine.dismiss(actor, ids),
           failure_text=self.tr("No se pudo descartar")).success(self._dismissed).run()

    def _retried(self, count: int) -> None:
        self.ui.message.emit(self.tr("%d elementos se volverán a pedir a X") % count)
        self.reload()
        self.retry_requested.emit()

    def _dismissed(self, count: int) -> None:
        self.ui.message.emit(self.tr("%d elementos descartados") % count)
        self.reload()

    def _selected(self) -> None:
        ids = self.selected_ids()
        self.retry_button.setEnabled(bool(ids))
        self.dismiss_button.setEnabled(bool(ids))
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) == 1 and rows[0] < len(self.entries):
            self.raw.setPlainText(json.dumps(self.entries[rows[0]].raw, indent=2,
                                             ensure_ascii=False, default=str))
        else:
            self.raw.clear()
