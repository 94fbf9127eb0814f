"""Configuración → Clasificación: retrain the town's triage model with the desk's
corrections, go back to the one before, and choose when triage routes a message by itself
(issue 26: only when it is safe, or always) — supervisors with the permission."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from jun_desk.domain.roles import Permission
from jun_desk.domain.routing import RoutingPolicy
from jun_desk.ui.operations import Op, Query

if TYPE_CHECKING:
    from jun_desk.domain.actions import Changes
    from jun_desk.domain.roles import Actor
    from jun_desk.services.triage_models import RetrainResult
    from jun_desk.services.triage_routing import RoutingView
    from jun_desk.ui.context import UiContext

ROUTING_ACTION = "triage.routing"


class TriageMenu(QObject):
    def __init__(self, window: QMainWindow, ui: UiContext, settings: QMenu) -> None:
        super().__init__(window)
        self.window, self.ui = window, ui
        self._allowed = False
        self.triage_menu = settings.addMenu(self.tr("&Clasificación"))
        self.retrain_action = self.triage_menu.addAction(
            self.tr("Reentrenar con las correcciones del mostrador"))
        self.retrain_action.triggered.connect(self.retrain_triage)
        self.rollback_action = self.triage_menu.addAction(self.tr("Volver al modelo anterior"))
        self.rollback_action.triggered.connect(self.rollback_triage)
        # When triage routes a message by itself: one choice for every desk (issue 26).
        self.triage_menu.addSection(self.tr("Enrutar automáticamente"))
        self.routing_group = QActionGroup(self)
        self.routing_group.setExclusive(True)
        self.routing_actions: dict[RoutingPolicy, QAction] = {}
        for policy, text in (
                (RoutingPolicy.SAFE, self.tr("Solo cuando es seguro (97 % de aciertos)")),
                (RoutingPolicy.ALWAYS, self.tr("Siempre el departamento más probable"))):
            action = self.triage_menu.addAction(text)
            action.setCheckable(True)
            action.setData(policy.value)
            self.routing_group.addAction(action)
            action.triggered.connect(lambda _c=False, p=policy: self.set_routing(p))
            self.routing_actions[policy] = action
        self.routing_actions[RoutingPolicy.SAFE].setToolTip(self.tr(
            "Por debajo del 97 % de aciertos el mensaje queda «sin clasificar» y la ficha "
            "ofrece los dos departamentos más probables"))
        self.routing_actions[RoutingPolicy.ALWAYS].setToolTip(self.tr(
            "Como antes: casi todos los mensajes van a un departamento, acertando menos"))
        ui.changes_applied.connect(self.on_changes)  # another desk may change it

    def apply_role(self, actor: Actor) -> None:
        allowed = actor.may(Permission.EDIT_TRIAGE_RULES)
        self._allowed = allowed
        self.triage_menu.menuAction().setVisible(allowed)
        for action in (self.retrain_action, self.rollback_action,
                       *self.routing_actions.values()):
            action.setEnabled(allowed)
        if allowed:
            self.read_routing()

    # ------------------------------------------------------------------ routing policy
    def read_routing(self) -> None:
        """The policy in use, checked in the menu (read off the GUI thread)."""
        desk = self.ui.desk
        Query(self.ui, desk.triage_routing.policy,
              failure_text=self.tr("No se pudo leer cuándo se enruta solo")).success(
            self._show_routing).run()

    def _show_routing(self, policy: RoutingPolicy) -> None:
        self.routing_actions[policy].setChecked(True)

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if self._allowed and (changes.everything
                              or any(e.code == ROUTING_ACTION for e in changes.events)):
            self.read_routing()

    def set_routing(self, policy: RoutingPolicy) -> None:
        """Every desk routes the messages triaged from now on by ``policy``."""
        desk, actor = self.ui.desk, self.ui.actor

        def done(view: RoutingView) -> None:
            self._show_routing(view.policy)
            text = (self.tr("Clasificación: se enruta solo lo seguro (97 % de aciertos); "
                            "el resto queda sin clasificar con dos opciones")
                    if view.policy is RoutingPolicy.SAFE else
                    self.tr("Clasificación: cada mensaje va a su departamento más probable"))
            self._say(text, 15_000)

        Op(self.ui, lambda: desk.triage_routing.set_policy(actor, policy),
           failure_text=self.tr("No se pudo cambiar cuándo se enruta solo")).success(
            done).failure(lambda _e: self.read_routing()).run()

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
