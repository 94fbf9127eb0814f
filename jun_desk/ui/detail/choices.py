"""The two departments triage judges most likely for an unclassified ticket, offered as
one-key choices in the ticket pane (issue 26): Alt+1 sends it to the first, Alt+2 to the
second. Shown only while the ticket is "sin clasificar"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.ui.labels import department_help, department_name

KEYS = ("Alt+1", "Alt+2")


class RouteChoices(QWidget):
    chosen = Signal(str)  # a department code

    def __init__(self, catalogue: DepartmentCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail-route-choices")
        self.catalogue = catalogue
        self.codes: tuple[str, ...] = ()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Sin clasificar. Probablemente:"), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.label)
        self.buttons: list[QPushButton] = []
        names = (self.tr("Primer departamento probable"), self.tr("Segundo departamento probable"))
        for n, key in enumerate(KEYS):
            button = QPushButton(self)
            button.setAccessibleName(names[n])  # until a ticket names the department
            button.clicked.connect(lambda _c=False, n=n: self._choose(n))
            row.addWidget(button)
            self.buttons.append(button)
            # Window-wide while shown, so it works from the board as from the pane; a
            # hidden widget's shortcut does not fire.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self._choose(n))
        row.addStretch(1)
        self.hide()

    def show_choices(self, codes: tuple[str, ...]) -> None:
        self.codes = tuple(c for c in codes if c in self.catalogue)[:len(KEYS)]
        for n, button in enumerate(self.buttons):
            if n < len(self.codes):
                dept = self.catalogue.get(self.codes[n])
                name = department_name(dept)
                button.setText(f"{name} ({KEYS[n]})")
                button.setToolTip(self.tr("Llevar el ticket a %s") % name + "\n\n"
                                  + department_help(self.catalogue, self.codes[n]))
                button.setAccessibleName(self.tr("Llevar el ticket a %s") % name)
                button.show()
            else:
                button.hide()
        self.setVisible(bool(self.codes))

    def _choose(self, n: int) -> None:
        if self.isVisible() and n < len(self.codes):
            self.chosen.emit(self.codes[n])

