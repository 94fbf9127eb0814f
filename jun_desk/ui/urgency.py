"""Urgent Policía Local messages are not a status-bar line: a banner over the board gives
each one whole (who, when, every word of the citizen's text, as plain text: a tweet cannot
add markup), with a button to open it in the feed and one to dismiss the banner. Several
neighbours telling of one matter (an accident) are one line with their count
(``domain.similar.group_reports``), in the banner and in the notification."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jun_desk.domain.similar import group_reports
from jun_desk.domain.tickets import ItemView
from jun_desk.ui.layout_fit import StatusLabel
from jun_desk.ui.readable import PRIORITY_COLOURS, time_of_day

POLICE = "policia"
MAX_SHOWN = 5  # matters, the newest; the title says how many reports there are


def urgent_police(items: list[ItemView]) -> list[ItemView]:
    return [i for i in items if i.suggested_department == POLICE
            and i.suggested_priority == "urgent"]


def _plain(text: str) -> str:
    """Control characters (a tweet may hold them) as spaces; the label shows plain text."""
    return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)


def _who(item: ItemView) -> str:
    who = item.author_name or ""
    if item.author_handle:
        who = f"{who} (@{item.author_handle})" if who else f"@{item.author_handle}"
    return who


class UrgentBanner(QFrame):
    open_requested = Signal(object)  # ItemView: show it in the feed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgent-banner")
        background, foreground = PRIORITY_COLOURS["urgent"]
        self.setStyleSheet(f"#urgent-banner {{ background: {background}; }} "
                           f"#urgent-banner QLabel {{ color: {foreground}; }}")
        self.items: list[ItemView] = []
        self.expanded = False
        # Folded (the default) the banner is one line: the title, the newest report
        # elided (whole in its tooltip) and the buttons; "Ver todos" unfolds every report,
        # so the board keeps its cards on a laptop (issue 24).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.title = StatusLabel("", self, cap=10_000)  # elided on a narrow board
        self.title.setStyleSheet("font-weight: 700;")
        self.line = StatusLabel("", self, cap=10_000)
        self.line.setObjectName("urgent-line")
        self.text = QLabel("", self)
        self.text.setObjectName("urgent-text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the citizen's words, never markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.hide()
        self.expand_button = QPushButton(self.tr("Ver todos"), self)
        self.expand_button.setObjectName("urgent-expand")
        self.expand_button.setAccessibleName(self.tr("Ver todos los avisos urgentes"))
        self.expand_button.clicked.connect(lambda: self.set_expanded(not self.expanded))
        self.open_button = QPushButton(self.tr("Ver en el feed"), self)
        self.open_button.setAccessibleName(self.tr("Ver el aviso urgente en el feed"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("Cerrar aviso"), self)
        self.dismiss_button.setObjectName("urgent-dismiss")
        self.dismiss_button.setAccessibleName(self.tr("Cerrar el aviso urgente"))
        self.dismiss_button.clicked.connect(self.dismiss)
        row.addWidget(self.title)
        row.addWidget(self.line, 1)
        for button in (self.expand_button, self.open_button, self.dismiss_button):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.text)
        self.hide()

    def add(self, items: list[ItemView], now: datetime) -> list[str]:
        """Show the fresh ones among ``items``; returns the lines of the matters they belong
        to, each with its count so far (what the notification says)."""
        known = {i.id for i in self.items}
        fresh = [i for i in items if i.id not in known]
        if not fresh:
            return []
        self.items = sorted(self.items + fresh, key=lambda i: i.created_at, reverse=True)
        groups = group_reports(self.items)
        title = self.tr("URGENTE · Policía Local: %d aviso(s)") % len(self.items)
        if len(groups) < len(self.items):
            title += self.tr(" de %d asunto(s)") % len(groups)
        self.title.setText(title)
        self.text.setText("\n".join(self._line(g, now) for g in groups[:MAX_SHOWN]))
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.text.text())
        self._fold()
        self.show()
        ids = {i.id for i in fresh}
        return [self._line(g, now) for g in groups if any(i.id in ids for i in g)]

    def _line(self, group: list[ItemView], now: datetime) -> str:
        """'10:23 · Pepe (@pepe): text', or for one matter told by several neighbours
        '19:49 · 4 avisos de 4 vecino(s), el último de Remedios (@remedios): text'."""
        newest = group[0]
        when, who, text = (time_of_day(newest.created_at, now), _plain(_who(newest)),
                           _plain(newest.text))
        if len(group) == 1:
            return f"{when} · {who}: {text}"
        neighbours = len({i.author_handle or i.author_name or str(i.id) for i in group})
        return self.tr("%s · %d avisos de %d vecino(s), el último de %s: %s") % (
            when, len(group), neighbours, who, text)

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self._fold()

    def _fold(self) -> None:
        """One line (the newest report, elided) or every report, as chosen."""
        self.line.setText(self.text.text().split("\n", 1)[0])
        self.line.setVisible(not self.expanded)
        self.text.setVisible(self.expanded)
        self.expand_button.setText(self.tr("Plegar") if self.expanded else self.tr("Ver todos"))

    def _open(self) -> None:
        if self.items:
            self.open_requested.emit(self.items[0])

    def dismiss(self) -> None:
        self.items = []
        self.hide()
