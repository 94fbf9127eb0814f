"""Names for screen readers (EN 301 549, which a Spanish public body applies when it buys
software): every control says what it is for. Buttons, check boxes and tabs are named by
their text; the fields, lists, combo boxes and text panes below get a name here; painted
cards, feed items and conversations are named by their models (AccessibleTextRole and
AccessibleDescriptionRole, which Qt's item views hand to the accessibility interface).

``missing_names`` is what the accessibility test walks the windows with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from jun_desk.ui.labels import status_names

if TYPE_CHECKING:
    from jun_desk.ui.shell.views import DeskViews

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit,
               QTextEdit, QAbstractSpinBox, QTabBar, QAbstractSlider)


def _name(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def name_desk(views: DeskViews) -> None:
    """Name the desk window's fields, lists and panes."""
    feed, board, detail, dms = views.feed, views.board, views.detail, views.dms
    names: list[tuple[QWidget, str]] = [
        (feed.department, QCoreApplication.translate("Accessibility", "Departamento del feed")),
        (feed.search, QCoreApplication.translate("Accessibility", "Buscar en el feed")),
        (board.department,
         QCoreApplication.translate("Accessibility", "Departamento del tablero")),
        (board.operator, QCoreApplication.translate("Accessibility", "Persona del tablero")),
        (board.search, QCoreApplication.translate("Accessibility", "Buscar en los tickets")),
        (detail.thread_view,
         QCoreApplication.translate("Accessibility", "Conversación del ticket")),
        (detail.history, QCoreApplication.translate("Accessibility", "Historial del ticket")),
        (detail.outbox, QCoreApplication.translate("Accessibility", "Envíos del ticket")),
        (detail.templates, QCoreApplication.translate("Accessibility", "Respuestas preparadas")),
        (detail.composer, QCoreApplication.translate(
            "Accessibility", "Texto de la respuesta, el DM o la nota")),
        (dms.thread_view, QCoreApplication.translate("Accessibility",
                                                "Mensajes de la conversación")),
        (dms.composer, QCoreApplication.translate("Accessibility", "Texto del mensaje directo")),
        (views.dashboard.table,
         QCoreApplication.translate("Accessibility", "Cifras por departamento")),
        (views.quarantine.table,
         QCoreApplication.translate("Accessibility", "Elementos que no se pudieron leer")),
        (views.quarantine.raw,
         QCoreApplication.translate("Accessibility", "Lo que envió X, tal cual")),
        (views.quarantine_button,
         QCoreApplication.translate("Accessibility", "Elementos que no se pudieron leer")),
        (dms.confirm_other,
         QCoreApplication.translate("Accessibility", "Confirmar a quién va el DM")),
    ]
    for widget, name in names:
        _name(widget, name)
    _name(feed.view, QCoreApplication.translate("Accessibility", "Menciones y mensajes"),
          QCoreApplication.translate("Accessibility",
                                     "Lo que escriben los vecinos, lo más nuevo arriba"))
    for status, column in board.columns.items():
        _name(column.view,
              QCoreApplication.translate("Accessibility", "Columna %s") % status_names()[status],
              QCoreApplication.translate("Accessibility", "Tickets en este estado"))
    name_children(views.quarantine)


def name_children(root: QWidget) -> None:
    """Name what a dialog or panel left unnamed from what is beside it: a field's label
    (its buddy or the label just before it in the layout), a line edit's placeholder."""
    previous_label: QLabel | None = None
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel):
            previous_label = widget
            buddy = widget.buddy()
            if buddy is not None and not buddy.accessibleName():
                buddy.setAccessibleName(_plain(widget.text()))
            continue
        if not isinstance(widget, INTERACTIVE) or widget.accessibleName():
            continue
        if _interface_name(widget) and not isinstance(widget, QComboBox):
            continue
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            widget.setAccessibleName(widget.placeholderText().rstrip("…. "))
        elif previous_label is not None and previous_label.text() and \
                previous_label.parent() is widget.parent():
            widget.setAccessibleName(_plain(previous_label.text()))


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip(": ")


def _interface_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def missing_names(root: QWidget) -> list[str]:
    """The interactive widgets under ``root`` a screen reader could not name: no name at
    all, or (a combo box) only its current value. Widgets that cannot take focus are not
    counted (a read-only label is not a control)."""
    missing = []
    widgets = [root, *root.findChildren(QWidget)]
    popups = {id(combo.view()) for combo in widgets if isinstance(combo, QComboBox)}
    for widget in widgets:
        if not isinstance(widget, INTERACTIVE):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if id(widget) in popups or isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a combo box's list, a spin box's editor: parts of a named control
        if isinstance(widget, QTabBar) and all(widget.tabText(i)
                                               for i in range(widget.count())):
            continue  # each tab is named by its text
        if widget.isHidden() and not _in_a_layout(widget):
            continue  # built but never placed (a field another mode of a dialog uses)
        if isinstance(widget, QComboBox):
            ok = bool(widget.accessibleName()) or _has_label(widget)
        else:
            ok = bool(_interface_name(widget))
        if not ok:
            missing.append(f"{type(widget).__name__} '{widget.objectName()}' in "
                           f"{type(widget.parent()).__name__}")
    return missing


def _in_a_layout(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    return layout is not None and _holds(layout, widget)


def _holds(layout: QLayout, widget: QWidget) -> bool:
    for n in range(layout.count()):
        item = layout.itemAt(n)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _holds(inner, widget):
            return True
    return False


def _has_label(widget: QWidget) -> bool:
    return any(label.buddy() is widget for label in widget.window().findChildren(QLabel))
