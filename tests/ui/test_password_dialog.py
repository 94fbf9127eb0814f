"""Changing one's own password and a supervisor's reset, from the desk window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.password_dialog import PasswordDialog


def _save(qtbot, dialog: PasswordDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_an_operator_changes_their_own_password(qtbot, desk: Desk, passwords) -> None:  # type: ignore[no-untyped-def]
    luis = desk.operators.sign_in("luis", passwords["luis"])
    dialog = PasswordDialog(UiContext(desk, luis))
    qtbot.addWidget(dialog)
    assert not dialog.who.isVisibleTo(dialog) and dialog.old.isVisibleTo(dialog)
    dialog.old.setText("no-es-la-vieja")
    dialog.new.setText("nueva-clave-luis")
    dialog.repeat.setText("nueva-clave-luiz")
    _save(qtbot, dialog)
    assert dialog.message.text() == "Las dos contraseñas no coinciden."
    dialog.repeat.setText("nueva-clave-luis")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "no es correcta" in dialog.message.text(), timeout=10_000)
    dialog.old.setText(passwords["luis"])
    dialog.new.setText("corta")
    dialog.repeat.setText("corta")
    _save(qtbot, dialog)
    assert dialog.message.text() == "La contraseña debe tener al menos 8 caracteres."
    dialog.new.setText("nueva-clave-luis")
    dialog.repeat.setText("nueva-clave-luis")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _save(qtbot, dialog)
    assert desk.operators.sign_in("luis", "nueva-clave-luis").username == "luis"


def test_a_supervisor_resets_someone_elses(qtbot, desk: Desk, passwords) -> None:  # type: ignore[no-untyped-def]
    ana = desk.operators.sign_in("ana", passwords["ana"])
    dialog = PasswordDialog(UiContext(desk, ana), reset=True)
    qtbot.addWidget(dialog)
    assert dialog.who.isVisibleTo(dialog) and not dialog.old.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.who.count() == 3, timeout=10_000)
    dialog.who.setCurrentIndex(dialog.who.findData("rosa"))
    dialog.new.setText("temporal-rosa-1")
    dialog.repeat.setText("temporal-rosa-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _save(qtbot, dialog)
    assert desk.operators.sign_in("rosa", "temporal-rosa-1").username == "rosa"
