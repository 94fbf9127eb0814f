"""The daily backup in the window: taken off the GUI thread by the desk that polls X, and
the dashboard showing the last good one, with a warning past two days."""

from __future__ import annotations

from pathlib import Path

import pytest

from jun_desk.domain.backups import BackupSettings
from jun_desk.services.desk import Desk
from jun_desk.ui.backup_keeper import BackupKeeper
from jun_desk.ui.context import UiContext
from jun_desk.ui.dashboard import Dashboard
from tests.conftest import Clock

KEY = bytes(range(32))


def _configure(desk: Desk, folder: Path) -> None:
    desk.backups.configure(BackupSettings(folder), lambda: KEY, host="ana @ PC-1")


@pytest.mark.both_backends  # pg_dump or SQLite's backup API
def test_the_desk_that_polls_takes_the_daily_backup_off_the_gui_thread(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _configure(desk, tmp_path / "backups")
    ui = UiContext(desk, people["ana"])
    held = [False]
    keeper = BackupKeeper(ui, lambda: held[0])
    keeper.check()  # a desk on standby: not its business
    assert not (tmp_path / "backups").exists()
    held[0] = True
    with qtbot.waitSignal(keeper.made, timeout=60_000) as made:
        keeper.check()
    assert made.args[0].manifest.kind == "daily"
    assert made.args[0].path.exists()
    with qtbot.assertNotEmitted(keeper.made):
        keeper.check()  # done for today
        keeper.stop()
    assert len(list((tmp_path / "backups").glob("*.jdbk"))) == 1


def test_a_failed_daily_backup_is_said_in_the_status_bar(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _configure(desk, blocker)
    keeper = BackupKeeper(UiContext(desk, people["ana"]), lambda: True)
    with qtbot.waitSignal(keeper.failed, timeout=60_000) as failed:
        keeper.check()
    keeper.stop()
    assert failed.args[0].startswith("La copia de seguridad diaria falló: No se puede crear")


def test_the_dashboard_shows_the_last_good_backup_and_warns_after_two_days(
        qtbot, desk: Desk, people, tmp_path: Path, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    _configure(desk, tmp_path / "backups")
    dashboard = Dashboard(UiContext(desk, people["ana"]))
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    qtbot.waitUntil(lambda: "Aún no hay ninguna copia" in dashboard.backup.text(),
                    timeout=10_000)
    assert "c62828" in dashboard.backup.styleSheet()
    desk.backups.make("daily")
    dashboard.refresh()
    # 08:00 UTC on 24 November is 09:00 in the town
    qtbot.waitUntil(lambda: dashboard.backup.text() ==
                    "Última copia de seguridad: 24/11/2026 09:00 (ana @ PC-1)", timeout=10_000)
    assert dashboard.backup.styleSheet() == ""
    clock.advance(days=2, minutes=1)
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.backup.text().startswith(
        "⚠ La última copia de seguridad es de hace 2 días (24/11/2026 09:00)"), timeout=10_000)
    assert "c62828" in dashboard.backup.styleSheet()


def test_a_training_desk_shows_no_backup_line(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    dashboard = Dashboard(UiContext(desk, people["ana"]))  # backups never configured
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.totals.text() != "", timeout=10_000)  # (shown after)
    assert dashboard.backup.isHidden() and dashboard.backup.text() == ""
