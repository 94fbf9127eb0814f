"""What an operator sees when other desks share the board: conflicts with Reintentar, the
connection banner, who polls X, and the database settings (password to the keyring)."""

from __future__ import annotations

import configparser

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import make_url

from jun_desk import config, secrets
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.services.leases import LeaseState
from jun_desk.ui.context import UiContext
from jun_desk.ui.database_dialog import DatabaseDialog
from jun_desk.ui.main_window import MainWindow
from tests.conftest import PG_TEMPLATE


@pytest.fixture
def window(qtbot, desk: Desk, people):  # type: ignore[no-untyped-def]
    ui = UiContext(desk, people["ana"])
    win = MainWindow(ui)
    qtbot.addWidget(win)
    yield win
    ui.wait()


@pytest.mark.both_backends  # a second desk on the same database
def test_a_conflicting_move_says_who_changed_what_and_retry_applies_it(
        qtbot, window: MainWindow, desk: Desk, db_url: str, people, rules, clock) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    window.desk.board.reload()
    new = window.desk.board.columns[Status.NEW].model
    qtbot.waitUntil(lambda: new.row_of(ticket.id) is not None, timeout=5000)
    # Another desk gives it to Luis while Ana still sees the old card.
    other = Desk.open(db_url, rules=rules, clock=clock)
    other.tickets.assign(other.operators.actor("ana"), ticket.id,
                         people["luis"].operator_id, ticket.version)
    other.close()
    window.desk.board.assign_me.setEnabled(True)
    window.desk.board.take(new.ticket(new.row_of(ticket.id)))
    qtbot.waitUntil(lambda: not window.desk.board.retry_button.isHidden(), timeout=5000)
    message = window.desk.board.error_label.text()
    assert "lo acaba de cambiar ana (asignar" in message and "asignado: - → luis" in message
    # The card already shows the ticket as it is now (Luis, Asignado).
    assigned = window.desk.board.columns[Status.ASSIGNED].model
    qtbot.waitUntil(lambda: assigned.row_of(ticket.id) is not None, timeout=5000)
    qtbot.mouseClick(window.desk.board.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.tickets.get(ticket.id).assignee_id == people["ana"].operator_id,
                    timeout=5000)
    assert window.desk.board.retry_button.isHidden()


def test_connection_banner_and_who_polls(window: MainWindow) -> None:
    window.show()
    window.desk.status.set_connection(
        False, "Cannot open the database: the server cannot be reached")
    assert window.desk.status.banner.isVisible()
    assert "server cannot be reached" in window.desk.status.banner.text()
    assert "se conserva" in window.desk.status.banner.text()
    window.desk.status.set_connection(True, "")
    assert not window.desk.status.banner.isVisible()
    window.desk.status.lease_state(LeaseState("AytoJun", False, "rosa @ PC-2", None))
    assert window.desk.status.poller_label.text() == "Sondeo de X: rosa @ PC-2"
    window.desk.status.lease_state(LeaseState("AytoJun", True, "ana @ PC-1", None))
    assert window.desk.status.poller_label.text() == "Sondeo de X: este puesto"


def test_database_settings_keep_the_password_in_the_keyring_only(
        qtbot, secret_service, pg_admin_url: str) -> None:  # type: ignore[no-untyped-def]
    server = make_url(pg_admin_url)
    dialog = DatabaseDialog("sqlite:///tmp/x.db")
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)
    dialog.host.setText(server.host or "")
    dialog.port.setValue(server.port or 5432)
    dialog.name.setText(PG_TEMPLATE)
    dialog.user.setText(server.username or "")
    qtbot.keyClicks(dialog.password, "S3creto-del-servidor")
    dialog.test()
    qtbot.waitUntil(lambda: "Conexión correcta" in dialog.status.text(), timeout=10_000)
    assert "S3creto" not in dialog.status.text()
    dialog.save()
    settings = config.Paths.default().config / "settings.ini"
    text = settings.read_text(encoding="utf-8")
    assert "S3creto" not in text
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings)
    saved = parser.get("database", "url")
    assert make_url(saved).database == PG_TEMPLATE and make_url(saved).password is None
    # The next start: the URL from settings.ini, the password from the keyring.
    assert make_url(config.database_url()).password == "S3creto-del-servidor"
    assert config.database_url("sqlite:///other.db") == "sqlite:///other.db"


def test_database_settings_refuse_an_incomplete_address(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DatabaseDialog("postgresql+psycopg://jun@db.ayto/jun_desk")
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "db.ayto" and dialog.kind.currentData() == "postgresql"
    dialog.host.clear()
    dialog.save()
    assert "servidor" in dialog.status.text()
    assert config.saved_database_url() is None
    _ = secrets  # the keyring is not touched on a refusal
