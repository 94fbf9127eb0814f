"""Operations report what they changed, in the catalogue's terms, and the change stream reads
the same events (so the window can apply each change once)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jun_desk.domain.actions import ACTIONS, Kind
from jun_desk.domain.error_codes import ERRORS
from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.services.desk import Desk
from jun_desk.services.operations import collecting, committed, perform
from jun_desk.ui.error_texts import render  # the window's wording (Spanish: the source)


def test_an_operation_returns_what_it_changed_as_the_stream_reads_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    ticket, created = perform(lambda: desk.tickets.create_manual(ana, department="obras",
                                                                 title="Farola"))
    assert created.tickets == {ticket.id}
    assert created.touches(Kind.TICKET) and not created.touches(Kind.OUTBOX)
    stream = desk.changes.stream()
    assert stream.next(0.05) is None
    after, resolved = perform(lambda: desk.tickets.resolve(ana, ticket.id, ticket.version))
    assert [e.code for e in resolved.events] == ["ticket.move"]  # resolve is a move
    batch = None
    for _ in range(50):
        batch = stream.next(0.1)
        if batch is not None:
            break
    assert batch is not None and batch.changes.event_ids == resolved.event_ids
    assert not batch.changes.without(resolved.event_ids)  # already applied: nothing left
    stream.close()
    assert after.status.value == "resolved"


def test_a_refused_or_failed_operation_changed_nothing(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    with pytest.raises(PermissionDeniedError) as refused, collecting() as rows:
        desk.tickets.reassign_department(people["luis"], ticket.id, "salud", ticket.version)
    assert not committed(rows)  # the refusal is audited, but it changed nothing
    spanish = render(refused.value)
    assert "no puede pasar tickets a otro departamento" in spanish
    assert "cambiar de departamento" in spanish
    with pytest.raises(ValidationError), collecting() as rows:
        desk.tickets.add_note(people["ana"], ticket.id, "   ")
    assert not committed(rows)


def test_every_action_the_code_records_is_in_the_catalogue() -> None:
    source = Path(__file__).resolve().parents[2] / "jun_desk"
    text = "\n".join(path.read_text(encoding="utf-8") for path in source.rglob("*.py")
                     if "domain/actions.py" not in str(path))
    text = re.sub(r'ForeignKey\("[a-z_]+\.[a-z_]+"', "", text)  # a column, not an action
    # The codes of the known families wherever they are spelled, and every code given to
    # the audit helpers (their first "word.word" argument), whatever its family.
    families = re.compile(r'"((?:ticket|outbox|item|ingest|operator|quarantine|session|triage'
                          r'|citizen|poller|x_budget|moderation)\.[a-z_]+)"')
    calls = re.compile(r'\b(?:record|record_refusal|audit|unit_of_work|record_session)'
                       r'\([^()"]*?"([a-z_]+\.[a-z_]+)"')
    used = set(families.findall(text)) | set(calls.findall(text))
    assert len(used) >= 30  # the search itself works
    used |= {f"outbox.{kind}" for kind in ("reply", "dm")}  # f"outbox.{kind}"
    used |= {f"session.{event}" for event in ("lock",)}  # record_session(actor, "lock")
    used -= ERRORS.keys() - ACTIONS.keys()  # error codes (domain/error_codes.py) look alike
    assert used - ACTIONS.keys() == set()
