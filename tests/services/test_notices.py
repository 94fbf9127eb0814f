"""Outage and works notices: the open tickets a notice covers are offered and linked, and
"responder a todos" answers each of them once through the outbox (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.domain.items import Stream
from jun_desk.domain.notices import NoticeKind
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, OutboxItem
from tests.factories import MARIA, PEPE, dm, mention

# 24 November 2026 (the test clock's day) in Jun: 9:00 to 14:00 local is 8:00 to 13:00 UTC
FROM, TO = datetime(2026, 11, 24, 9, 0), datetime(2026, 11, 24, 14, 0)


def _ticket(desk: Desk, actor, item, department: str, user=MARIA) -> int:  # type: ignore[no-untyped-def]
    stream = Stream.MENTIONS if item.kind.value == "mention" else Stream.DMS
    desk.ingest.ingest_page("AytoJun", stream, [item], [user], item.x_id)
    stored = next(i for i in desk.search.feed() if i.x_id == item.x_id)
    return desk.tickets.create_from_item(actor, stored.id, department=department).id


@pytest.fixture
def street(desk: Desk, people):  # type: ignore[no-untyped-def]
    """Tickets about calle Mayor and elsewhere, of Suministros and of Obras."""
    rosa = people["rosa"]
    tickets = {
        "maria": _ticket(desk, rosa, mention("@AytoJun llevamos sin agua toda la mañana en "
                                             "la C/Mayor, ¿qué pasa?"), "suministros"),
        "pepe": _ticket(desk, rosa, mention("No sale agua del grifo en calle mayor 14",
                                            author=PEPE, minutes=5), "suministros", PEPE),
        "dm": _ticket(desk, rosa, dm("Hola, ¿hay corte de agua en la calle Mayor?",
                                     minutes=7), "suministros"),
        "english": _ticket(desk, rosa, mention("There is no water in Mayor street since "
                                               "this morning, what is going on?", minutes=8),
                           "suministros"),
        "real": _ticket(desk, rosa, mention("Sin agua en la calle Real", minutes=9),
                        "suministros"),
        "obras": _ticket(desk, rosa, mention("Bache enorme en la calle Mayor", minutes=11),
                         "obras"),
        "resolved": _ticket(desk, rosa, mention("Sin agua en calle Mayor, ya volvió",
                                                minutes=13), "suministros"),
    }
    desk.tickets.resolve(people["ana"], tickets["resolved"])
    return tickets


def _notice(desk: Desk, actor, street: str = "Calle Mayor") -> int:  # type: ignore[no-untyped-def]
    return desk.notices.create(actor, kind="corte_agua", street=street,
                               department="suministros", starts_local=FROM,
                               ends_local=TO).notice.id


def test_a_notice_is_stored_in_utc_and_worded_in_both_languages(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    notice = desk.notices.create(people["rosa"], kind="corte_agua", street="  C/  Mayor ",
                                 department="suministros", starts_local=FROM,
                                 ends_local=TO).notice
    assert notice.kind is NoticeKind.WATER_CUT and notice.street == "C/ Mayor"
    assert (notice.starts_at.hour, notice.ends_at.hour) == (8, 13)  # UTC+1 in November
    assert notice.status == "draft" and notice.announcement_id is None
    assert notice.text_es.startswith("🚱 Aviso: corte de agua en C/ Mayor el martes 24 de "
                                     "noviembre de 9:00 a 14:00")
    assert "water cut in C/ Mayor on Tuesday 24 November from 9:00 to 14:00" in notice.text_en
    assert notice.answer_es.startswith("Ya lo sabemos: hay un corte de agua en C/ Mayor")
    with desk.db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "notice.create")) == 1


def test_bad_fields_are_refused_naming_the_field(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    rosa = people["rosa"]
    cases = [({"street": " "}, "notice.street_missing"),
             ({"ends_local": FROM}, "notice.ends_before"),
             ({"kind": "tsunami"}, "notice.kind_unknown"),
             ({"department": "bomberos"}, "department.unknown")]
    for change, code in cases:
        fields = {"kind": "corte_luz", "street": "Mayor", "department": "suministros",
                  "starts_local": FROM, "ends_local": TO} | change
        with pytest.raises(ValidationError) as caught:
            desk.notices.create(rosa, **fields)  # type: ignore[arg-type]
        assert caught.value.code == code
    assert desk.notices.recent() == []


def test_candidates_are_the_open_tickets_of_the_street_department_and_time(  # type: ignore[no-untyped-def]
        desk: Desk, people, street) -> None:
    notice_id = _notice(desk, people["rosa"])
    found = {c.ticket_id: c for c in desk.notices.candidates(notice_id)}
    assert set(found) == {street["maria"], street["pepe"], street["dm"], street["english"]}
    assert "C/Mayor" in found[street["maria"]].excerpt
    assert not any(c.linked for c in found.values())
    # another street finds none
    other = _notice(desk, people["rosa"], street="Calle de la Fuente")
    assert desk.notices.candidates(other) == []


def test_a_notice_far_from_the_tickets_time_finds_none(desk: Desk, people, street) -> None:  # type: ignore[no-untyped-def]
    later = desk.notices.create(people["rosa"], kind="corte_agua", street="Calle Mayor",
                                department="suministros",
                                starts_local=datetime(2026, 12, 10, 9, 0),
                                ends_local=datetime(2026, 12, 10, 14, 0)).notice.id
    assert desk.notices.candidates(later) == []


def test_linking_checks_each_ticket(desk: Desk, people, street) -> None:  # type: ignore[no-untyped-def]
    notice_id = _notice(desk, people["rosa"])
    with pytest.raises(ValidationError) as caught:
        desk.notices.link(people["rosa"], notice_id, [street["maria"], street["obras"]])
    assert caught.value.code == "notice.ticket_department"
    with pytest.raises(ValidationError) as caught:
        desk.notices.link(people["rosa"], notice_id, [street["resolved"]])
    assert caught.value.code == "notice.ticket_closed"
    assert desk.notices.get(notice_id).linked == ()  # nothing half-linked
    # an operator of Obras and Limpieza may not work a Suministros notice
    with pytest.raises(PermissionDeniedError):
        desk.notices.link(people["luis"], notice_id, [street["maria"]])


def test_responder_a_todos_answers_every_linked_open_ticket_once(  # type: ignore[no-untyped-def]
        desk: Desk, people, street) -> None:
    rosa = people["rosa"]
    notice_id = _notice(desk, rosa)
    chosen = [c.ticket_id for c in desk.notices.candidates(notice_id)]
    detail = desk.notices.link(rosa, notice_id, chosen)
    assert detail.to_answer == 4
    assert {c.ticket_id for c in desk.notices.candidates(notice_id) if c.linked} == set(chosen)
    versions = {t: desk.tickets.get(t).version for t in chosen}

    result = desk.notices.answer_all(rosa, notice_id, account="AytoJun")
    assert sorted(result.answered) == sorted(chosen) and result.skipped == ()
    with desk.db.session() as session:
        items = session.scalars(select(OutboxItem).order_by(OutboxItem.id)).all()
        assert [(i.ticket_id, i.kind) for i in items] == [
            (street["maria"], "reply"), (street["pepe"], "reply"), (street["dm"], "dm"),
            (street["english"], "reply")]
        # each in the citizen's language
        assert [i.text.split(":")[0] for i in items] == ["Ya lo sabemos"] * 3 + [
            "We know about it"]
        assert items[0].text.startswith("Ya lo sabemos: hay un corte de agua en Calle Mayor")
        # each with its ticket's reference: X refuses the same text twice
        assert [i.text.rsplit(" ", 1)[1] for i in items] == [f"#{i.ticket_id}" for i in items]
        assert {i.idempotency_key for i in items} == {
            f"notice:{notice_id}:ticket:{t}" for t in chosen}
        answered_events = session.scalars(select(AuditEvent.ticket_id).where(
            AuditEvent.action == "notice.answer")).all()
        assert sorted(answered_events) == sorted(chosen)
    for ticket_id in chosen:
        assert desk.tickets.get(ticket_id).version > versions[ticket_id]
        assert all(i.handled for i in desk.tickets.items(ticket_id))
    after = desk.notices.get(notice_id)
    assert after.to_answer == 0 and all(t.outbox_id for t in after.linked)

    again = desk.notices.answer_all(rosa, notice_id, account="AytoJun")
    assert again.answered == () and len(again.skipped) == 4
    with desk.db.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxItem)) == 4


def test_a_ticket_linked_later_is_answered_alone_and_closed_ones_skipped(  # type: ignore[no-untyped-def]
        desk: Desk, people, street) -> None:
    rosa = people["rosa"]
    notice_id = _notice(desk, rosa)
    desk.notices.link(rosa, notice_id, [street["maria"], street["pepe"]])
    desk.tickets.resolve(people["ana"], street["pepe"])
    first = desk.notices.answer_all(rosa, notice_id, account="AytoJun")
    assert first.answered == (street["maria"],)
    assert first.skipped == ((street["pepe"], "closed"),)
    desk.notices.link(rosa, notice_id, [street["dm"]])
    second = desk.notices.answer_all(rosa, notice_id, account="AytoJun", language="en")
    assert second.answered == (street["dm"],)
    with desk.db.session() as session:
        texts = session.scalars(select(OutboxItem.text).order_by(OutboxItem.id)).all()
    assert len(texts) == 2 and texts[1].startswith("We know about it")


def test_unlink_and_publishing_is_a_supervisors(desk: Desk, people, street) -> None:  # type: ignore[no-untyped-def]
    rosa = people["rosa"]
    notice_id = _notice(desk, rosa)
    desk.notices.link(rosa, notice_id, [street["maria"], street["pepe"]])
    assert [t.ticket_id for t in desk.notices.unlink(rosa, notice_id,
                                                     street["pepe"]).linked] == [street["maria"]]
    with pytest.raises(PermissionDeniedError) as caught:
        desk.notices.mark_published(rosa, notice_id, 7)
    assert caught.value.code == "notice.publish_supervisor"
    published = desk.notices.mark_published(people["ana"], notice_id, 7).notice
    assert (published.status, published.announcement_id) == ("published", 7)
    with pytest.raises(ValidationError):
        desk.notices.mark_published(people["ana"], notice_id, 8)


def test_two_desks_answering_at_once_answer_each_ticket_once(  # type: ignore[no-untyped-def]
        desk: Desk, people, street, db_url: str, rules, clock) -> None:
    """Two desks press "responder a todos" together: whichever way their transactions
    interleave, each ticket gets one outbox item (the link is claimed by a conditional
    update first; the outbox's unique key backs it)."""
    import threading

    rosa = people["rosa"]
    notice_id = _notice(desk, rosa)
    chosen = [street["maria"], street["pepe"], street["dm"], street["english"]]
    desk.notices.link(rosa, notice_id, chosen)
    other = Desk.open(db_url, rules=rules, clock=clock)
    results: list[object] = []
    start = threading.Barrier(2)

    def press(on: Desk) -> None:
        start.wait()
        try:
            results.append(on.notices.answer_all(rosa, notice_id, account="AytoJun"))
        except Exception as err:  # a serialisation refusal is fine: nothing half-done
            results.append(err)

    try:
        threads = [threading.Thread(target=press, args=(d,)) for d in (desk, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    answered = [t for r in results if not isinstance(r, Exception)
                for t in r.answered]  # type: ignore[attr-defined]
    assert sorted(answered) == sorted(chosen)
    with desk.db.session() as session:
        assert sorted(session.scalars(select(OutboxItem.ticket_id))) == sorted(chosen)
