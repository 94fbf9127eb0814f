"""Configuración: X's credentials, the database, the X budget, the triage model, a citizen's
data (privacy)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu

from jun_desk.domain.roles import Permission
from jun_desk.ui.operations import Query
from jun_desk.ui.shell.triage import TriageMenu

if TYPE_CHECKING:
    from jun_desk.domain.costs import Budget
    from jun_desk.domain.roles import Actor
    from jun_desk.ui.context import UiContext


class SettingsMenu(QObject):
    """The Configuración menu: X credentials, the X budget, the database, triage's model.
    A new budget reaches the spend figures through the change stream (CostsPanel)."""

    def __init__(self, window: QMainWindow, ui: UiContext, menu: QMenu,
                 open_credentials: Callable[[], None] | None,
                 stream_lookups: Callable[[], object] | None = None) -> None:
        super().__init__(window)
        self.window, self.ui = window, ui
        self.stream_lookups = stream_lookups
        self.credentials_action = menu.addAction(self.tr("Credenciales de &X…"))
        self.credentials_action.setEnabled(open_credentials is not None)
        if open_credentials is not None:
            self.credentials_action.triggered.connect(open_credentials)
        self.database_action = menu.addAction(self.tr("&Base de datos…"))
        self.database_action.triggered.connect(self.open_database_settings)
        self.x_budget_action = menu.addAction(self.tr("&Presupuesto de X…"))
        self.x_budget_action.triggered.connect(self.open_budget)
        self.streams_action = menu.addAction(self.tr("Personal y &búsquedas en X…"))
        self.streams_action.triggered.connect(lambda _c=False: self.open_streams())
        self.triage = TriageMenu(window, ui, menu)
        menu.addSeparator()
        self.citizen_data_action = menu.addAction(self.tr("Datos de un &vecino (privacidad)…"))
        self.citizen_data_action.triggered.connect(lambda _c=False: self.open_citizen_data())

    def apply_role(self, actor: Actor) -> None:
        self.x_budget_action.setVisible(actor.may(Permission.SET_X_BUDGET))
        self.streams_action.setVisible(actor.may(Permission.MANAGE_STREAMS))
        self.triage.apply_role(actor)
        self.citizen_data_action.setVisible(actor.may(Permission.MANAGE_PRIVACY))

    def open_database_settings(self) -> None:
        from jun_desk.ui.database_dialog import DatabaseDialog

        dialog = DatabaseDialog(self.ui.desk.db.display_url, self.window)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.window.statusBar().showMessage(dialog.status.text(), 15_000)

    def open_budget(self) -> None:
        desk, account = self.ui.desk, self.ui.account

        def opened(budget: Budget) -> None:
            from jun_desk.ui.budget_dialog import BudgetDialog

            BudgetDialog(self.ui, budget, self.window).exec()

        Query(self.ui, lambda: desk.costs.budget(account),
              failure_text=self.tr("No se pudo leer el presupuesto de X")).success(opened).run()

    def open_streams(self) -> None:
        """The staff accounts and watched searches (supervisors; ui/streams_dialog.py)."""
        from jun_desk.ui.streams_dialog import StreamsDialog

        StreamsDialog(self.ui, self.stream_lookups, self.window).exec()

    def open_citizen_data(self, handle: str = "") -> None:
        """Export or erase a citizen's data (supervisors; ui/privacy_dialog.py)."""
        from jun_desk.ui.privacy_dialog import CitizenDataDialog

        CitizenDataDialog(self.ui, self.window, handle).exec()
