"""Settings → Base de datos: this desk alone (SQLite file) or a board shared with other desks
(PostgreSQL). The address goes to settings.ini, the password only to the keyring. The
connection test runs in a worker; the new database is used from the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jun_desk import config, secrets
from jun_desk.domain.errors import JunDeskError, ValidationError
from jun_desk.services.database_settings import DatabaseAddress, check_database
from jun_desk.ui.context import describe
from jun_desk.ui.workers import run_job


class DatabaseDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Base de datos"))
        self.setModal(True)
        self._pool = QThreadPool(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Varios puestos comparten el tablero en una base de datos PostgreSQL. La "
            "contraseña se guarda solo en el llavero del sistema."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Solo este puesto (archivo SQLite)"), "sqlite")
        self.kind.addItem(self.tr("Tablero compartido (PostgreSQL)"), "postgresql")
        form.addRow(self.tr("Tipo"), self.kind)
        self.path = QLineEdit(str(config.Paths.default().default_database), self)
        form.addRow(self.tr("Archivo"), self.path)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("servidor.ayto-jun.local"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.name = QLineEdit("jun_desk", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in ((self.tr("Servidor"), self.host), (self.tr("Puerto"), self.port),
                              (self.tr("Base de datos"), self.name),
                              (self.tr("Usuario"), self.user),
                              (self.tr("Contraseña"), self.password)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.status = QLabel("", self)
        self.status.setObjectName("database-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.test_button = QPushButton(self.tr("Probar conexión"), self)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._load(current)
        self._kind_changed()

    def _load(self, current: str) -> None:
        address = DatabaseAddress.parse(current)  # None: start from the defaults
        if address is None or address.kind == "sqlite":
            if address is not None and address.path:
                self.path.setText(address.path)
            return
        self.kind.setCurrentIndex(1)
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.name.setText(address.name)
        self.user.setText(address.user)

    def _kind_changed(self) -> None:
        server = self.kind.currentData() == "postgresql"
        self.path.setEnabled(not server)
        for widget in (self.host, self.port, self.name, self.user, self.password):
            widget.setEnabled(server)

    def url(self, *, with_password: bool = True) -> str:
        if self.kind.currentData() == "sqlite":
            path = self.path.text().strip()
            if not path:
                raise ValidationError(self.tr("Indique el archivo de la base de datos"))
            return DatabaseAddress("sqlite", path=path).url()
        host, name = self.host.text().strip(), self.name.text().strip()
        if not host or not name:
            raise ValidationError(self.tr("Indique el servidor y la base de datos"))
        address = DatabaseAddress("postgresql", host=host, port=self.port.value(), name=name,
                                  user=self.user.text().strip())
        return address.url(self.password.text() if with_password else None)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        if text:
            self.status.setText(text)

    def test(self) -> None:
        try:
            url = self.url()
        except JunDeskError as err:
            self.status.setText(describe(err))
            return
        self._busy(True, self.tr("Probando la conexión…"))
        run_job(self._pool, lambda: check_database(secrets.with_database_password(url)),
                lambda shown: self._busy(False, self.tr("Conexión correcta: %s") % shown),
                lambda err: self._busy(False, describe(err)))

    def save(self) -> None:
        try:
            bare = self.url(with_password=False)
        except JunDeskError as err:
            self.status.setText(describe(err))
            return
        password = self.password.text()
        if password:
            try:
                secrets.store_database_password(bare, password)
            except JunDeskError as err:
                self.status.setText(describe(err))
                return  # nothing saved: a URL without its password would not connect
        config.save_database_url(bare)
        self.status.setText(self.tr("Guardado. Jun Desk usará esta base de datos la próxima "
                                    "vez que se abra."))
        self.accept()

    def wait(self) -> None:
        self._pool.waitForDone(30_000)
