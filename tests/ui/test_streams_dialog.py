"""Configuración → Personal y búsquedas en X (issue 27): X asked first, the expected
monthly cost shown, then added; a handle X does not know and a search X refuses said in
the dialog, nothing saved; the menu entry only for supervisors."""

from __future__ import annotations

import math
from datetime import date

from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.streams_dialog import StreamsDialog
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.watch import XLookups


def test_staff_and_search_added_after_x_says_yes(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        lookups = XLookups(client)
        ui = UiContext(desk, people["ana"], account="AytoJun")
        dialog = StreamsDialog(ui, lambda: lookups)
        qtbot.addWidget(dialog)
        dialog.handle.setText("NadieEnJun")
        dialog.check_handle()
        qtbot.waitUntil(lambda: "X no conoce la cuenta @NadieEnJun" in dialog.status.text(),
                        timeout=10_000)
        assert not dialog.add_staff.isEnabled()
        dialog.handle.setText("@BarrenderoJun")
        dialog.department.setCurrentIndex(dialog.department.findData("limpieza"))
        dialog.role.setText("barrendero")
        dialog.check_handle()
        qtbot.waitUntil(dialog.add_staff.isEnabled, timeout=10_000)
        assert "coste previsto:" in dialog.status.text() and "al mes" in dialog.status.text()
        dialog.save_staff()
        qtbot.waitUntil(lambda: dialog.staff_list.count() == 1, timeout=10_000)
        assert "@BarrenderoJun" in dialog.staff_list.item(0).text()
        assert [m.department for m in desk.streams.staff()] == ["limpieza"]
        dialog.query.setText("(luz OR")
        dialog.try_query()
        qtbot.waitUntil(lambda: "X ha rechazado la búsqueda «(luz OR»" in dialog.status.text(),
                        timeout=10_000)
        assert not dialog.add_search.isEnabled() and desk.streams.searches() == []
        dialog.query.setText("#EndesaMeEstresa")
        dialog.try_query()
        qtbot.waitUntil(dialog.add_search.isEnabled, timeout=10_000)
        assert "publicaciones encontradas" in dialog.status.text()
        dialog.save_search()
        qtbot.waitUntil(lambda: dialog.search_list.count() == 1, timeout=10_000)
        assert [w.query for w in desk.streams.searches()] == ["#EndesaMeEstresa"]
        # asking X was metered like any other read
        assert sum(desk.costs.per_day("AytoJun", date(2000, 1, 1), date(2100, 1, 1)).values())
        dialog.close()
        client.close()


def test_the_menu_entry_is_for_supervisors(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    for name, shown in (("ana", True), ("luis", False)):
        window = MainWindow(UiContext(desk, people[name], account="AytoJun"))
        qtbot.addWidget(window)
        assert window.desk.settings_menu.streams_action.isVisible() is shown
        window.close()


def test_the_cost_panel_says_what_each_stream_cost(qtbot, desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.costs import Charge, Kind
    from jun_desk.domain.items import XUser
    from jun_desk.ui.costs_chart import CostsPanel

    ana = people["ana"]
    desk.streams.add_staff(ana, XUser("1300000000000000001", "BarrenderoJun"), "limpieza")
    search = desk.streams.add_search(ana, "#EndesaMeEstresa")
    day = clock().date()
    charges = [Charge(day, "mentions", Kind.POST, f"m{i}") for i in range(10)]
    charges += [Charge(day, "staff:1300000000000000001", Kind.POST, f"s{i}") for i in range(4)]
    charges += [Charge(day, "staff_posts:1300000000000000001", Kind.POST, "p1")]
    charges += [Charge(day, search.stream.value, Kind.POST, f"q{i}") for i in range(6)]
    charges += [Charge(day, "users", Kind.USER, "u1")]
    desk.costs.record("AytoJun", charges)
    panel = CostsPanel(UiContext(desk, ana, account="AytoJun"))
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.by_stream.text() != "", timeout=10_000)
    assert panel.by_stream.text() == (
        "Por flujo: menciones 0,05 $ · búsqueda «#EndesaMeEstresa» 0,03 $ · "
        "@BarrenderoJun 0,03 $ · usuarios y envíos 0,01 $")
