"""About Jun Desk: version and the licences of what it bundles."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from jun_desk import __version__

LICENCES = [
    ("Qt", qVersion(), "LGPL-3.0 (The Qt Company)"),
    ("PySide6 (Qt for Python)", pyside_version, "LGPL-3.0"),
    ("tweepy", None, "MIT"), ("SQLAlchemy", None, "MIT"), ("Alembic", None, "MIT"),
    ("keyring", None, "MIT"), ("platformdirs", None, "MIT"), ("requests", None, "Apache-2.0"),
    ("requests-oauthlib / oauthlib", None, "ISC / BSD-3-Clause"),
    ("psycopg", None, "LGPL-3.0"),
]


def about_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    translate = QCoreApplication.translate
    lines = [f"Jun Desk {__version__}",
             translate("About", "Consola de atención ciudadana del Ayuntamiento de Jun."), "",
             translate("About", "Incluye:")]
    for name, known, licence in LICENCES:
        shown = known
        if shown is None:
            try:
                shown = version(name.split(" ")[0])
            except PackageNotFoundError:
                shown = "—"
        lines.append(f"  {name} {shown}: {licence}")
    lines += ["", translate("About", "Qt y PySide6 se usan bajo la LGPL-3.0: son bibliotecas "
                             "aparte, reemplazables, en la carpeta de instalación.")]
    return "\n".join(lines)


def about_box(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("About", "Acerca de Jun Desk"), about_text(),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("about-box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_about(parent: QWidget | None) -> None:
    about_box(parent).open()
