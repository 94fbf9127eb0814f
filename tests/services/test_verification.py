"""Verifying residents through the services, on SQLite and PostgreSQL: a request noted at
ingest, the code DM queued in the outbox in the citizen's language, confirmation at the
counter, wrong and expired codes refused with the reason (attempts kept, nothing else
changed), another channel and revocation for supervisors only, the badge lapsing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.domain.items import Stream
from jun_desk.domain.verification import HIDDEN_CODE, Method, RequestedVia, State
from jun_desk.services.desk import Desk
from jun_desk.services.verification import VerificationService
from jun_desk.store.models import AuditEvent, Citizen, OutboxItem, Verification
from tests.conftest import Clock
from tests.factories import MARIA, PEPE, dm, mention

CODES = ["K7MQ2X", "P3RT9W", "H4NZ8E", "B2CD3F"]


@pytest.fixture
def service(desk: Desk) -> VerificationService:
    """The desk's service with known codes, one after another (the real one draws them
    with ``secrets``)."""
    codes = iter(CODES * 10)
    return VerificationService(desk.ctx, codes=lambda: next(codes))


def _ingest_request(desk: Desk, text: str = "Hola, quiero verificar mi cuenta",
                    author=MARIA):  # type: ignore[no-untyped-def]
    message = dm(text, author=author, conversation=f"c-{author.x_id}")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [message], [author], message.x_id)
    return desk.citizens.find(author.handle)


def _refused(desk: Desk) -> list[AuditEvent]:
    with desk.db.session(readonly=True) as session:
        return list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "verification.code_refused")))


def test_a_request_is_noted_and_the_code_goes_by_dm_through_the_outbox(
        desk: Desk, people, service: VerificationService) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    latest = service.status(maria.id).latest
    assert latest is not None and latest.state is State.REQUESTED
    assert latest.requested_via is RequestedVia.DM
    # Ingesting the same page again notes nothing twice.
    assert len(service.list()) == 1
    started = service.start(people["rosa"], maria.id, account="AytoJun")
    assert started.id == latest.id and started.state is State.CODE_SENT
    assert started.code_expires_at == desk.ctx.clock() + timedelta(hours=48)
    (queued,) = desk.outbox.list(statuses=("pending",))
    assert queued.kind == "dm" and queued.recipient_x_id == MARIA.x_id
    assert "K7M-Q2X" in queued.text and queued.text.startswith("Hola María")
    with desk.db.session(readonly=True) as session:
        row = session.get(Verification, started.id)
        assert row is not None and row.code_hash and "K7MQ2X" not in row.code_hash
    # An English speaker is written to in English.
    pepe = _ingest_request(desk, "Hi! How do I verify my account as a resident?", PEPE)
    service.start(people["rosa"], pepe.id, account="AytoJun")
    english = [o for o in desk.outbox.list(statuses=("pending",))
               if o.recipient_x_id == PEPE.x_id]
    assert english[0].text.startswith("Hi Pepe") and "P3R-T9W" in english[0].text


def test_confirmed_at_the_counter_the_badge_shows_everywhere_and_the_code_is_hidden(
        desk: Desk, people, service: VerificationService, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    lamp = mention("@AytoJun la farola de la calle Real está apagada", author=MARIA)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [lamp], [MARIA], lamp.x_id)
    ticket = desk.tickets.create_from_item(people["rosa"], desk.search.feed(limit=5)[0].id)
    maria = desk.citizens.find(MARIA.handle)
    started = service.start(people["rosa"], maria.id, account="AytoJun", ticket_id=ticket.id)
    assert started.outbox_id is not None
    desk.outbox.mark_sent(started.outbox_id, "dm-sent-1")
    clock.advance(hours=3)
    status = service.confirm_at_counter(people["rosa"], maria.id, " k7m-q2x ",
                                        document="dni", document_checked=True)
    assert status.verified and status.how is Method.COUNTER and status.verified_by == "rosa"
    assert status.verified_until == clock.now + timedelta(days=365)
    latest = status.latest
    assert latest is not None and latest.state is State.VERIFIED
    assert latest.document is not None and latest.document.value == "dni"
    assert desk.tickets.get(ticket.id).citizen_verified_resident
    assert all(i.author_verified_resident for i in desk.search.feed(limit=5)
               if i.author_x_id == MARIA.x_id)
    with desk.db.session(readonly=True) as session:
        sent = session.get(OutboxItem, started.outbox_id)
        assert sent is not None and "K7M-Q2X" not in sent.text and HIDDEN_CODE in sent.text
    copy = next(m for m in desk.tickets.detail(ticket.id).items if m.kind == "dm_out")
    assert "K7M-Q2X" not in copy.text
    # A year later the badge no longer shows.
    clock.advance(days=365)
    assert not desk.tickets.get(ticket.id).citizen_verified_resident
    assert service.status(maria.id).lapsed


def test_a_code_typed_wrong_three_times_is_spent_and_nothing_is_half_saved(
        desk: Desk, people, service: VerificationService) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    service.start(people["luis"], maria.id, account="AytoJun")
    # No document checked, no code typed: refused before anything is counted.
    with pytest.raises(ValidationError) as err:
        service.confirm_at_counter(people["luis"], maria.id, "K7MQ2X", document="dni",
                                   document_checked=False)
    assert err.value.code == "verification.document_unchecked"
    with pytest.raises(ValidationError) as err:
        service.confirm_at_counter(people["luis"], maria.id, " - ", document="dni",
                                   document_checked=True)
    assert err.value.code == "verification.code_empty"
    with pytest.raises(ValidationError) as err:
        service.confirm_at_counter(people["luis"], maria.id, "K7MQ2X", document="carné",
                                   document_checked=True)
    assert err.value.code == "verification.document_unknown"
    with pytest.raises(ValidationError) as err:  # a slip of the keyboard is no guess
        service.confirm_at_counter(people["luis"], maria.id, "K7MQ2", document="dni",
                                   document_checked=True)
    assert err.value.code == "verification.code_malformed" and "Nothing was counted" in str(
        err.value)
    assert service.status(maria.id).latest.attempts == 0  # type: ignore[union-attr]
    codes = []
    for typed in ("AAAAAA", "BBBBBB", "CCCCCC"):
        with pytest.raises(ValidationError) as err:
            service.confirm_at_counter(people["luis"], maria.id, typed, document="dni",
                                       document_checked=True)
        codes.append((err.value.code, err.value.params.get("left")))
    assert codes == [("verification.code_wrong", 2), ("verification.code_wrong", 1),
                     ("verification.code_spent", None)]
    assert "spent" in str(err.value) and "Send a new code" in str(err.value)
    # The right code now finds nothing waiting; the citizen is not verified.
    with pytest.raises(ValidationError) as err:
        service.confirm_at_counter(people["luis"], maria.id, "K7MQ2X", document="dni",
                                   document_checked=True)
    assert err.value.code == "verification.no_code"
    status = service.status(maria.id)
    assert not status.verified and status.latest is not None
    assert status.latest.state is State.SPENT and status.latest.attempts == 3
    with desk.db.session(readonly=True) as session:
        citizen = session.get(Citizen, maria.id)
        assert citizen is not None and not citizen.verified_resident
        assert citizen.verified_by_id is None and citizen.verified_until is None
    refused = _refused(desk)
    assert len(refused) == 4 and all(e.outcome == "refused" for e in refused)
    # A new code starts afresh.
    again = service.start(people["luis"], maria.id, account="AytoJun")
    assert again.state is State.CODE_SENT and again.attempts == 0 and again.id != status.latest.id


def test_an_expired_code_is_refused_with_the_reason(
        desk: Desk, people, service: VerificationService, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    service.start(people["rosa"], maria.id, account="AytoJun")
    clock.advance(hours=48, minutes=1)
    with pytest.raises(ValidationError) as err:
        service.confirm_at_counter(people["rosa"], maria.id, "K7MQ2X", document="nie",
                                   document_checked=True)
    assert err.value.code == "verification.code_expired"
    assert "expired at 2026-11-26 08:00 UTC" in str(err.value)
    status = service.status(maria.id)
    assert not status.verified and status.latest.state is State.EXPIRED  # type: ignore[union-attr]


def test_a_new_code_supersedes_the_one_waiting(
        desk: Desk, people, service: VerificationService) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    first = service.start(people["rosa"], maria.id, account="AytoJun")
    second = service.start(people["rosa"], maria.id, account="AytoJun")
    states = {v.id: v.state for v in service.list()}
    assert states == {first.id: State.CANCELLED, second.id: State.CODE_SENT}
    # The first code's DM, never tried, is withdrawn (its code hidden): only one goes out.
    with desk.db.session(readonly=True) as session:
        rows = {o.id: o for o in session.scalars(select(OutboxItem))}
    assert rows[first.outbox_id].status == "withdrawn"  # type: ignore[index]
    assert "K7M-Q2X" not in rows[first.outbox_id].text  # type: ignore[index]
    assert rows[second.outbox_id].status == "pending"  # type: ignore[index]
    assert [o.id for o in desk.outbox.due("AytoJun")] == [second.outbox_id]
    with pytest.raises(ValidationError):  # the first code no longer works
        service.confirm_at_counter(people["rosa"], maria.id, "K7MQ2X", document="dni",
                                   document_checked=True)


def test_other_channel_and_revocation_are_for_supervisors(
        desk: Desk, people, service: VerificationService) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    with pytest.raises(PermissionDeniedError):
        service.confirm_other_channel(people["rosa"], maria.id, "llamada al padrón")
    with pytest.raises(ValidationError) as err:
        service.confirm_other_channel(people["ana"], maria.id, "   ")
    assert err.value.code == "verification.note_required"
    status = service.confirm_other_channel(people["ana"], maria.id,
                                           "Comprobado en el padrón por teléfono")
    assert status.verified and status.how is Method.OTHER_CHANNEL
    assert status.latest is not None
    assert status.latest.note == "Comprobado en el padrón por teléfono"
    with pytest.raises(PermissionDeniedError):
        service.revoke(people["luis"], maria.id, "error")
    status = service.revoke(people["ana"], maria.id, "Se mudó a otro municipio")
    assert not status.verified and status.latest.state is State.REVOKED  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as err:
        service.revoke(people["ana"], maria.id, "otra vez")
    assert err.value.code == "verification.not_verified"
    with desk.db.session(readonly=True) as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(
            AuditEvent.subject == f"citizen:{maria.id}").order_by(AuditEvent.id))]
    assert actions.count("verification.confirm") >= 2  # a refusal and the confirmation
    assert "verification.revoke" in actions and "verification.requested" in actions


def test_the_citizen_sees_their_verification_and_erasure_clears_its_notes(
        desk: Desk, people, service: VerificationService) -> None:  # type: ignore[no-untyped-def]
    maria = _ingest_request(desk)
    service.start(people["rosa"], maria.id, account="AytoJun")  # withdrawn by what follows
    service.confirm_other_channel(people["ana"], maria.id,
                                  "María López, calle Real 3, en el padrón")
    export = desk.rights.export(people["ana"], f"@{MARIA.handle}")
    (row,) = export.sections["verifications"]
    assert row["state"] == "verified" and row["method"] == "other_channel"
    assert "code_hash" not in row
    desk.rights.erase(people["ana"], f"@{MARIA.handle}", key=b"k" * 32, confirmed=True)
    with desk.db.session(readonly=True) as session:
        (kept,) = session.scalars(select(Verification))
        assert kept.note is None and kept.state == "verified"
