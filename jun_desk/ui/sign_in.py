"""Who is at the desk: the operator (and so the role) is picked from the database."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from jun_desk.domain.roles import Actor
from jun_desk.services.desk import Desk
from jun_desk.ui.labels import role_names
from jun_desk.ui.main_window import layout_settings


def choose_operator(desk: Desk, parent: QWidget | None = None) -> Actor | None:
    operators = desk.operators.list()
    if not operators:
        QMessageBox.warning(parent, "Jun Desk", (
            "Esta mesa no tiene operadores todavía. Crea el primero con:\n\n"
            "  jun-desk operators add NOMBRE --role supervisor --name \"Nombre Apellido\"\n\n"
            "o abre Jun Desk con --sandbox para practicar."))
        return None
    if len(operators) == 1:
        return desk.operators.actor(operators[0].username)
    settings = layout_settings()
    last = settings.value("session/operator", "")
    roles = role_names()
    labels = [f"{o.display_name} — {o.username} ({roles.get(o.role.value, o.role.value)})"
              for o in operators]
    current = next((n for n, o in enumerate(operators) if o.username == last), 0)
    choice, ok = QInputDialog.getItem(parent, "Jun Desk", "¿Quién atiende la mesa?", labels,
                                      current, False)
    if not ok:
        return None
    operator = operators[labels.index(choice)]
    settings.setValue("session/operator", operator.username)
    return desk.operators.actor(operator.username)
