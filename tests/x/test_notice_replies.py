"""Responder a todos, end to end: citizens tweet about a water cut in calle Mayor on the
sandbox X, the desk reads them, the notice links their tickets, and the outbox sender
(real tweepy) posts one reply to each of them, once, however many times it is asked."""

from __future__ import annotations

from datetime import timedelta

from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


def test_each_citizen_gets_one_reply_on_x(desk: Desk, people, client: XClient,  # type: ignore[no-untyped-def]
                                          sandbox: Sandbox) -> None:
    engine = SyncEngine(desk, client)
    engine.sync_once()
    citizens = sandbox.scenario.citizens[:3]
    texts = ["@AytoJun sin agua en la C/Mayor desde las nueve",
             "@AytoJun ¿hay un corte de agua en la calle Mayor? no sale nada del grifo",
             "@AytoJun Calle Mayor 8: sin agua, ¿hasta cuándo?"]
    tweets = [sandbox.state.citizen_tweets(c.id, t)
              for c, t in zip(citizens, texts, strict=True)]
    engine.sync_once()
    rosa = people["rosa"]
    feed = {i.x_id: i for i in desk.search.feed(limit=10_000)}
    tickets = [desk.tickets.create_from_item(rosa, feed[str(t.id)].id,
                                             department="suministros").id for t in tweets]
    # the cut began an hour before the first tweet (the sandbox's day), in Jun's time
    began = tweets[0].created_at.astimezone(desk.ctx.zone).replace(tzinfo=None)
    notice = desk.notices.create(rosa, kind="corte_agua", street="Calle Mayor",
                                 department="suministros",
                                 starts_local=began - timedelta(hours=1),
                                 ends_local=began + timedelta(hours=4)).notice
    found = {c.ticket_id for c in desk.notices.candidates(notice.id)}
    assert set(tickets) <= found
    desk.notices.link(rosa, notice.id, tickets)
    assert len(desk.notices.answer_all(rosa, notice.id, account="AytoJun").answered) == 3
    assert desk.notices.answer_all(rosa, notice.id, account="AytoJun").answered == ()

    sender = OutboxSender(desk, client, "AytoJun")
    report = sender.send_due()
    assert report.sent == 3 and report.failed == 0
    assert sender.send_due().sent == 0
    for tweet in tweets:
        replies = [t for t in sandbox.state.tweets if t.in_reply_to_id == tweet.id
                   and t.author_id == sandbox.scenario.desk.id]
        assert len(replies) == 1
        assert replies[0].text.startswith("Ya lo sabemos: hay un corte de agua en Calle Mayor")
    for ticket_id in tickets:
        assert desk.tickets.get(ticket_id).first_response_at is not None
