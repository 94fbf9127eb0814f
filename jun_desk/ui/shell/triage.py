"""Configuración → Clasificación: retrain the town's triage model with the desk's
corrections, or go back to the one before (supervisors with the permission)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu

from jun_desk.domain.roles import Permission
from jun_desk.ui.operations import Op

if TYPE_CHECKING:
    from jun_desk.domain.roles import Actor
    from jun_desk.services.triage_models import RetrainResult
    from jun_desk.ui.context import UiContext


class TriageMenu(QObject):
    def __init__(self, window: QMainWindow, ui: UiContext, settings: QMenu) -> None:
        super().__init__(window)
        self.window, self.ui = window, ui
        self.triage_menu = settings.addMenu(self.tr("&Clasificación"))
        self.retrain_action = self.triage_menu.addAction(
            self.tr("Reentrenar con las correcciones del mostrador"))
        self.retrain_action.triggered.connect(self.retrain_triage)
        self.rollback_action = self.triage_menu.addAction(self.tr("Volver al modelo anterior"))
        self.rollback_action.triggered.connect(self.rollback_triage)

    def apply_role(self, actor: Actor) -> None:
        allowed = actor.may(Permission.EDIT_TRIAGE_RULES)
        self.triage_menu.menuAction().setVisible(allowed)
        for action in (self.retrain_action, self.rollback_action):
            action.setEnabled(allowed)

    def _say(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def retrain_triage(self) -> None:
        """Retrain the town's model off the GUI thread (a minute at most); the new model is
        kept only if it does at least as well on the test split."""
        desk, actor = self.ui.desk, self.ui.actor
        self.retrain_action.setEnabled(False)
        self._say(self.tr("Reentrenando la clasificación…"))

        def done(result: RetrainResult) -> None:
            self.retrain_action.setEnabled(True)
            if result.accepted:
                text = self.tr("Nuevo modelo #%d en uso en todos los puestos: acierto %.1f %% "
                               "(antes %.1f %%), %d correcciones") % (
                    result.version, 100 * result.new.best_accuracy,
                    100 * result.old.best_accuracy, result.corrections)
            else:
                text = self.tr("Modelo nuevo rechazado: acierta %.1f %%, peor que el actual "
                               "(%.1f %%)") % (100 * result.new.best_accuracy,
                                               100 * result.old.best_accuracy)
            self._say(text, 30_000)

        Op(self.ui, lambda: desk.triage_models.retrain(actor),
           failure_text=self.tr("No se pudo reentrenar")).success(done).failure(
            lambda _e: self.retrain_action.setEnabled(True)).run()

    def rollback_triage(self) -> None:
        desk, actor = self.ui.desk, self.ui.actor

        def done(version: int | None) -> None:
            text = (self.tr("Clasificación: en uso el modelo #%d") % version if version
                    else self.tr("Clasificación: en uso el modelo de fábrica"))
            self._say(text, 15_000)

        Op(self.ui, lambda: desk.triage_models.rollback(actor),
           failure_text=self.tr("No se pudo volver al modelo anterior")).success(done).run()
