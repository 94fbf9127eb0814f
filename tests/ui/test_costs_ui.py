"""What X costs, on screen (issue 17): the painted spend chart, the status bar line, the red
banner at the budget, the budget dialog (supervisors only)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from jun_desk.domain.costs import Charge, Kind
from jun_desk.services.desk import Desk
from jun_desk.ui.budget_dialog import BudgetDialog
from jun_desk.ui.context import UiContext
from jun_desk.ui.costs_chart import CostsPanel, MonthSpend, SpendChart
from jun_desk.ui.main_window import MainWindow
from jun_desk.x.sandbox.server import Sandbox
from tests.ui.test_main_window import _desk_window


def _spend(desk: Desk, day: date, posts: int, tag: str = "") -> None:
    desk.costs.record("AytoJun", [Charge(day, "mentions", Kind.POST, f"{tag}{day}-{i}")
                                  for i in range(posts)])


def test_chart_paints_bars_the_running_total_and_the_budget(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = SpendChart()
    qtbot.addWidget(chart)
    chart.resize(640, 260)
    today = date(2026, 11, 20)
    per_day = {date(2026, 11, d): 1_000_000 + 50_000 * d for d in range(1, 21)}
    chart.set_data(MonthSpend(today, per_day, budget_micro=40_000_000,
                              forecast_micro=45_000_000, daily_alert_micro=2_000_000))
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert QColor("#c62828").name() in colours  # the budget line
    assert QColor("#90caf9").name() in colours  # the days' bars
    assert QColor("#1e88e5").name() in colours  # today's bar
    empty = SpendChart()
    qtbot.addWidget(empty)
    empty.grab()  # no data yet: says so, does not fail


def test_panel_status_bar_and_banner_follow_the_budget(qtbot, desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 11, 20, 10, tzinfo=UTC)
    for d in range(1, 21):
        _spend(desk, date(2026, 11, d), 200 + 10 * d)  # 1.05 $ … 2.00 $ a day
    desk.costs.set_budget(people["ana"], "AytoJun", monthly=60, daily_alert=2)
    ui = UiContext(desk, people["ana"], account="AytoJun")
    panel = CostsPanel(ui)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.chart.data is not None, timeout=10_000)
    assert panel.chart.data.budget_micro == 60_000_000
    assert "de 60,00 $" in panel.figures.text() and "previsión" in panel.figures.text()
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.desk.status.costs_label.text().startswith("X hoy: 2,00 $"),
                    timeout=10_000)
    assert window.desk.status.costs_label.text() == "X hoy: 2,00 $ · mes: 30,50 $ de 60,00 $"
    assert window.desk.status.cost_banner.isHidden()
    desk.costs.set_budget(people["ana"], "AytoJun", monthly=30)
    window.desk.status.refresh_costs()
    qtbot.waitUntil(lambda: window.desk.status.cost_banner.isVisible(), timeout=10_000)
    banner = window.desk.status.cost_banner
    assert "en pausa" in banner.text() and "01/12/2026" in banner.text()
    assert "sí se envían" in window.desk.status.cost_banner.text()
    window.close()


def test_budget_dialog_saves_for_a_supervisor_refuses_an_operator(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                                  people) -> None:
    ana = UiContext(desk, people["ana"], account="AytoJun")
    dialog = BudgetDialog(ana, desk.costs.budget("AytoJun"))
    qtbot.addWidget(dialog)
    dialog.monthly.setValue(75)
    dialog.daily_alert.setValue(5)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert desk.costs.budget("AytoJun").monthly_micro == 75_000_000
    luis = UiContext(desk, people["luis"], account="AytoJun")
    window = MainWindow(luis)
    qtbot.addWidget(window)
    assert not window.desk.settings_menu.x_budget_action.isVisible()  # not offered to an operator
    refused = BudgetDialog(luis, desk.costs.budget("AytoJun"))
    qtbot.addWidget(refused)
    refused.monthly.setValue(1)
    refused.save()
    qtbot.waitUntil(lambda: "supervisor" in refused.status.text(), timeout=10_000)
    assert desk.costs.budget("AytoJun").monthly_micro == 75_000_000


def test_spent_credits_show_one_banner(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf, credits=0) as sandbox:
        window, poller, _engine = _desk_window(qtbot, desk, people["ana"], sandbox)
        with qtbot.waitSignal(poller.error, timeout=20_000):
            poller.start()
        qtbot.waitUntil(lambda: window.desk.status.cost_banner.isVisible(), timeout=5000)
        assert "créditos" in window.desk.status.cost_banner.text()
        assert sandbox.state.refused_for_credits == 1  # users/me refused; nothing retried
        window.close()


def test_the_status_bar_and_the_dashboard_show_one_cost_figure(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                               clock) -> None:
    """A poll that reads and then sends a reply: the status bar said the cost read before
    the send was billed (4,06 $) while the dashboard, read later, said 4,08 $. One read
    after the whole poll now feeds both."""
    from jun_desk.domain.costs import money
    from jun_desk.ui.poller import Poller
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender
    from jun_desk.x.sync import SyncEngine

    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        client.clock = clock  # the meter's UTC day is the desk's
        engine, sender = SyncEngine(desk, client), OutboxSender(desk, client, "AytoJun")
        poller = Poller(lambda: (engine.sync_once(), sender.send_due()), lambda: 3600)
        window = MainWindow(UiContext(desk, people["ana"], account="AytoJun"), poller=poller)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(poller.result, timeout=30_000):
            poller.start()
        mention = desk.search.feed(kinds=("mention",), limit=1)[0]
        ticket = desk.tickets.create_from_item(people["ana"], mention.id)
        desk.outbox.enqueue(people["ana"], ticket.id, "reply", "Gracias, lo miramos",
                            account="AytoJun")
        with qtbot.waitSignal(poller.result, timeout=30_000):
            poller.poll_now()
        final = money(desk.costs.state("AytoJun").today_micro, "es")
        assert any(o.status == "sent" for o in desk.outbox.for_ticket(ticket.id))
        qtbot.waitUntil(lambda: f"X hoy: {final} ·" in window.desk.dashboard.costs.figures.text(),
                        timeout=10_000)
        qtbot.waitUntil(lambda: window.desk.status.costs_label.text().startswith(
            f"X hoy: {final} ·"),
                        timeout=10_000)
        assert window.desk.dashboard.costs.figures.text().startswith(
            window.desk.status.costs_label.text())
        window.close()
        client.close()


@pytest.mark.parametrize(("lang", "shown", "typed"), [("es", "1.234,50 $", "12,5"),
                                                      ("en", "$1,234.50", "12.5")])
def test_the_budget_dialog_writes_money_as_the_rest_of_the_desk(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                                 lang: str, shown: str,
                                                                 typed: str) -> None:
    """It wrote '10.00 $' where the status bar writes '4,06 $': now domain.costs.money in
    the window's language, and an amount typed with that language's decimal mark."""
    from jun_desk.domain.costs import money
    from jun_desk.ui import labels

    desk.costs.set_budget(people["ana"], "AytoJun", monthly=1234.5, daily_alert=10)
    before = labels.language()
    labels.set_language(lang)
    try:
        dialog = BudgetDialog(UiContext(desk, people["ana"], account="AytoJun"),
                              desk.costs.budget("AytoJun"))
        qtbot.addWidget(dialog)
        assert dialog.monthly.text() == shown == money(1_234_500_000, lang)
        assert dialog.daily_alert.text() == money(10_000_000, lang)
        edit = dialog.daily_alert.lineEdit()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
        dialog.daily_alert.interpretText()
        assert dialog.daily_alert.value() == 12.5
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert dialog.daily_alert.text() == money(12_500_000, lang)
    finally:
        labels.set_language(before)
