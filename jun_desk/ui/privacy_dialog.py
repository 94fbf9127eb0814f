"""A citizen's data (supervisors): the rights of access and erasure from the window.

"Exportar…" writes everything stored about the citizen as FILE.json and FILE.html (never
over an existing file, mode 0600), as ``jun-desk privacy export`` does; "Borrar datos…"
anonymises it all but what is under legal hold, after the supervisor types the handle
again, as ``jun-desk privacy erase`` does. The services check the permission and refuse,
with nothing changed, an unknown handle or a citizen with an open ticket; the work (and the
keyring's pseudonym key) runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.services.rights import CitizenExport, ErasureReport
from jun_desk.ui.context import describe
from jun_desk.ui.file_dialogs import ask_file
from jun_desk.ui.operations import Op, Query

if TYPE_CHECKING:
    from jun_desk.ui.context import UiContext


def bare(handle: str) -> str:
    return handle.strip().lstrip("@")


class EraseConfirm(QDialog):
    """Says what erasure does and what it keeps; Borrar only once the handle is typed."""

    def __init__(self, handle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.setWindowTitle(self.tr("Borrar los datos de @%s") % handle)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Se anonimiza todo lo que la mesa guarda de @%s: su ficha, sus mensajes, los "
            "tickets, las respuestas y DMs, la moderación y la cuarentena. No se puede "
            "deshacer.\nSe conserva lo que está en retención legal: los tickets retenidos, "
            "con sus mensajes, y la ficha del vecino que necesitan. La petición queda "
            "registrada con un seudónimo, no con su usuario.") % handle, self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Escribe el usuario (@%s) para confirmar:") % handle,
                                self))
        self.typed = QLineEdit(self)
        self.typed.setObjectName("erase-typed-handle")
        layout.addWidget(self.typed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(self.tr("Borrar"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.typed.textChanged.connect(lambda _t: self.erase_button.setEnabled(self.matches()))
        self.typed.setFocus()

    def matches(self) -> bool:
        return bare(self.typed.text()).lower() == self.handle.lower()


class CitizenDataDialog(QDialog):
    """Type a handle, then export or erase what the desk stores about that citizen."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None, handle: str = "") -> None:
        super().__init__(parent)
        self.ui = ui
        self.start_folder: Path | None = None  # where "Exportar…" starts (the home folder)
        self.setWindowTitle(self.tr("Datos de un vecino"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Derechos de acceso y supresión: exporta o borra todo lo que "
                               "la mesa guarda de un vecino."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Usuario de X:"), self))
        self.handle = QLineEdit(handle, self)
        self.handle.setObjectName("privacy-handle")
        self.handle.setPlaceholderText(self.tr("@usuario"))
        row.addWidget(self.handle, 1)
        layout.addLayout(row)
        self.status = QLabel("", self)
        self.status.setObjectName("privacy-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Exportar…"), self)
        self.erase_button = QPushButton(self.tr("Borrar datos…"), self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        self.handle.textChanged.connect(lambda _t: self._busy(False))
        self._busy(False)

    # ------------------------------------------------------------------ state
    def _busy(self, busy: bool) -> None:
        has = bool(bare(self.handle.text()))
        self.export_button.setEnabled(has and not busy)
        self.erase_button.setEnabled(has and not busy)
        self.handle.setReadOnly(busy)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _failed(self, err: Exception) -> None:
        self._busy(False)
        self._say(describe(err), error=True)

    # ------------------------------------------------------------------ export
    def ask_path(self, handle: str) -> str | None:
        """Where to write (FILE.json and FILE.html); None: cancelled (the desk's file
        dialog)."""
        return ask_file(self, self.tr("Exportar los datos de @%s") % handle,
                        (self.start_folder or Path.home()) / handle,
                        self.tr("JSON y HTML (*.json *.html)"), self.tr("Exportar"), save=True)

    def export(self) -> None:
        handle = bare(self.handle.text())
        if not handle:
            return
        out = self.ask_path(handle)
        if out is None:
            return
        desk, actor = self.ui.desk, self.ui.actor

        def work() -> tuple[CitizenExport, tuple[Path, Path]]:
            from jun_desk.services.rights import export_targets, write_export

            targets = export_targets(out)  # refused before anything is read or written
            export = desk.rights.export(actor, handle)
            write_export(export, targets)
            return export, targets

        self._busy(True)
        self._say(self.tr("Exportando…"))
        Op(self.ui, work).quietly().success(self._exported).failure(self._failed).run()

    def _exported(self, done: tuple[CitizenExport, tuple[Path, Path]]) -> None:
        export, (json_file, html_file) = done
        self._busy(False)
        self._say(self.tr("Exportados %d elementos de @%s a %s y %s") % (
            sum(export.contents.values()), export.handle, json_file, html_file))

    # ------------------------------------------------------------------ erasure
    def confirm_erase(self, handle: str) -> bool:
        return EraseConfirm(handle, self).exec() == QDialog.DialogCode.Accepted

    def erase(self) -> None:
        handle = bare(self.handle.text())
        if not handle:
            return
        desk = self.ui.desk
        self._busy(True)
        # An unknown handle is said before anything is asked (as the CLI does).
        Query(self.ui, lambda: desk.citizens.find(handle)).quietly() \
            .success(lambda _c: self._confirm_then_erase(handle)) \
            .failure(self._failed).run()

    def _confirm_then_erase(self, handle: str) -> None:
        if not self.confirm_erase(handle):
            self._busy(False)
            self._say(self.tr("Borrado cancelado: no se ha cambiado nada"))
            return
        desk, actor = self.ui.desk, self.ui.actor

        def work() -> ErasureReport:
            from jun_desk import secrets

            return desk.rights.erase(actor, handle, key=secrets.pseudonym_key(),
                                     confirmed=True)

        self._say(self.tr("Borrando…"))
        Op(self.ui, work).quietly().success(lambda r: self._erased(handle, r)) \
            .failure(self._failed).run()

    def _erased(self, handle: str, report: ErasureReport) -> None:
        self._busy(False)
        text = self.tr("Borrados los datos de @%s (la petición queda registrada con un "
                       "seudónimo).") % handle
        if report.held_tickets:
            text += " " + self.tr("Se conservan en retención legal los tickets %s y la "
                                  "ficha del vecino que necesitan.") % ", ".join(
                f"#{t}" for t in report.held_tickets)
        self._say(text)
