"""A staff stream or a watched search named as a person reads it (the handle, the query),
in Spanish and in English: in the status bar's sync line, the stall banner and the
"No se pudo leer" list, a removed account too. Real window, real database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from jun_desk.domain.items import Stream, StreamKind, Unreadable, XUser
from jun_desk.services.desk import Desk
from jun_desk.ui import i18n
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.quarantine_panel import QuarantinePanel
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sync import Stall, SyncReport

SWEEPER = XUser("1300000000000000001", "BarrenderoJun", "Barrendero de Jun")


class _NoOutbox:
    sent = recovered = retrying = failed = 0


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication):  # type: ignore[no-untyped-def]
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "es")


def _streams(desk: Desk, people: dict) -> tuple[Stream, Stream]:  # type: ignore[type-arg]
    desk.streams.add_staff(people["ana"], SWEEPER, "limpieza", "barrendero")
    search = desk.streams.add_search(people["ana"], "Jun luz", "Luz")
    return Stream(StreamKind.STAFF, SWEEPER.x_id), search.stream


EXPECTED = {
    "es": ("menciones de @BarrenderoJun", "búsqueda «Jun luz»",
           "No se pueden leer menciones de @BarrenderoJun desde hace 12 min"),
    "en": ("mentions of @BarrenderoJun", "search “Jun luz”",
           "Cannot read mentions of @BarrenderoJun for 12 min"),
}


def test_the_sync_line_and_the_stall_banner_name_streams_by_handle_and_query(
        qtbot, desk: Desk, people, language: str) -> None:  # type: ignore[no-untyped-def]
    staff, search = _streams(desk, people)
    stalls: list[Stall] = []
    window = MainWindow(UiContext(desk, people["luis"], account="AytoJun"),
                        stalled=lambda: stalls)
    qtbot.addWidget(window)
    err = XApiError(Failure.MALFORMED)
    stalls.append(Stall(staff, 12 * 60 + 5, err))
    report = SyncReport("AytoJun", failed={staff: err, search: err},
                        names=desk.streams.names())
    window.desk.status.synced((report, _NoOutbox()))
    mentions, query, banner = EXPECTED[language]
    line = window.desk.status.sync_label.text()
    assert f"{mentions}: " in line and f"{query}: " in line
    assert SWEEPER.x_id not in line
    assert window.desk.status.sync_banner.text().startswith(banner)
    # A later report without names (another desk's standby) keeps the names known.
    window.desk.status.synced((SyncReport("AytoJun", failed={staff: err}), _NoOutbox()))
    assert f"{mentions}: " in window.desk.status.sync_label.text()


def test_the_quarantine_names_a_removed_accounts_stream_by_its_handle(
        qtbot, desk: Desk, people, language: str) -> None:  # type: ignore[no-untyped-def]
    staff, _search = _streams(desk, people)
    desk.ingest.ingest_page("AytoJun", staff, [], [], None, unreadable=[
        Unreadable(staff, "1900000000000000001", "no text", raw={"id": "1900000000000000001"})])
    desk.streams.remove_staff(people["ana"], "@BarrenderoJun")
    panel = QuarantinePanel(UiContext(desk, people["luis"], account="AytoJun"))
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 0).text() == EXPECTED[language][0]
