"""The announcements' window with real widgets: an operator drafts a thread, a supervisor
approves it, it is scheduled, the (injected) clock passes its time, and the sandbox X shows
the thread in order exactly once; bad input (a time in the past, an image X refuses) is one
clear message naming the field, the draft kept."""

from __future__ import annotations

import math
import struct
import zlib
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime

from jun_desk.domain.announcements import State
from jun_desk.services.desk import Desk
from jun_desk.ui import i18n
from jun_desk.ui.announcements.editor import AnnouncementsDialog
from jun_desk.ui.context import UiContext
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox

ACCOUNT = "AytoJun"
LONG = " ".join([
    "El lunes 14 de diciembre habrá un corte de agua en la calle Real de 9:00 a 14:00.",
    "Los vecinos de los números 1 al 40 quedarán sin suministro durante las obras.",
    "Rogamos disculpen las molestias; el servicio se restablecerá en cuanto sea posible.",
    "¿Dudas? Escríbanos por mensaje directo o acérquese a la oficina de atención <b>hoy</b>.",
])


def png(cut: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"\0\xff\xff\xff\xff\xff\xff" * 2
    whole = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return whole[:-cut] if cut else whole


def _dialog(qtbot, desk: Desk, actor) -> AnnouncementsDialog:  # type: ignore[no-untyped-def]
    dialog = AnnouncementsDialog(UiContext(desk, actor, account=ACCOUNT))
    qtbot.addWidget(dialog)
    return dialog


def _set_time(dialog: AnnouncementsDialog, desk: Desk, moment) -> None:  # type: ignore[no-untyped-def]
    """Typed in the picker as the town's wall clock shows ``moment``."""
    local = moment.astimezone(desk.ctx.zone)
    dialog.scheduled.setChecked(True)
    dialog.when.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                      QTime(local.hour, local.minute)))


def _wait_status(qtbot, dialog: AnnouncementsDialog, needle: str) -> None:  # type: ignore[no-untyped-def]
    try:
        qtbot.waitUntil(lambda: needle in dialog.status.text(), timeout=10_000)
    except Exception:
        raise AssertionError(f"status says {dialog.status.text()!r}, not {needle!r}") from None


def _choose(qtbot, dialog: AnnouncementsDialog, number: int, state: str) -> None:  # type: ignore[no-untyped-def]
    """Choose announcement ``number`` in the list once the list shows it ``state``."""
    def row() -> int:
        for index in range(dialog.listing.count()):
            text = dialog.listing.item(index).text()
            if text.startswith(f"#{number} ") and f"· {state}" in text:
                return index
        return -1

    dialog.refresh()
    qtbot.waitUntil(lambda: row() >= 0, timeout=10_000)
    dialog.listing.setCurrentRow(row())
    assert dialog.current is not None and dialog.current.id == number


def test_drafted_approved_scheduled_and_published_once_in_order(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                                clock) -> None:
    rosa = _dialog(qtbot, desk, people["rosa"])
    assert rosa.approve_button.isHidden() and rosa.publish_button.isHidden()  # operator
    rosa.text.setPlainText(LONG)
    rosa.update_preview()
    html = rosa.preview.toHtml()
    assert "Publicación 1 de 2" in html and "Publicación 2 de 2" in html
    assert "&lt;b&gt;hoy&lt;/b&gt;" in html  # the text escaped, as X shows it
    assert "2 publicación(es)" in rosa.counter.text()
    assert rosa.cost.text().startswith("0,03 $")
    _set_time(rosa, desk, clock.now + timedelta(hours=3))
    rosa.submit_button.click()
    _wait_status(qtbot, rosa, "Enviado a aprobar")
    (pending,) = desk.announcements.find(states=[State.PENDING])
    assert len(pending.posts) == 2 and pending.scheduled_at is not None
    ana = _dialog(qtbot, desk, people["ana"])
    assert ana.approve_button.isVisible() or not ana.isVisible()
    _choose(qtbot, ana, pending.id, "pendiente de aprobación")
    assert ana.approve_button.isEnabled()
    ana.approve_button.click()
    _wait_status(qtbot, ana, "Aprobado")
    assert desk.announcements.get(pending.id).state is State.SCHEDULED
    assert "programado" in ana.heading.text()
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        try:
            sender = OutboxSender(desk, client, ACCOUNT)
            assert sender.send_due().sent == 0  # its time has not come
            clock.advance(hours=3, minutes=1)  # the injected clock passes it
            assert sender.send_due().sent == 2
            assert sender.send_due().sent == 0
        finally:
            client.close()
        town = sandbox.scenario.desk.id
        texts = pending.texts
        on_x = [t for t in sandbox.state.tweets if t.author_id == town and t.text in texts]
    assert [t.text for t in on_x] == texts  # in order, each once
    assert on_x[0].in_reply_to_id is None and on_x[1].in_reply_to_id == on_x[0].id
    _choose(qtbot, ana, pending.id, "publicado")
    assert "publicado" in ana.heading.text()
    assert not ana.text.isEnabled() and not ana.cancel_button.isEnabled()


def test_a_time_in_the_past_is_named_and_the_draft_kept(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                        clock) -> None:
    rosa = _dialog(qtbot, desk, people["rosa"])
    rosa.text.setPlainText("Feria de artesanía el sábado en la plaza.")
    rosa.save_button.click()
    _wait_status(qtbot, rosa, "Borrador guardado")
    rosa.text.setPlainText("Feria de artesanía el domingo en la plaza.")
    _set_time(rosa, desk, clock.now - timedelta(hours=2))
    rosa.save_button.click()
    qtbot.waitUntil(lambda: "hora de publicación" in rosa.status.text().lower(),
                    timeout=10_000)
    assert "ya ha pasado" in rosa.status.text()
    (kept,) = desk.announcements.find()
    assert kept.texts == ["Feria de artesanía el sábado en la plaza."]
    assert rosa.text.toPlainText() == "Feria de artesanía el domingo en la plaza."  # kept


def test_an_image_x_refuses_is_said_naming_the_image_the_draft_kept(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, tmp_path: Path) -> None:
    image = tmp_path / "cartel.png"
    image.write_bytes(png(cut=12))  # its header passes the desk's check; X refuses it
    ana = _dialog(qtbot, desk, people["ana"])
    ana.text.setPlainText("Fiestas de Jun: programa completo en el cartel.")
    ana.set_image(str(image))
    ana.publish_button.click()
    _wait_status(qtbot, ana, "se publica ahora")
    number = ana.current.id if ana.current else 0
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        try:
            assert OutboxSender(desk, client, ACCOUNT).send_due().failed == 1
        finally:
            client.close()
        assert not [t for t in sandbox.state.tweets if "Fiestas de Jun" in t.text]
    _choose(qtbot, ana, number, "borrador")
    assert "borrador" in ana.heading.text()
    # The list may first show a read made while the sender was still writing (a change
    # notice from PostgreSQL arrives at any moment): the comment follows with the next read.
    qtbot.waitUntil(lambda: "cartel.png" in ana.comment.text(), timeout=10_000)
    assert "corrupt" in ana.comment.text()
    assert ana.text.toPlainText() == "Fiestas de Jun: programa completo en el cartel."
    notes = tmp_path / "notas.png"
    notes.write_text("no soy una imagen")
    ana.set_image(str(notes))
    ana.save_button.click()
    _wait_status(qtbot, ana, "notas.png")
    assert "no es una imagen JPEG, PNG o WEBP" in ana.status.text()


def test_above_the_budget_the_supervisor_confirms_or_nothing_leaves(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, clock) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    desk.costs.set_budget(people["ana"], ACCOUNT, monthly="0.01")  # a post costs 0.015
    ana = _dialog(qtbot, desk, people["ana"])
    ana.text.setPlainText("Mercadillo solidario el sábado en la plaza.")
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    ana.publish_button.click()
    _wait_status(qtbot, ana, "debe confirmarlo un supervisor")
    assert "0,015 $" in answers[0] and "0,01 $" in answers[0]  # the cost, the budget
    assert [v.state for v in desk.announcements.find()] == [State.DRAFT]  # saved, not sent
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    ana.publish_button.click()
    _wait_status(qtbot, ana, "se publica ahora")
    assert len(answers) == 2
    assert [v.state for v in desk.announcements.find()] == [State.SCHEDULED]


def test_the_anuncios_menu_opens_the_announcements(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jun_desk.ui.main_window import MainWindow

    window = MainWindow(UiContext(desk, people["rosa"], account=ACCOUNT))
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&Anuncios", "A&yuda"]
    menu = window.desk.announcements_menu
    assert menu.open_action.isEnabled()  # every operator drafts
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AnnouncementsDialog):
            QTimer.singleShot(20, close_it)
            return
        seen.append(dialog.windowTitle())
        assert dialog.approve_button.isHidden()  # an operator's
        dialog.reject()

    QTimer.singleShot(0, close_it)
    menu.open_action.trigger()
    assert seen == ["Anuncios del ayuntamiento"]
    window.close()


def test_a_menu_csv_becomes_a_thread_approved_scheduled_and_posted_once(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, clock) -> None:
    """Issue 28's done-when: the school lunch menu's CSV (a real canteen export) becomes a
    thread, a supervisor approves it, it is scheduled, the clock passes, X has it once."""
    from jun_desk.ui.menu_csv_dialog import read_menu_posts

    menu = Path(__file__).resolve().parents[1] / "data" / "menus" / "comedor_semana_51.csv"
    posts = read_menu_posts(menu, "es")  # what the menu dialog hands the editor
    assert len(posts) >= 3 and "Lentejas" in "".join(posts)
    rosa = _dialog(qtbot, desk, people["rosa"])
    rosa.use_posts(posts)
    assert f"Publicación {len(posts)} de {len(posts)}" in rosa.preview.toHtml()
    _set_time(rosa, desk, clock.now + timedelta(days=1))
    rosa.submit_button.click()
    _wait_status(qtbot, rosa, "Enviado a aprobar")
    (pending,) = desk.announcements.find(states=[State.PENDING])
    assert pending.texts == posts  # each post as the template made it
    ana = _dialog(qtbot, desk, people["ana"])
    _choose(qtbot, ana, pending.id, "pendiente de aprobación")
    ana.approve_button.click()
    _wait_status(qtbot, ana, "Aprobado")
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        try:
            sender = OutboxSender(desk, client, ACCOUNT)
            assert sender.send_due().sent == 0
            clock.advance(days=1, minutes=1)
            assert sender.send_due().sent == len(posts)
            assert sender.send_due().sent == 0
        finally:
            client.close()
        town = sandbox.scenario.desk.id
        on_x = [t for t in sandbox.state.tweets if t.author_id == town and t.text in posts]
    assert [t.text for t in on_x] == posts
    for parent, child in pairwise(on_x):
        assert child.in_reply_to_id == parent.id


def _stuck_on_second(desk: Desk, people, sandbox: Sandbox, client: XClient) -> int:  # type: ignore[no-untyped-def]
    """A thread whose post 2 X refuses as a duplicate (its text posted by hand before)."""
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=LONG)
    sandbox.state.post_tweet(draft.texts[1], None)
    desk.announcements.publish(people["ana"], draft.id)
    report = OutboxSender(desk, client, ACCOUNT).send_due()
    assert (report.sent, report.failed) == (1, 1)
    return draft.id


def test_a_stuck_thread_shows_why_and_the_supervisor_retries_it_edited(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        try:
            number = _stuck_on_second(desk, people, sandbox, client)
            operator = _dialog(qtbot, desk, people["rosa"])
            _choose(qtbot, operator, number, "publicándose")
            assert operator.stuck_label.isVisibleTo(operator)
            assert "Detenido: X rechazó la publicación 2/2: " in operator.stuck_label.text()
            assert "duplicate" in operator.stuck_label.text()
            assert not operator.stuck_box.isVisibleTo(operator)  # an operator only sees it
            dialog = _dialog(qtbot, desk, people["ana"])
            _choose(qtbot, dialog, number, "publicándose")
            assert dialog.retry_button.isVisibleTo(dialog)
            assert dialog.stop_button.isVisibleTo(dialog)
            edited = "Sin suministro en los números 1 al 40 durante las obras. 2/2"
            dialog.stuck_text.setPlainText(edited)
            dialog.retry_button.click()
            _wait_status(qtbot, dialog, "se reintenta")
            assert not dialog.stuck_box.isVisibleTo(dialog)
            assert OutboxSender(desk, client, ACCOUNT).send_due().sent == 1
            done = desk.announcements.get(number)
            assert done.state is State.PUBLISHED and done.texts[1] == edited
            mine = [t for t in sandbox.state.tweets if t.author_id == sandbox.scenario.desk.id]
            second = next(t for t in mine if t.text == edited)
            assert str(second.in_reply_to_id) == done.posts[0].x_id
            assert len([t for t in mine if t.text == done.texts[0]]) == 1
        finally:
            client.close()


def test_the_supervisor_stops_a_stuck_thread_published_in_part(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        try:
            number = _stuck_on_second(desk, people, sandbox, client)
        finally:
            client.close()
    dialog = _dialog(qtbot, desk, people["ana"])
    published = _dialog(qtbot, desk, people["ana"])
    _choose(qtbot, dialog, number, "publicándose")
    dialog.stop_button.click()
    _wait_status(qtbot, dialog, "Hilo detenido")
    assert dialog.current is not None and dialog.current.state is State.PARTIAL
    assert not dialog.stuck_box.isVisibleTo(dialog)
    assert "Publicado en parte: en X 1 de 2 publicaciones (1/2)" in dialog.stuck_label.text()
    assert "publicado en parte" in dialog.heading.text()
    _choose(qtbot, published, number, "publicado en parte")
    assert not published.retry_button.isVisibleTo(published)


def test_a_stuck_thread_in_english(qtbot, qapp, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=LONG)
    desk.announcements.publish(people["ana"], draft.id)
    first = desk.outbox.due(ACCOUNT)[0]  # as the sender records it: post 1 on X, post 2 not
    assert desk.outbox.claim(first.id, first.status)
    desk.outbox.mark_sent(first.id, "1900000000000000001")
    second = desk.outbox.due(ACCOUNT)[0]
    assert desk.outbox.claim(second.id, second.status)
    desk.outbox.mark_failed(second.id, "X refused the request (403)", retry_at=None)
    i18n.install(qapp, "en")
    try:
        dialog = _dialog(qtbot, desk, people["ana"])
        _choose(qtbot, dialog, draft.id, "publishing")
        assert dialog.stuck_label.text() == \
            "Stopped: X refused post 2/2: X refused the request (403)"
        assert dialog.retry_button.text() == "Retr&y from this post"
        assert dialog.stop_button.text() == "St&op the thread here"
        dialog.stop_button.click()
        _wait_status(qtbot, dialog, "Thread stopped; the rest cancelled.")
        assert "published in part" in dialog.heading.text()
        assert dialog.stuck_label.text() == \
            "Published in part: 1 of 2 posts on X (1/2); the rest cancelled."
    finally:
        i18n.install(qapp, "es")
