"""The notice dialog (a water cut in a street: the tickets it covers offered, ticked,
linked, and answered once each) and the school menu's CSV dialog (the thread previewed, or
the error naming the line and the field)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy import func, select

from jun_desk.services.desk import Desk
from jun_desk.store.models import OutboxItem
from jun_desk.ui.context import UiContext
from jun_desk.ui.menu_csv_dialog import MenuCsvDialog
from jun_desk.ui.notice_dialog import NoticeDialog
from tests.factories import PEPE, dm, mention
from tests.services.test_notices import _ticket

MENUS = Path(__file__).parents[1] / "data" / "menus"


def _outbox_count(desk: Desk) -> int:
    with desk.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxItem)) or 0)


def test_notice_links_the_open_tickets_it_covers_and_answers_each_once(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    rosa = people["rosa"]
    covered = [
        _ticket(desk, rosa, mention("Sin agua en la C/Mayor desde las 9"), "suministros"),
        _ticket(desk, rosa, mention("no sale agua en calle mayor", author=PEPE, minutes=3),
                "suministros", PEPE),
        _ticket(desk, rosa, dm("¿Hay corte de agua en la calle Mayor?", minutes=4),
                "suministros"),
    ]
    elsewhere = _ticket(desk, rosa, mention("Sin agua en la calle Real", minutes=6),
                        "suministros")
    ui = UiContext(desk, rosa, account="AytoJun")
    dialog = NoticeDialog(ui, ticket=desk.tickets.get(covered[0]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.department.currentData() == "suministros"
    assert not dialog.create_button.isEnabled()  # no street yet
    dialog.street.setText("Calle Mayor")
    for edit, hour in ((dialog.starts, 9), (dialog.ends, 14)):
        edit.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(hour, 0)))
    assert "Ya lo sabemos: hay un corte de agua en Calle Mayor el martes 24 de noviembre " \
           "de 9:00 a 14:00" in dialog.preview.text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 3, timeout=10_000)
    shown = {int(dialog.list.item(r).data(Qt.ItemDataRole.UserRole))
             for r in range(dialog.list.count())}
    assert shown == set(covered) and elsewhere not in shown
    assert not dialog.answer_button.isEnabled()  # nothing linked yet
    for row in range(dialog.list.count()):
        dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.notice is not None and len(dialog.notice.linked) == 3,
                    timeout=10_000)
    qtbot.waitUntil(dialog.answer_button.isEnabled, timeout=10_000)
    assert dialog.answer_button.text() == "Responder a todos (3)…"
    assert dialog.counts.text() == "Vinculados: 3 · por responder: 3"
    box = dialog.answer_box(3)
    qtbot.addWidget(box)
    assert "3 tickets" in box.text() and box.informativeText().startswith("Ya lo sabemos")
    box.done(0)

    dialog.answer_confirmed()  # what the box's "Responder a 3" does
    qtbot.waitUntil(lambda: "Respondidos: 3" in dialog.status.text(), timeout=10_000)
    assert _outbox_count(desk) == 3
    assert not dialog.answer_button.isEnabled()
    qtbot.waitUntil(lambda: all("respondido" in dialog.list.item(r).text()
                                for r in range(dialog.list.count())), timeout=10_000)
    assert dialog.counts.text() == "Vinculados: 3 · por responder: 0"
    dialog.answer_confirmed()  # a second click: nobody is answered twice
    qtbot.waitUntil(lambda: "Respondidos: 0" in dialog.status.text(), timeout=10_000)
    assert _outbox_count(desk) == 3
    ui.wait()


def test_an_existing_notice_is_opened_again_with_its_tickets(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    rosa = people["rosa"]
    ticket = _ticket(desk, rosa, mention("Sin luz en la avenida de la Constitución"),
                     "suministros")
    notice = desk.notices.create(rosa, kind="corte_luz", street="Avda. Constitución",
                                 department="suministros",
                                 starts_local=datetime(2026, 11, 24, 8, 0),
                                 ends_local=datetime(2026, 11, 24, 12, 0)).notice
    desk.notices.link(rosa, notice.id, [ticket])
    ui = UiContext(desk, rosa, account="AytoJun")
    dialog = NoticeDialog(ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.existing.count() == 2, timeout=10_000)
    dialog.existing.setCurrentIndex(1)
    dialog.existing.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert dialog.list.item(0).checkState() == Qt.CheckState.Checked
    assert not dialog.street.isEnabled() and dialog.street.text() == "Avda. Constitución"
    assert dialog.answer_button.text() == "Responder a todos (1)…"
    ui.wait()


def test_menu_csv_dialog_previews_the_thread_and_names_bad_lines(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, tmp_path: Path) -> None:
    ui = UiContext(desk, people["rosa"], account="AytoJun")
    dialog = MenuCsvDialog(ui)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.posts() == [] and not dialog.use_button.isEnabled()
    canteen = tmp_path / "menu.csv"
    canteen.write_bytes((MENUS / "comedor_semana_51.csv").read_text(encoding="utf-8")
                        .replace("Calamares", "<b>Calamares</b>").encode("cp1252"))
    dialog.load(canteen)
    qtbot.waitUntil(dialog.use_button.isEnabled, timeout=10_000)
    posts = dialog.posts()
    assert posts[0] == "🍽️ Menú escolar de la semana del 14 al 18 de diciembre"
    html = dialog.preview.toHtml()
    assert "&lt;b&gt;Calamares" in html  # the file's text shown as text, never as markup
    assert dialog.preview.toPlainText().count("Publicación") == len(posts)

    missing = tmp_path / "sin_segundo.csv"
    missing.write_text("fecha;primer plato;postre\n14/12/2026;Lentejas;Fruta\n",
                       encoding="utf-8")
    dialog.load(missing)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10_000)
    assert "Línea 1" in dialog.problem.text() and "segundo plato" in dialog.problem.text()
    assert dialog.posts() == [] and not dialog.use_button.isEnabled()

    bad_date = tmp_path / "fecha_mala.csv"
    bad_date.write_text("fecha,primer plato,segundo plato,postre\n14/12/2026,a,b,c\n"
                        "32/12/2026,a,b,c\n", encoding="utf-8")
    dialog.load(bad_date)
    qtbot.waitUntil(lambda: "Línea 3" in dialog.problem.text(), timeout=10_000)
    assert "«32/12/2026»" in dialog.problem.text() and "«fecha»" in dialog.problem.text()

    dialog.load(tmp_path / "no_existe.csv")
    qtbot.waitUntil(lambda: "no_existe.csv" in dialog.problem.text(), timeout=10_000)
    ui.wait()
