"""Pickers that start at the current value (Enter on them changes nothing): the person to
give a ticket to, with each person's departments and open tickets, and the department to
send it to. People who cannot take the ticket's department are shown but not offered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.offers import may_assign_to
from jun_desk.domain.tickets import TicketView
from jun_desk.services.people import Workload
from jun_desk.ui.labels import department_help, department_name, role_names

if TYPE_CHECKING:
    from jun_desk.ui.context import UiContext

VALUE_ROLE = Qt.ItemDataRole.UserRole + 7
_NOBODY = -1


class _ListPicker(QDialog):
    def __init__(self, title: str, label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.current_value: object = None
        layout = QVBoxLayout(self)
        self.label = QLabel(label, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.list = QListWidget(self)
        self.list.setAccessibleName(label)
        self.list.itemActivated.connect(lambda _i: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, 420)

    def _add(self, text: str, value: object, *, enabled: bool = True,
             tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setData(VALUE_ROLE, value)
        if tooltip:
            item.setToolTip(tooltip)
        if not enabled:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                          & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def _start_at(self, value: object) -> None:
        self.current_value = value
        for row in range(self.list.count()):
            if self.list.item(row).data(VALUE_ROLE) == value:
                self.list.setCurrentRow(row)
                break
        self.list.setFocus()
        self._update()

    def chosen(self) -> object:
        item = self.list.currentItem()
        return item.data(VALUE_ROLE) if item is not None else None

    @property
    def changed(self) -> bool:
        """Accepted on a value other than the one the ticket has."""
        item = self.list.currentItem()
        return (item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
                and self.chosen() != self.current_value)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        item = self.list.currentItem()
        ok.setEnabled(item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))


class AssigneePicker(_ListPicker):
    """Who gets the ticket: each person with their departments and open tickets; starts
    at the current assignee (or "Sin asignar")."""

    def __init__(self, ticket: TicketView, people: list[Workload],
                 catalogue: DepartmentCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Asignar ticket"),
                         self.tr("Asignar #%d (%s) a:") % (
                             ticket.id, department_name(catalogue.get(ticket.department))
                             if ticket.department in catalogue else ticket.department),
                         parent)
        self._add(self.tr("Sin asignar (vuelve a la cola del departamento)"), _NOBODY)
        roles = role_names()
        for person in people:
            if person.departments:
                serves = ", ".join(department_name(catalogue.get(d)) if d in catalogue else d
                                   for d in person.departments)
            else:
                serves = self.tr("todos los departamentos")
            fits = may_assign_to(ticket.department, person.role, person.departments)
            text = self.tr("%s (%s) · %s · %s · tickets abiertos: %d") % (
                person.display_name, person.username, roles.get(person.role, person.role),
                serves, person.open_tickets)
            if not fits:
                text += " — " + self.tr("no atiende este departamento")
            self._add(text, person.operator_id, enabled=fits, tooltip=text)
        self._start_at(ticket.assignee_id if ticket.assignee_id is not None else _NOBODY)

    def operator_id(self) -> int | None:
        value = self.chosen()
        return value if isinstance(value, int) and value != _NOBODY else None


def _describe_departments(picker: _ListPicker, catalogue: DepartmentCatalogue) -> QLabel:
    """Each department's definition and settled boundaries (issue 26) as its item's tooltip
    and, for the item in focus, in a line under the list: what decides where it goes."""
    help_label = QLabel("", picker)
    help_label.setObjectName("department-help")
    help_label.setTextFormat(Qt.TextFormat.PlainText)
    help_label.setWordWrap(True)
    layout = picker.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(picker.list) + 1, help_label)
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        code = item.data(VALUE_ROLE)
        if code in catalogue:
            item.setToolTip(department_help(catalogue, str(code)))

    def show(current: QListWidgetItem | None, _previous: object = None) -> None:
        code = current.data(VALUE_ROLE) if current is not None else None
        help_label.setText(department_help(catalogue, str(code)) if code in catalogue else "")

    picker.list.currentItemChanged.connect(show)
    show(picker.list.currentItem())
    picker.resize(520, 560)
    return help_label


class DepartmentPicker(_ListPicker):
    """Where the ticket goes: starts at its department, so Enter sends it nowhere."""

    def __init__(self, ticket: TicketView, catalogue: DepartmentCatalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cambiar de departamento"),
                         self.tr("Llevar #%d a:") % ticket.id, parent)
        for dept in catalogue.routable:
            text = department_name(dept)
            if dept.code == ticket.department:
                text += " " + self.tr("(actual)")
            self._add(text, dept.code)
        self._start_at(ticket.department)
        self.help = _describe_departments(self, catalogue)

    def department(self) -> str | None:
        value = self.chosen()
        return str(value) if value else None


class NewTicketDepartmentPicker(_ListPicker):
    """Where a new ticket goes when triage's suggestion is a department the operator may
    not create tickets in: only the departments they may are offered."""

    def __init__(self, suggested: str | None, allowed: list[str],
                 catalogue: DepartmentCatalogue, parent: QWidget | None = None) -> None:
        named = (department_name(catalogue.get(suggested))
                 if suggested and suggested in catalogue else None)
        label = (self.tr("El mensaje parece de %s, que usted no atiende. Cree el ticket en "
                         "uno de sus departamentos, o pida a un supervisor que lo cree allí:")
                 % named if named else self.tr("Crear el ticket en:"))
        super().__init__(self.tr("Crear ticket"), label, parent)
        for code in allowed:
            self._add(department_name(catalogue.get(code)), code)
        self._start_at(allowed[0] if allowed else None)
        self.current_value = None  # any choice is a change: there is no ticket yet
        self.help = _describe_departments(self, catalogue)

    def department(self) -> str | None:
        value = self.chosen()
        return str(value) if value else None


def creation_department(ui: UiContext, suggested: str | None,
                        parent: QWidget | None) -> tuple[bool, str | None]:
    """(go on, department) for a new ticket from a message suggested for ``suggested``:
    the suggestion when the signed-in person may create there (department None: the
    service takes it), else the department they pick among those they may; (False, None)
    when they cancel or may create nowhere."""
    from jun_desk.domain.offers import creatable_departments
    from jun_desk.domain.offers import creation_department as direct

    catalogue = ui.desk.ctx.catalogue
    wanted = suggested or catalogue.default_code
    if direct(ui.actor, wanted) is not None:
        return True, None
    allowed = creatable_departments(ui.actor, [d.code for d in catalogue.routable])
    if not allowed:
        ui.message.emit(QCoreApplication.translate(
            "Pickers", "Usted no puede crear tickets: pídaselo a un supervisor"))
        return False, None
    picker = NewTicketDepartmentPicker(wanted, allowed, catalogue, parent)
    accepted = picker.exec() == QDialog.DialogCode.Accepted
    chosen = picker.department()
    picker.deleteLater()
    return (True, chosen) if accepted and chosen else (False, None)


class SimilarDialog(QDialog):
    """Before a new ticket: open tickets about the same matter. Enter creates a new one (the
    focus starts on that button); choosing a ticket and "Añadir" joins the message to it."""

    NEW, JOIN = 1, 2

    def __init__(self, text: str, tickets: list[TicketView], catalogue: DepartmentCatalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jun_desk.ui.labels import status_singular

        self.setWindowTitle(self.tr("Tickets abiertos parecidos"))
        self.choice = 0
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Hay tickets abiertos que pueden ser el mismo asunto que "
                               "«%s»:") % (text[:140] + ("…" if len(text) > 140 else "")),
                       self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Tickets abiertos parecidos"))
        statuses = status_singular()
        for ticket in tickets:
            dept = department_name(catalogue.get(ticket.department)) \
                if ticket.department in catalogue else ticket.department
            who = f"@{ticket.citizen_handle}" if ticket.citizen_handle else "—"
            item = QListWidgetItem(f"#{ticket.id} · {dept} · {statuses[ticket.status]} · "
                                   f"{who} · {ticket.title}", self.list)
            item.setToolTip(item.text())
            item.setData(VALUE_ROLE, ticket.id)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self._done(self.JOIN))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        self.join_button = buttons.addButton(self.tr("&Añadir al ticket elegido"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button = buttons.addButton(self.tr("&Crear ticket nuevo"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.new_button.setDefault(True)
        self.join_button.clicked.connect(lambda: self._done(self.JOIN))
        self.new_button.clicked.connect(lambda: self._done(self.NEW))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new_button.setFocus()
        self.resize(620, 320)

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def ticket_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(VALUE_ROLE)) if item is not None else None
