"""Keyboard-first work: arrow keys on the board (a visible focus, the card under it opens
in the ticket pane), Tab out of the composers, and the shortcuts sheet (F1), written from
the menus themselves so that it always says what the menus do."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QMenu,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes
from jun_desk.domain.tickets import TicketView
from jun_desk.ui.board.model import TICKET_ROLE
from jun_desk.ui.keyed_model import KeyedListModel

if TYPE_CHECKING:
    from jun_desk.ui.board.panel import BoardPanel

# What the keyboard does outside the menus (shown on the sheet).
_MOVES = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                    Qt.Key.Key_Home, Qt.Key.Key_End})
FOCUS_STYLE = ("QListView:focus { border: 2px solid palette(highlight); }"
               "QListView { border: 2px solid transparent; }")


translate = QCoreApplication.translate


def tab_leaves(*composers: QPlainTextEdit) -> None:
    """Tab and Shift+Tab move to the next control instead of typing a tab."""
    for composer in composers:
        composer.setTabChangesFocus(True)


class BoardKeys(QObject):
    """Up/Down/Page/Home/End move between the cards of a column, Left/Right between
    columns (skipping empty ones); the card under the focus opens in the ticket pane. A
    ticket chosen elsewhere (feed, DMs) is selected on the board when it is there."""

    def __init__(self, board: BoardPanel) -> None:
        super().__init__(board)
        self.board = board
        self.views: list[QListView] = [c.view for c in board.columns.values()]
        for view in self.views:
            view.installEventFilter(self)
            view.setStyleSheet(FOCUS_STYLE)
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        board.ui.ticket_chosen.connect(self.select)
        # A card this desk moved: the focus follows it to its new column.
        board.ui.changes_applied.connect(self._changes_applied)

    def _changes_applied(self, changes: Changes, _initiator: object = None) -> None:
        for ticket in changes.tickets_now:
            self.follow(ticket.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QListView) or watched not in self.views:
            return False
        if event.type() == QEvent.Type.FocusIn and not watched.currentIndex().isValid() \
                and watched.model().rowCount() > 0:
            watched.setCurrentIndex(watched.model().index(0, 0))
            self._choose(watched)
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event = cast(QKeyEvent, event)  # a KeyPress is a QKeyEvent
        if key_event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                         Qt.KeyboardModifier.KeypadModifier):
            return False
        key = key_event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step(watched, -1 if key == Qt.Key.Key_Left else 1)
            return True
        if key in _MOVES:
            before = watched.currentIndex()
            type(watched).keyPressEvent(watched, key_event)
            if watched.currentIndex() != before:
                self._choose(watched)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(watched)
            return True
        return False

    def _choose(self, view: QListView) -> None:
        index = view.currentIndex()
        if index.isValid():
            view.scrollTo(index)
            self.board.ui.ticket_chosen.emit(index.data(TICKET_ROLE).id)

    def step(self, view: QListView, direction: int) -> None:
        """To the nearest column with cards in ``direction``, at the same height."""
        position = self.views.index(view)
        row = max(view.currentIndex().row(), 0)
        target = position + direction
        while 0 <= target < len(self.views):
            other = self.views[target]
            count = other.model().rowCount()
            if count:
                other.setFocus(Qt.FocusReason.OtherFocusReason)
                other.setCurrentIndex(other.model().index(min(row, count - 1), 0))
                self._choose(other)
                return
            target += direction

    def focus_board(self) -> None:
        """Into the board: the column holding the current card, else the first with cards."""
        for view in self.views:
            if view.currentIndex().isValid():
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        for view in self.views:
            if view.model().rowCount():
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.views[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _find(self, ticket_id: int) -> tuple[QListView, QModelIndex] | None:
        for view in self.views:
            model = cast(KeyedListModel[TicketView], view.model())  # a ColumnModel
            row = model.row_of(ticket_id)
            if row is not None:
                return view, view.model().index(row, 0)
        return None

    def select(self, ticket_id: int) -> None:
        found = self._find(ticket_id)
        if found is None:
            return
        view, index = found
        for other in self.views:
            if other is not view and other.currentIndex().isValid():
                other.selectionModel().clear()
        if view.currentIndex() != index:
            view.setCurrentIndex(index)
        view.scrollTo(index)

    def follow(self, ticket_id: int) -> None:
        had_focus = any(v.hasFocus() for v in self.views)
        found = self._find(ticket_id)
        if found is None:
            return
        view, _index = found
        self.select(ticket_id)
        if had_focus and not view.hasFocus():
            view.setFocus(Qt.FocusReason.OtherFocusReason)


# ---------------------------------------------------------------------- the sheet
def _keys(action: QAction) -> str:
    """The action's main shortcut (a keypad twin such as Ctrl+Intro is not repeated)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _rows_of(menu: QMenu, prefix: str = "") -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            sub = cast(QMenu, action.menu())  # a QAction's menu is a QMenu
            label = prefix + action.text().replace("&", "")
            keys = _keys(action)
            if keys:
                rows.append((keys, label + "…"))
            rows.extend(_rows_of(sub, label + " ▸ "))
            continue
        keys = _keys(action)
        if keys:
            rows.append((keys, prefix + action.text().replace("&", "")))
    return rows


def sheet_sections(menus: list[QMenu]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(title, [(keys, what)]) from the menus, then what the keyboard does elsewhere."""
    sections = [(menu.title().replace("&", ""), _rows_of(menu)) for menu in menus]

    def keys(*sequences: str) -> str:
        return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                         for k in sequences)

    sections.append((translate("Shortcuts", "Tablero y listas"), [
        ("↑ ↓, " + keys("PgUp", "PgDown", "Home", "End"),
         translate("Shortcuts", "Tarjeta o mensaje anterior o siguiente")),
        ("← →", translate("Shortcuts", "Columna anterior o siguiente del tablero")),
        (keys("Return"), translate("Shortcuts", "Abrir la tarjeta en el panel del ticket")),
        (keys("Menu", "Shift+F10"), translate("Shortcuts", "Acciones de la tarjeta o el mensaje")),
    ]))
    sections.append((translate("Shortcuts", "Redactar"), [
        (keys("Tab", "Shift+Tab"),
         translate("Shortcuts", "Salir del cuadro de texto al control siguiente o anterior")),
        (keys("Ctrl+Z") + " " + translate("Shortcuts", "(en el texto)"),
         translate("Shortcuts", "Deshacer lo escrito")),
        (translate("Shortcuts", "Alt + letra subrayada"),
         translate("Shortcuts", "Abrir un menú o pulsar un botón")),
    ]))
    return [(title, rows) for title, rows in sections if rows]


class ShortcutsSheet(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-sheet")
        self.setWindowTitle(self.tr("Atajos de teclado"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Atajos de teclado"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.sections = sheet_sections(menus)
        self.text.setHtml(self._html())
        self.resize(640, 720)

    def _html(self) -> str:
        parts = []
        for title, rows in self.sections:
            parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='0' "
                         "cellpadding='3'>")
            for keys, what in rows:
                parts.append(f"<tr><td width='250'><b>{html.escape(keys)}</b></td>"
                             f"<td>{html.escape(what)}</td></tr>")
            parts.append("</table>")
        return "".join(parts)
