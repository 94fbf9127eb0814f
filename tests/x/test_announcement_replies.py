"""Replies to the town's announcements reach the desk like any mention: stored once, triaged
to a department, and listed for moderation under the town's post."""

from __future__ import annotations

from datetime import timedelta

from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sandbox.world import Tweet
from jun_desk.x.sync import SyncEngine

ACCOUNT = "AytoJun"
NOTICE = ("Corte de agua el lunes en la calle Real de 9:00 a 14:00 por la renovación de la "
          "tubería general.")
# A reply clear enough for triage to route by itself (above the routing threshold, issue
# 26): "ya no sale agua del grifo" alone would wait "sin clasificar" with two choices.
REPLY = "@AytoJun no tenemos agua en toda la calle Real, ¿hay un corte de agua?"


def test_a_reply_to_an_announcement_is_a_mention_triaged_and_moderated(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, client: XClient) -> None:
    engine = SyncEngine(desk, client)
    engine.sync_once()
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=NOTICE)
    desk.announcements.publish(people["ana"], draft.id)
    assert OutboxSender(desk, client, ACCOUNT).send_due().sent == 1
    (post_x_id,) = [p.x_id for p in desk.announcements.get(draft.id).posts]
    assert post_x_id is not None
    town = sandbox.scenario.desk
    post = sandbox.state.tweets_by_id[int(post_x_id)]
    citizen = next(u for u in sandbox.scenario.users.values() if u.id != town.id)
    when = sandbox.clock.now() + timedelta(seconds=1)
    with sandbox.state.lock:
        reply = Tweet(sandbox.scenario.ids.next(when), citizen.id, REPLY, when,
                      post.conversation_id, post.id, town.id)
        sandbox.state.tweets.append(reply)
        sandbox.state.tweets_by_id[reply.id] = reply
    sandbox.clock._real_start -= 5  # type: ignore[attr-defined]  # the reply is in the past now
    engine.sync_once()
    engine.sync_once()  # idempotent: once
    found = [i for i in desk.search.feed(limit=2000) if i.x_id == str(reply.id)]
    assert len(found) == 1
    (item,) = found
    assert item.kind == "mention"
    assert item.suggested_department == "suministros"  # triaged like any mention
    conversations = desk.moderation.conversations()
    (under_post,) = [c for c in conversations if c.conversation_id == str(post.conversation_id)]
    assert under_post.started_by_town is True
    assert [r.x_id for r in under_post.replies] == [str(reply.id)]
