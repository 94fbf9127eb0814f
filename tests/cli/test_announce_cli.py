"""``jun-desk announce``: draft a thread, submit, approve, schedule, list, cancel; bad input in
one line naming the field; the sender (``jun-desk sync``) then posts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from jun_desk.cli import main
from jun_desk.services.desk import Desk

LONG = " ".join([
    "El lunes 14 de diciembre habrá un corte de agua en la calle Real de 9:00 a 14:00.",
    "Los vecinos de los números 1 al 40 quedarán sin suministro durante las obras.",
    "Rogamos disculpen las molestias; el servicio se restablecerá en cuanto sea posible.",
    "¿Dudas? Escríbanos por mensaje directo o acérquese a la oficina de atención.",
])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    desk = Desk.open(url)
    desk.operators.add("ana", "supervisor")
    desk.operators.add("rosa", "operator")
    desk.close()
    return url


def test_draft_submit_approve_schedule_list_cancel(capsys, url) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--text",
                         LONG, "--submit")
    assert code == 0, err
    assert "Announcement #1 (pending): 2 post(s), X will bill $0.03" in out
    assert "1/2" in out and "2/2" in out
    code, out, err = run(capsys, "--db", url, "announce", "approve", "1", "--as", "rosa")
    assert code == 1 and "may not approve" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "--db", url, "announce", "approve", "1", "--as", "ana")
    assert code == 0 and "approved" in out
    code, out, _ = run(capsys, "--db", url, "announce", "schedule", "1", "--at",
                       "2099-12-14 09:00", "--as", "ana")
    assert code == 0 and "scheduled  at 2099-12-14 09:00" in out
    code, out, _ = run(capsys, "--db", url, "announce", "list", "--state", "scheduled")
    assert code == 0 and out.startswith("#1") and "corte de agua" in out
    code, out, _ = run(capsys, "--db", url, "announce", "show", "1")
    assert "1. [pending]" in out and "2. [waiting]" in out
    code, out, _ = run(capsys, "--db", url, "outbox")
    assert "pending  post  announcement #1 post 1 attempts 0" in out
    code, out, _ = run(capsys, "--db", url, "announce", "cancel", "1", "--as", "ana")
    assert code == 0 and "cancelled" in out


def test_bad_input_is_one_line_naming_the_field(capsys, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--text",
                          "Feria.", "--at", "2020-01-01 10:00")
    assert code == 1 and "Publication time 2020-01-01 10:00 is in the past" in err
    code, _out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--text",
                          "Feria.", "--at", "mañana")
    assert code == 1 and "'mañana' is not a date and time" in err
    notes = tmp_path / "notas.txt"
    notes.write_text("no soy una imagen")
    code, _out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--text",
                          "Feria.", "--image", str(notes))
    assert code == 1 and "is not a JPEG, PNG or WEBP picture" in err
    code, out, _ = run(capsys, "--db", url, "announce", "list")
    assert "No announcements." in out  # nothing half-saved


def test_draft_from_the_menu_csv_and_a_bad_one_named(capsys, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    menu = Path(__file__).resolve().parents[1] / "data" / "menus" / "comedor_semana_51.csv"
    code, out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--menu",
                         str(menu))
    assert code == 0, err
    assert "Announcement #1 (draft)" in out and "Lentejas estofadas" in out
    bad = tmp_path / "menu.csv"
    bad.write_text("Día;Primer plato;Postre;Alérgenos\nLunes 14/12/2026;Lentejas;Fruta;3\n",
                   encoding="utf-8")
    code, _out, err = run(capsys, "--db", url, "announce", "draft", "--as", "rosa", "--menu",
                          str(bad))
    assert code == 1 and err.count("\n") == 1
    assert "second" in err.lower() or "segundo" in err.lower()


def stuck_thread(url: str) -> None:
    """Announcement #1, a 2-post thread: post 1 on X, post 2 refused by X for good (what
    the sender records through the outbox)."""
    desk = Desk.open(url)
    try:
        ana = desk.operators.actor("ana")
        view = desk.announcements.draft(ana, account="AytoJun", text=LONG)
        desk.announcements.publish(ana, view.id)
        first = desk.outbox.due("AytoJun")[0]
        assert desk.outbox.claim(first.id, first.status)
        desk.outbox.mark_sent(first.id, "1900000000000000001")
        second = desk.outbox.due("AytoJun")[0]
        assert desk.outbox.claim(second.id, second.status)
        desk.outbox.mark_failed(second.id, "403 Forbidden: You are not allowed to create a "
                                "Tweet with duplicate content.", retry_at=None)
    finally:
        desk.close()


def test_a_stuck_thread_shown_retried_and_stopped(capsys, url) -> None:  # type: ignore[no-untyped-def]
    stuck_thread(url)
    code, out, _ = run(capsys, "--db", url, "announce", "show", "1")
    assert code == 0 and "stopped: X refused post 2/2: 403 Forbidden" in out
    assert "announce retry 1" in out
    code, out, err = run(capsys, "--db", url, "announce", "stop", "1", "--as", "rosa")
    assert code == 1 and err.count("\n") == 1
    code, out, err = run(capsys, "--db", url, "announce", "retry", "1", "--as", "ana",
                         "--text", "Sin suministro en los números 1 al 40. 2/2")
    assert code == 0, err
    assert "publishing" in out
    code, out, _ = run(capsys, "--db", url, "announce", "show", "1")
    assert "2. [pending] Sin suministro en los números 1 al 40. 2/2" in out
    code, out, err = run(capsys, "--db", url, "announce", "stop", "1", "--as", "ana")
    assert code == 1 and "not stopped" in err  # it is on its way again: nothing to stop


def test_stop_lists_what_went_out(capsys, url) -> None:  # type: ignore[no-untyped-def]
    stuck_thread(url)
    code, out, err = run(capsys, "--db", url, "announce", "stop", "1", "--as", "ana")
    assert code == 0, err
    assert "partial" in out and "1. on X as 1900000000000000001" in out
    code, out, _ = run(capsys, "--db", url, "announce", "list", "--state", "partial")
    assert out.startswith("#1")
