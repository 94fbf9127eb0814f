"""The real tweepy client against the sandbox, endpoint by endpoint, as X answers."""

from __future__ import annotations

import math

import pytest
import requests
import tweepy

from jun_desk.domain.items import ItemKind
from jun_desk.secrets import XCredentials
from jun_desk.ui.error_texts import render  # the window's wording (Spanish)
from jun_desk.x.client import MENTIONS, XClient
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sandbox.server import Sandbox
from tests.x.conftest import scenario_dm_ids, scenario_mention_versions


def test_me(client: XClient) -> None:
    me = client.me()
    assert (me.handle, me.name, me.verified) == ("AytoJun", "Ayuntamiento de Jun", True)


def test_mentions_pages_cover_the_day_without_gap_or_overlap(client: XClient,
                                                             sandbox: Sandbox) -> None:
    me = client.me()
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        page = client.mentions(me.x_id, pagination_token=token, max_results=50)
        pages += 1
        ids = [i.x_id for i in page.items]
        assert ids == sorted(ids, key=int, reverse=True)  # newest first, like X
        seen += ids
        token = page.next_token
        if token is None:
            break
    assert len(seen) == len(set(seen)) == len(scenario_mention_versions(sandbox)) >= 300
    assert set(seen) == scenario_mention_versions(sandbox)
    assert pages == math.ceil(len(seen) / 50)


def test_mention_payload_has_requested_fields_and_expansions(client: XClient) -> None:
    # cost-minimal by default: only the tweets (each expansion is billed by X)
    assert client.mentions(client.me().x_id, max_results=100).users == []
    client.expand_authors = True
    page = client.mentions(client.me().x_id, max_results=100)
    item = page.items[0]
    assert item.kind is ItemKind.MENTION and item.created_at.tzinfo is not None
    raw = item.raw
    assert raw["edit_history_tweet_ids"] == [raw["id"]]
    assert {"author_id", "created_at", "conversation_id"} <= set(raw)
    authors = {u.x_id: u for u in page.users}
    assert all(i.author_x_id in authors for i in page.items)
    assert all(u.profile_image_url for u in page.users)
    replies = [i for i in page.items if i.in_reply_to_x_id]
    assert replies and all(i.conversation_id != i.x_id for i in replies)


def test_since_id_returns_only_newer(client: XClient) -> None:
    me = client.me()
    first = client.mentions(me.x_id, max_results=100)
    middle = first.items[10].x_id
    newer = client.mentions(me.x_id, since_id=middle, max_results=100)
    assert [i.x_id for i in newer.items] == [i.x_id for i in first.items[:10]]
    assert newer.newest_id == first.newest_id
    nothing = client.mentions(me.x_id, since_id=first.newest_id)
    assert nothing.items == [] and nothing.next_token is None and nothing.newest_id is None


def test_dm_events(client: XClient, sandbox: Sandbox) -> None:
    seen, token = [], None
    while True:
        page = client.dm_events(pagination_token=token, max_results=40)
        seen += page.items
        token = page.next_token
        if token is None:
            break
    assert {i.x_id for i in seen} == scenario_dm_ids(sandbox)
    assert len({i.conversation_id for i in seen}) >= 60
    assert all(i.kind is ItemKind.DM_IN and i.conversation_id for i in seen)


def test_reply_appears_in_own_timeline_and_duplicate_is_refused(client: XClient) -> None:
    me = client.me()
    mention = client.mentions(me.x_id).items[0]
    tweet_id = client.reply("Gracias por avisar, lo pasamos a Obras.", mention.x_id)
    own = client.user_tweets(me.x_id).items
    assert own[0].x_id == tweet_id and own[0].kind is ItemKind.REPLY_OUT
    assert own[0].in_reply_to_x_id == mention.x_id
    with pytest.raises(XApiError) as caught:
        client.reply("Gracias por avisar, lo pasamos a Obras.", mention.x_id)
    assert caught.value.failure is Failure.FORBIDDEN
    assert "duplicate content" in caught.value.detail


def test_send_dm_is_seen_in_dm_events(client: XClient) -> None:
    me = client.me()
    citizen = client.dm_events().items[0].author_x_id
    event_id = client.send_dm(citizen, "Hola, ¿nos indica la dirección exacta?")
    newest = client.dm_events().items
    sent = next(i for i in newest if i.x_id == event_id)
    assert sent.kind is ItemKind.DM_OUT and sent.author_x_id == me.x_id


def test_users_lookup(client: XClient, sandbox: Sandbox) -> None:
    some = [u.id for u in sandbox.scenario.citizens[:3]]
    users = client.users([*some, "999999"])
    assert [u.x_id for u in users] == some


def test_bad_credentials_get_401_like_x(sandbox: Sandbox) -> None:
    wrong = XCredentials("nope", "nope", "nope", "nope")
    bad = XClient(wrong, api_base=sandbox.base_url)
    with pytest.raises(XApiError) as caught:
        bad.me()
    assert caught.value.failure is Failure.AUTH
    assert "401" in render(caught.value) and "credenciales" in render(caught.value)
    assert "nope" not in str(caught.value)
    raw = requests.get(f"{sandbox.base_url}/2/users/me", timeout=5)
    assert raw.status_code == 401
    assert raw.json() == {"title": "Unauthorized", "detail": "Unauthorized",
                          "type": "about:blank", "status": 401}


def test_tampered_signature_and_replayed_nonce_are_refused(sandbox: Sandbox) -> None:
    good = XClient(sandbox.credentials, api_base=sandbox.base_url)
    seen: list[requests.PreparedRequest] = []
    good.session.hooks["response"].append(lambda r, *a, **k: seen.append(r.request))
    good.me()
    replay = requests.Session().send(seen[0])
    assert replay.status_code == 401
    tampered = seen[0].copy()
    tampered.url = tampered.url.replace("users/me", "users/me?x=1")
    assert requests.Session().send(tampered).status_code == 401


def test_app_only_auth_is_refused_with_xs_reason(sandbox: Sandbox) -> None:
    bearer = tweepy.Client(bearer_token="AAAA", return_type=dict)
    from jun_desk.x.transport import RebasedSession

    bearer.session = RebasedSession(sandbox.base_url)
    with pytest.raises(tweepy.Forbidden) as caught:
        bearer.get_users_mentions(sandbox.scenario.desk.id)
    assert "OAuth 2.0 Application-Only is forbidden" in str(caught.value)
    assert caught.value.response.json()["title"] == "Unsupported Authentication"


def test_invalid_parameter_is_a_400_with_xs_shape(sandbox: Sandbox, client: XClient) -> None:
    with pytest.raises(XApiError) as caught:
        client.mentions(client.me().x_id, max_results=1000)
    assert caught.value.failure is Failure.BAD_REQUEST
    assert "not between 5 and 100" in caught.value.detail


def test_rate_limit_headers_and_a_real_429(client: XClient) -> None:
    with Sandbox(speed=math.inf, limits={MENTIONS: 3}) as small:
        c = XClient(small.credentials, api_base=small.base_url)
        me = c.me()
        for _ in range(3):
            c.mentions(me.x_id)
        window = c.budget.window(MENTIONS)
        assert (window.limit, window.remaining) == (3, 0)
        assert c.budget.delay(MENTIONS) > 60  # the poller would wait for the reset
        with pytest.raises(XApiError) as caught:
            c.mentions(me.x_id)
        assert caught.value.failure is Failure.RATE_LIMITED
        assert 0 < caught.value.retry_after <= 901
        assert small.state.stats.rate_limited == 1
