"""The sandbox's moderation endpoints through the desk's XClient (the real tweepy client)."""

from __future__ import annotations

import pytest

from jun_desk.x.client import XClient
from jun_desk.x.errors import XApiError
from jun_desk.x.sandbox.moderation_day import SPAM
from jun_desk.x.sandbox.server import Sandbox


def _desk_posts(sandbox: Sandbox) -> list:
    return [t for t in sandbox.state.tweets if t.author_id == sandbox.scenario.desk.id
            and t.in_reply_to_id is None]


def _reply_under_town_post(sandbox: Sandbox):
    posts = {p.id for p in _desk_posts(sandbox)}
    return next(t for t in sandbox.state.tweets if t.conversation_id in posts
                and t.in_reply_to_id is not None and SPAM in t.text)


def test_hide_and_unhide_a_reply_under_a_town_post(sandbox: Sandbox, client: XClient) -> None:
    reply = _reply_under_town_post(sandbox)
    assert client.hide_reply(str(reply.id)) is True
    assert reply.id in sandbox.state.hidden
    assert client.hide_reply(str(reply.id), hidden=False) is False
    assert reply.id not in sandbox.state.hidden


def test_hiding_a_reply_in_a_citizens_conversation_is_refused(sandbox: Sandbox,
                                                               client: XClient) -> None:
    desk = sandbox.scenario.desk.id
    other = next(t for t in sandbox.state.tweets if t.in_reply_to_id is not None
                 and sandbox.state.tweets_by_id.get(t.conversation_id) is not None
                 and sandbox.state.tweets_by_id[t.conversation_id].author_id != desk)
    with pytest.raises(XApiError) as refused:
        client.hide_reply(str(other.id))
    assert "conversations you authored" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert other.id not in sandbox.state.hidden


def test_hiding_a_tweet_that_is_gone_is_refused(sandbox: Sandbox, client: XClient) -> None:
    with pytest.raises(XApiError) as refused:
        client.hide_reply("1460323737035677698")
    assert "Could not find tweet" in str(refused.value)


def test_mute_unmute_and_list(sandbox: Sandbox, client: XClient) -> None:
    reply = _reply_under_town_post(sandbox)
    assert client.mute(reply.author_id) is True
    assert [u.x_id for u in client.muted()] == [reply.author_id]
    assert client.mute(reply.author_id, muted=False) is False
    assert client.muted() == []


def test_muting_yourself_is_refused(sandbox: Sandbox, client: XClient) -> None:
    with pytest.raises(XApiError) as refused:
        client.mute(sandbox.scenario.desk.id)
    assert "cannot mute yourself" in str(refused.value)
    assert sandbox.state.muted == set()


def test_blocks_are_listed_and_read_only(sandbox: Sandbox, client: XClient) -> None:
    blocked = {u.x_id for u in client.blocked()}
    assert blocked == set(sandbox.scenario.blocked) and len(blocked) == 2
    # API v2 has no endpoint that blocks: the sandbox answers 404 as X does
    with pytest.raises(XApiError):
        client._call(client._tweepy.request, "POST",
                     f"/2/users/{sandbox.scenario.desk.id}/blocking",
                     json={"target_user_id": next(iter(blocked))}, user_auth=True)


def test_delete_only_own_posts(sandbox: Sandbox, client: XClient) -> None:
    post = _desk_posts(sandbox)[0]
    reply = _reply_under_town_post(sandbox)
    with pytest.raises(XApiError) as refused:
        client.delete_tweet(str(reply.id))
    assert "not yours" in str(refused.value)
    assert client.delete_tweet(str(post.id)) is True
    with pytest.raises(XApiError):
        client.delete_tweet(str(post.id))
