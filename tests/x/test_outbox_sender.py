"""Replies and DMs leave through the outbox exactly once, even across a crash."""

from __future__ import annotations

import pytest

from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine

TEXT = "Hola, gracias por avisar: Obras pasará esta tarde por la calle."


@pytest.fixture
def world(desk: Desk, people, sandbox: Sandbox, client: XClient):  # type: ignore[no-untyped-def]
    SyncEngine(desk, client).sync_once()
    lamp = next(i for i in desk.search.feed(limit=1000) if "farola" in i.text.lower())
    ticket = desk.tickets.create_from_item(people["rosa"], lamp.id)
    return ticket, lamp, OutboxSender(desk, client, "AytoJun")


def desk_tweets_with(sandbox: Sandbox, text: str) -> list:  # type: ignore[type-arg]
    return [t for t in sandbox.state.tweets if t.author_id == sandbox.scenario.desk.id
            and t.text == text]


def test_reply_is_sent_once_and_recorded(desk: Desk, people, sandbox: Sandbox, world) -> None:  # type: ignore[no-untyped-def]
    ticket, lamp, sender = world
    queued = desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun")
    assert desk_tweets_with(sandbox, TEXT) == []  # nothing leaves before the sender runs
    report = sender.send_due()
    assert (report.sent, report.recovered) == (1, 0)
    (tweet,) = desk_tweets_with(sandbox, TEXT)
    assert str(tweet.in_reply_to_id) == lamp.x_id
    (sent,) = desk.outbox.list(statuses=("sent",))
    assert sent.id == queued.id and sent.sent_x_id == str(tweet.id)
    assert desk.tickets.get(ticket.id).first_response_at is not None
    assert sender.send_due().sent == 0  # nothing left to send


def test_crash_between_send_and_commit_never_sends_twice(desk: Desk, people, sandbox: Sandbox,
                                                          world, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun")

    def killed(*_a, **_k):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt("process killed")  # after X accepted, before the commit

    with monkeypatch.context() as m:
        m.setattr(desk.outbox, "mark_sent", killed)
        with pytest.raises(KeyboardInterrupt):
            sender.send_due()
    assert len(desk_tweets_with(sandbox, TEXT)) == 1
    (in_doubt,) = desk.outbox.list(statuses=("sending",))
    assert sender.send_due().sent == 0  # the lease still runs: nobody touches it
    clock.advance(minutes=5)  # the lease ran out: the item is in doubt
    report = sender.send_due()
    assert (report.sent, report.recovered) == (0, 1)
    (tweet,) = desk_tweets_with(sandbox, TEXT)
    (sent,) = desk.outbox.list(statuses=("sent",))
    assert sent.id == in_doubt.id and sent.sent_x_id == str(tweet.id)


def test_connection_lost_after_x_accepted_is_recovered(desk: Desk, people, sandbox: Sandbox,
                                                       world, clock) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    desk.outbox.enqueue(people["rosa"], ticket.id, "dm", TEXT, account="AytoJun")
    sandbox.faults = Faults.parse("lost_write=1")
    first = sender.send_due()
    assert first.retrying == 1
    (pending,) = desk.outbox.list()
    assert "check the network" in pending.last_error  # English, as the logs (issue 15)
    sandbox.faults = Faults()
    clock.advance(hours=1)
    report = sender.send_due()
    assert (report.sent, report.recovered) == (0, 1)
    dms = [d for d in sandbox.state.dms if d.text == TEXT]
    assert len(dms) == 1
    assert desk.outbox.list(statuses=("sent",))[0].sent_x_id == str(dms[0].id)


def test_transient_failures_are_retried_with_backoff(desk: Desk, people, sandbox: Sandbox,
                                                     world, clock) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun")
    sandbox.faults = Faults.parse("5xx=1")
    assert sender.send_due().retrying == 1
    assert sender.send_due().retrying == 0  # not due yet: backoff
    sandbox.faults = Faults()
    clock.advance(hours=1)
    assert sender.send_due().sent == 1
    assert len(desk_tweets_with(sandbox, TEXT)) == 1


def test_permanent_failure_is_shown_with_xs_reason(desk: Desk, people, world, sandbox) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    queued = desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun",
                                 in_reply_to_x_id="123456789")  # a tweet X does not have
    assert sender.send_due().failed == 1
    (failed,) = desk.outbox.list(statuses=("failed",))
    assert failed.id == queued.id and "403" in failed.last_error  # X: 403, not 400
    assert "deleted or not visible to you" in failed.last_error


def test_sent_dm_seen_by_sync_is_not_stored_twice(desk: Desk, people, world, client) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    desk.outbox.enqueue(people["rosa"], ticket.id, "dm", TEXT, account="AytoJun")
    assert sender.send_due().sent == 1
    SyncEngine(desk, client).sync_once()  # the DM comes back among the account's DM events
    outgoing = [i for i in desk.tickets.items(ticket.id) if i.kind == "dm_out"]
    assert len(outgoing) == 1 and outgoing[0].text == TEXT


def test_sandbox_citizens_answer_the_desk(desk: Desk, people, world, client, clock) -> None:  # type: ignore[no-untyped-def]
    """Scripted citizens answer some replies in the thread; the answer joins the ticket."""
    ticket, _lamp, sender = world
    rosa = people["rosa"]
    desk.tickets.move(rosa, ticket.id, "in_progress")
    desk.tickets.move(rosa, ticket.id, "waiting_citizen")
    for n in range(4):  # the sandbox answers about half of the replies
        desk.outbox.enqueue(rosa, ticket.id, "reply", f"{TEXT} ({n})", account="AytoJun")
    assert sender.send_due().sent == 4
    report = SyncEngine(desk, client).sync_once()
    assert report.mentions.attached >= 1
    assert desk.tickets.get(ticket.id).status.value == "in_progress"


def test_outbox_command_shows_pending_and_failed_with_reason(desk: Desk, people, world,
                                                             sandbox: Sandbox, capsys) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.cli import main

    ticket, _lamp, sender = world
    desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun")
    sandbox.faults = Faults.parse("5xx=1")
    sender.send_due()
    url = desk.db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "outbox"]) == 0
    out = capsys.readouterr().out
    assert "pending" in out and "X is having trouble" in out and f"ticket #{ticket.id}" in out


def test_two_desks_sending_the_same_outbox_send_each_reply_once(
        desk: Desk, people, sandbox: Sandbox, world, db_url: str, rules, clock) -> None:  # type: ignore[no-untyped-def]
    """Any desk sends what is queued (not only the one that polls); the claim is atomic, so
    two desks racing over one outbox send each reply exactly once."""
    import threading

    ticket, _lamp, sender = world
    texts = [f"{TEXT} ({n})" for n in range(12)]
    for text in texts:
        desk.outbox.enqueue(people["rosa"], ticket.id, "reply", text, account="AytoJun")
    other = Desk.open(db_url, rules=rules, clock=clock)
    other_client = XClient(sandbox.credentials, api_base=sandbox.base_url)
    senders = [sender, OutboxSender(other, other_client, "AytoJun")]
    start = threading.Barrier(2)
    reports, errors = [], []

    def run(s: OutboxSender) -> None:
        start.wait()
        try:
            reports.append(s.send_due())
        except Exception as err:  # a crash in a thread must fail the test, not vanish
            errors.append(err)

    threads = [threading.Thread(target=run, args=(s,)) for s in senders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other_client.close()
    other.close()
    assert errors == []  # e.g. both desks stamping the ticket's first response at once
    assert sum(r.sent for r in reports) == len(texts), reports
    for text in texts:
        assert len(desk_tweets_with(sandbox, text)) == 1
    assert len(desk.outbox.list(statuses=("sent",))) == len(texts)


def test_a_spent_24_hour_cap_waits_for_its_reset_and_says_when(
        desk: Desk, people, sandbox: Sandbox, world, clock) -> None:  # type: ignore[no-untyped-def]
    ticket, _lamp, sender = world
    sandbox.state.rate_limits.daily["POST /2/tweets"] = (1, 1667)  # one post a day
    desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT, account="AytoJun")
    desk.outbox.enqueue(people["rosa"], ticket.id, "reply", TEXT + " Un saludo.",
                        account="AytoJun")
    report = sender.send_due()
    assert (report.sent, report.retrying, report.failed) == (1, 1, 0)
    (waiting,) = desk.outbox.list(statuses=("pending",))
    assert "X's 24-hour posting limit reached" in waiting.last_error
    assert "posting resumes at" in waiting.last_error
    from jun_desk.ui.error_texts import render_stored  # the window says it in Spanish

    shown = render_stored(waiting.last_error)
    assert "límite de publicaciones de X en 24 horas" in shown
    assert "se podrá publicar de nuevo a las" in shown
    clock.advance(hours=23)  # not 5 s: nothing is tried again before the cap's reset
    assert desk.outbox.due("AytoJun") == []
    assert sender.send_due().retrying == 0
    assert len(desk_tweets_with(sandbox, TEXT + " Un saludo.")) == 0
