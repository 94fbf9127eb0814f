"""Hostile input at every entry point a person or X can reach: services, the command line,
the window's search boxes and composer. Each either works or gets one clear message; none
crashes, none reaches the database as anything but data."""

from __future__ import annotations

import pytest

from jun_desk.cli import main
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.services.search import TicketFilter
from tests.conftest import migrated
from tests.factories import MARIA, mention

HOSTILE = [
    "'; DROP TABLE tickets; --", "\" OR 1=1 --", "%", "_", "\\", "%_\\'",
    "\x00nul", "\x01\x07\x1b[31mrojo\x1b[0m", "\ud800 suelto", "fin \udfff",
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "\u202eevil",
    "👨‍👩‍👧" * 300, "x" * 100_000, "\n" * 5_000, "   ", "",
]
IDS = [f"h{i}" for i in range(len(HOSTILE))]


@pytest.fixture
def stocked(desk: Desk, people):  # type: ignore[no-untyped-def]
    item = mention("Farola apagada en la calle Real")
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [item], [MARIA], item.x_id)
    ticket = desk.tickets.create_from_item(people["ana"], desk.search.feed()[0].id)
    return desk, people["ana"], ticket


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_services_take_hostile_text_or_refuse_it_clearly(stocked, text: str) -> None:  # type: ignore[no-untyped-def]
    desk, ana, ticket = stocked
    # Searches are data, never SQL: the one real ticket is found or not, nothing else.
    found = desk.search.tickets(TicketFilter(text=text))
    assert all(t.id == ticket.id for t in found)
    assert isinstance(desk.search.feed(text=text), list)
    assert desk.search.count(TicketFilter(text=text)) == len(found)
    for action in (
        lambda: desk.tickets.create_manual(ana, department="obras", title=text),
        lambda: desk.tickets.add_note(ana, ticket.id, text),
        lambda: desk.outbox.enqueue(ana, ticket.id, "dm", text, account="AytoJun"),
        lambda: desk.outbox.enqueue(ana, ticket.id, "reply", text, account="AytoJun"),
        lambda: desk.operators.add(text[:80] or "x", "operator", display_name=text),
        lambda: desk.tickets.assign(ana, ticket.id, None, -1),
    ):
        try:
            action()
        except JunDeskError as err:
            message = str(err)
            assert message and len(message) < 2_000  # one readable line, not the input
            assert "\x00" not in message
    assert desk.db.run(lambda s: s.connection().exec_driver_sql(
        "SELECT count(*) FROM tickets").scalar(), readonly=True) >= 1


@pytest.mark.parametrize("text", ["'; DROP TABLE tickets; --", "\x00", "x" * 50_000,
                                  "\x1b[2J", "%"], ids=["sql", "nul", "long", "ansi", "pct"])
def test_command_line_takes_hostile_arguments(capsys, request, db_url: str, text: str) -> None:  # type: ignore[no-untyped-def]
    migrated(request, db_url)  # a desk's database, as Desk.open leaves it
    for args in (["tickets", "list", "--text", text], ["triage", text],
                 ["tickets", "list", "--department", text],
                 ["operators", "add", text, "--role", "operator"],
                 ["tickets", "show", text]):
        try:
            code = main(["--db", db_url, *args])
        except SystemExit as exit_:  # argparse refusing a value
            code = int(exit_.code or 0)
        _out, err = capsys.readouterr()
        assert code in (0, 1, 2), (args, err)
        assert "Traceback" not in err
        if code:
            assert err.strip(), f"{args[0]} failed without saying why"


def test_window_search_boxes_and_composer_take_hostile_text(qtbot, stocked) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow

    desk, ana, ticket = stocked
    ui = UiContext(desk, ana)
    window = MainWindow(ui)
    qtbot.addWidget(window)
    messages: list[str] = []
    ui.message.connect(messages.append)
    for text in HOSTILE:
        window.desk.board.search.setText(text)
        window.desk.board.reload()
        window.desk.feed.search.setText(text)
        window.desk.feed.reload()
        ui.wait()
        qtbot.wait(5)
    assert not [m for m in messages if "unexpected" in m.lower() or "inesperado" in m.lower()]
    ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: window.desk.detail.snapshot is not None, timeout=5000)
    window.desk.detail.composer.setPlainText("x" * 10_001)
    assert not window.desk.detail.dm_button.isEnabled()  # too long for a DM … or refused
    window.desk.detail.composer.setPlainText("<b>negrita</b> \x1b[31m")
    window.desk.detail.add_note()
    qtbot.waitUntil(lambda: window.desk.detail.composer.toPlainText() == "", timeout=5000)
    assert desk.tickets.notes(ticket.id)[-1].text.startswith("<b>negrita</b>")
    qtbot.waitUntil(lambda: "&lt;b&gt;negrita" in window.desk.detail.thread_view.toHtml(),
                    timeout=5000)
    ui.wait()
