"""Configuración → Presupuesto de X: the monthly budget, the daily alert level and whether
replies and DMs also stop at the budget. Stored in the database (every desk shares it);
the services refuse anyone but a supervisor, and audit both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
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

from jun_desk.domain.costs import MICRO, Budget, money
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.operations import Op


class MoneyBox(QDoubleSpinBox):
    """Dollars, shown as the rest of the desk writes money (``domain.costs.money`` in the
    window's language: '1.234,50 $', '$1,234.50'); typed with either decimal mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 1_000_000)
        self.setDecimals(2)
        self.setSpecialValueText("—")  # 0: none

    def textFromValue(self, value: float) -> str:
        return money(round(value * MICRO), labels.language())

    def valueFromText(self, text: str) -> float:
        amount = _amount(text)
        return 0.0 if amount is None else amount

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text == self.specialValueText() or _amount(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if set(text) <= set("0123456789.,$ "):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


def _amount(text: str) -> float | None:
    """'1.234,50 $', '$1,234.50', '12,5' or '12.5' as dollars; None if not an amount.
    The mark followed by one or two digits at the end is the decimal one."""
    digits = text.replace("$", "").replace(" ", "").replace("\u00a0", "")
    head, mark, tail = digits, "", ""
    for n in (1, 2):
        if len(digits) > n and digits[-n - 1] in ",." and digits[-n:].isdigit():
            head, mark, tail = digits[:-n - 1], ".", digits[-n:]
    head = head.replace(".", "").replace(",", "")
    if (not head and not tail) or not (head or "0").isdigit():
        return None
    return float(f"{head or '0'}{mark}{tail}")


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
        self.monthly = MoneyBox(self)
        self.monthly.setValue(budget.monthly_micro / MICRO)
        self.daily_alert = MoneyBox(self)
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

        Op(self.ui, lambda: desk.costs.set_budget(actor, account, monthly=monthly,
                                                 daily_alert=alert, stop_writes=stop)).success(
            lambda _b: self.accept()).failure(failed).quietly().run()
