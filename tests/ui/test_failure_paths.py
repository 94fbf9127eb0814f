"""Failure paths: a failed background read never leaves a view waiting; a bug anywhere in the
window gives a crash report and a dialog that says where it is."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from jun_desk.crash import write_crash_report
from jun_desk.domain.errors import StorageError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.crash_dialog import CrashReporter
from jun_desk.ui.feed.panel import PAGE, FeedPanel
from jun_desk.ui.operations import Query
from tests.factories import MARIA, mention


def _with_traceback(record: logging.LogRecord) -> bool:
    """The record carries its traceback (the desk's redacting filter, when the log is set up,
    moves it into the message, masked)."""
    return bool(record.exc_info) or "Traceback (most recent call last)" in record.getMessage()


def test_the_feeds_older_page_loading_is_reset_when_the_read_fails(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, caplog) -> None:
    items = [mention(f"Aviso número {n}", minutes=n) for n in range(PAGE + 20)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    ui = UiContext(desk, people["rosa"])
    panel = FeedPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(520, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE, timeout=10_000)
    ui.wait()

    real_feed = desk.search.feed
    calls: list[dict[str, Any]] = []

    def out_of_reach(**kwargs: Any) -> Any:
        calls.append(kwargs)
        if "before_id" in kwargs:
            raise StorageError("The database server cannot be reached")
        return real_feed(**kwargs)

    desk.search.feed = out_of_reach  # type: ignore[method-assign]  # the server goes away
    bar = panel.view.verticalScrollBar()
    with caplog.at_level(logging.INFO, logger="jun_desk.ui.workers"):
        with qtbot.waitSignal(ui.message, timeout=10_000) as said:
            panel._scrolled(bar.maximum())
        qtbot.waitUntil(lambda: panel._loading is False, timeout=10_000)
    assert "cannot be reached" in said.args[0]
    assert any("StorageError" in r.getMessage() and _with_traceback(r) for r in caplog.records)
    assert panel.model.rowCount() == PAGE

    desk.search.feed = real_feed  # type: ignore[method-assign]  # it is back: scrolling retries
    panel._scrolled(bar.maximum())
    qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE + 20, timeout=10_000)
    assert panel._loading is False
    ui.wait()


def test_a_bug_in_a_background_job_is_reported_and_the_failure_handler_runs(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, caplog) -> None:
    ui = UiContext(desk, people["rosa"])
    failed: list[Exception] = []

    def buggy() -> None:
        raise ZeroDivisionError("division by zero")

    with caplog.at_level(logging.ERROR, logger="jun_desk.ui.workers"), \
            qtbot.waitSignal(ui.bug, timeout=10_000) as bug:
        Query(ui, buggy, failure_text="Cálculo").failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(bug.args[0], ZeroDivisionError) and failed == [bug.args[0]]
    record = next(r for r in caplog.records if "ZeroDivisionError" in r.getMessage())
    assert record.levelno == logging.ERROR and _with_traceback(record)
    ui.wait()


def test_a_crash_on_another_thread_shows_the_report_path(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    reporter = CrashReporter(window, write_crash_report)
    reporter.install()
    try:
        def worker() -> None:
            raise ValueError("a citizen's text broke the parser")

        with qtbot.waitSignal(reporter.crashed, timeout=10_000) as crashed:
            thread = threading.Thread(target=worker, name="parser")
            thread.start()
            thread.join()
    finally:
        reporter.uninstall()
    path = Path(crashed.args[0])
    assert path.is_file() and path.name.startswith("crash-")
    report = path.read_text(encoding="utf-8")
    assert "In thread parser" in report and "ValueError" in report
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(),
                    timeout=10_000)
    assert str(path) in reporter.dialog.text()
    reporter.dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=10_000)
