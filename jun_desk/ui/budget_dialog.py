"""Configuración → Presupuesto de X: the monthly budget, the daily alert level and whether
replies and DMs also stop at the budget. Stored in the database (every desk shares it);
the services refuse anyone but a supervisor, and audit both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.costs import MICRO, Budget
from jun_desk.ui.context import UiContext, describe


def _money_box(parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 1_000_000)
    box.setDecimals(2)
    box.setSuffix(" $")
    box.setSpecialValueText("—")  # 0: none
    return box


class BudgetDialog(QDialog):
    def __init__(self, ui: UiContext, budget: Budget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Presupuesto de X"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "X cobra por uso: cada mención, usuario o mensaje leído y cada respuesta enviada. "
            "Cerca del presupuesto el sondeo se espacia; al alcanzarlo se detiene hasta el mes "
            "siguiente. Lo comparten todos los puestos."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.monthly = _money_box(self)
        self.monthly.setValue(budget.monthly_micro / MICRO)
        self.daily_alert = _money_box(self)
        self.daily_alert.setValue(budget.daily_alert_micro / MICRO)
        self.stop_writes = QCheckBox(
            self.tr("Al alcanzarlo, detener también las respuestas y los DM pendientes"), self)
        self.stop_writes.setChecked(budget.stop_writes)
        form.addRow(self.tr("Presupuesto mensual:"), self.monthly)
        form.addRow(self.tr("Alerta diaria:"), self.daily_alert)
        form.addRow(self.stop_writes)
        layout.addLayout(form)
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)

    def save(self) -> None:
        desk, actor, account = self.ui.desk, self.ui.actor, self.ui.account
        monthly, alert = self.monthly.value(), self.daily_alert.value()
        stop = self.stop_writes.isChecked()
        self.save_button.setEnabled(False)

        def failed(err: Exception) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(describe(err))

        self.ui.run(lambda: desk.costs.set_budget(actor, account, monthly=monthly,
                                                  daily_alert=alert, stop_writes=stop),
                    lambda _b: self.accept(), on_error=failed, quiet=True, changes=True)
