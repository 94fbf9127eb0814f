"""The sandbox answers as X's published specification says, and the desk copes with what
real X sends: refusals naming the parameter, the wall clock, the 24-hour post cap, edited
tweets, quotes, retweets, video and GIF, partial errors, and X's newer field names."""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime, timedelta

import pytest
import requests
from tweepy import OAuth1UserHandler

from jun_desk.services.desk import Desk
from jun_desk.ui.error_texts import render  # the window's wording (Spanish)
from jun_desk.x.client import XClient
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.fieldnames import POST, TWEET
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids


def raw(client: XClient, method: str, route: str, **kwargs):  # type: ignore[no-untyped-def]
    """A request signed like tweepy's, but sent as given (what the desk never sends)."""
    keys = client._tweepy
    auth = OAuth1UserHandler(keys.consumer_key, keys.consumer_secret, keys.access_token,
                             keys.access_token_secret).apply_auth()
    return requests.Session().request(method, client.api_base + route, auth=auth, timeout=5,
                                      **kwargs)


@pytest.mark.parametrize("params, parameter, message", [
    ({"colour": "blue"}, "colour", "The query parameter [colour] is not one of"),
    ({"tweet.fields": "id,colour"}, "tweet.fields",
     "The `tweet.fields` query parameter value [colour] is not one of"),
    ({"expansions": "author_id,colour"}, "expansions",
     "The `expansions` query parameter value [colour] is not one of"),
])
def test_unknown_query_parameter_or_value_is_a_400_naming_it(
        client: XClient, params: dict, parameter: str, message: str) -> None:
    me = client.me()
    answer = raw(client, "GET", f"/2/users/{me.x_id}/mentions", params=params)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert answer.headers["x-rate-limit-remaining"].isdigit()  # budget headers on a 400 too
    error = answer.json()["errors"][0]
    assert list(error["parameters"]) == [parameter] and message in error["message"]
    with pytest.raises(XApiError) as caught:  # the desk's message names the parameter
        client._call(client._tweepy.request, "GET", f"/2/users/{me.x_id}/mentions",
                     params=params, user_auth=True)
    assert caught.value.failure is Failure.BAD_REQUEST
    assert "[colour]" in render(caught.value) and "(400)" in render(caught.value)


def test_unknown_event_type_is_refused(client: XClient) -> None:
    answer = raw(client, "GET", "/2/dm_events", params={"event_types": "MessageCreate,Chat"})
    assert answer.status_code == 400 and "[Chat]" in answer.json()["errors"][0]["message"]


@pytest.mark.parametrize("body, content_type, message", [
    (b'{"text": "Hola", "colour": "blue"}', "application/json", "$.colour: is not defined"),
    (b'{"text": "Hola", "reply": {"in_reply_to_tweet_id": "1", "x": 1}}', "application/json",
     "$.reply.x: is not defined"),
    (b'{"text": "Hola"}', "text/plain", "must be application/json"),
    (b"text=Hola", "application/x-www-form-urlencoded", "must be application/json"),
])
def test_post_body_must_be_json_without_extra_properties(
        client: XClient, sandbox: Sandbox, body: bytes, content_type: str, message: str) -> None:
    before = len(sandbox.state.tweets)
    answer = raw(client, "POST", "/2/tweets", data=body, headers={"Content-Type": content_type})
    assert answer.status_code == 400 and message in answer.json()["errors"][0]["message"]
    assert len(sandbox.state.tweets) == before


@pytest.mark.parametrize("generation", [TWEET, POST])
def test_a_reply_to_a_numeric_id_is_a_400_naming_the_field(generation: str) -> None:
    """X's schema says a tweet id is a string of digits: a JSON number is X's 400 naming
    ``$.reply.in_reply_to_tweet_id`` in X's words, not a 403 "deleted or not visible", and
    nothing is posted — even when the number is a tweet that exists."""
    with Sandbox(speed=math.inf, generation=generation) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        existing = int(client.mentions(client.me().x_id).items[0].x_id)
        before = len(sandbox.state.tweets)
        for reply_to in (123456789, existing):
            answer = raw(client, "POST", "/2/tweets",
                         json={"text": "Hola", "reply": {"in_reply_to_tweet_id": reply_to}})
            assert answer.status_code == 400
            assert answer.headers["Content-Type"].startswith("application/problem+json")
            body = answer.json()
            assert body["errors"] == [{
                "parameters": {"$.reply.in_reply_to_tweet_id": [str(reply_to)]},
                "message": "$.reply.in_reply_to_tweet_id: integer found, string expected"}]
            assert body["title"] == "Invalid Request" and body["type"].endswith(
                "/2/problems/invalid-request")
            if generation == POST:  # the newer problem names it at the top too
                assert body["parameter"] == "$.reply.in_reply_to_tweet_id"
                assert body["value"] == str(reply_to)
        assert len(sandbox.state.tweets) == before
        client.close()


@pytest.mark.parametrize("body, errors", [
    ({"text": "Hola", "reply": {}},
     [("$.reply", "{}", "$.reply.in_reply_to_tweet_id: is missing but it is required")]),
    ({"text": "Hola", "reply": {"in_reply_to_tweet_id": "12a", "auto_populate_reply_metadata":
                                "yes", "exclude_reply_user_ids": [1]}},
     [("$.reply.in_reply_to_tweet_id", "12a",
       "$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$"),
      ("$.reply.auto_populate_reply_metadata", "yes",
       "$.reply.auto_populate_reply_metadata: string found, boolean expected"),
      ("$.reply.exclude_reply_user_ids[0]", "1",
       "$.reply.exclude_reply_user_ids[0]: integer found, string expected")]),
    ({"text": None}, [("$.text", "null", "$.text: null found, string expected")]),
    ({"text": "Hola", "poll": {"options": ["a"], "duration_minutes": 1}},
     [("$.poll.options", '["a"]', "$.poll.options: there must be a minimum of 2 items in the "
                                  "array"),
      ("$.poll.duration_minutes", "1", "$.poll.duration_minutes: must have a minimum value of "
                                       "5")]),
])
def test_every_wrong_member_of_a_tweets_body_is_named(
        client: XClient, sandbox: Sandbox, body: dict, errors: list) -> None:
    before = len(sandbox.state.tweets)
    answer = raw(client, "POST", "/2/tweets", json=body)
    assert answer.status_code == 400
    assert [(next(iter(e["parameters"])), next(iter(e["parameters"].values()))[0],
             e["message"]) for e in answer.json()["errors"]] == errors
    assert len(sandbox.state.tweets) == before


def test_refusals_carry_rate_headers_and_401_is_a_problem(client: XClient,
                                                          sandbox: Sandbox) -> None:
    answer = raw(client, "POST", "/2/tweets", json={"text": "Hola",
                                                    "reply": {"in_reply_to_tweet_id": "12345"}})
    assert answer.status_code == 403
    assert answer.json()["detail"] == ("You attempted to reply to a Tweet that is deleted or "
                                       "not visible to you.")
    assert {"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
            "x-user-limit-24hour-remaining"} <= {k.lower() for k in answer.headers}
    unauthorized = requests.get(f"{sandbox.base_url}/2/users/me", timeout=5)
    assert unauthorized.status_code == 401
    assert unauthorized.headers["Content-Type"] == "application/problem+json"


def test_a_reply_is_stamped_now_and_found_by_the_outbox_lookup(client: XClient) -> None:
    me = client.me()
    mention = client.mentions(me.x_id).items[0]
    before = datetime.now(UTC)
    reply_id = client.reply("Lo pasamos a Obras, gracias.", mention.x_id)
    after = datetime.now(UTC)
    own = client.user_tweets(me.x_id, start_time=datetime.now(UTC) - timedelta(minutes=5))
    (found,) = [i for i in own.items if i.x_id == reply_id]
    # the sandbox's clock is the wall clock (to the millisecond X writes; a second of slack
    # for the sandbox's monotonic clock drifting from the wall clock)
    assert before - timedelta(seconds=1) <= found.created_at <= after + timedelta(seconds=1)
    assert found.in_reply_to_x_id == mention.x_id


def test_the_day_ends_with_what_real_x_also_sends(client: XClient, sandbox: Sandbox) -> None:
    client.expand_authors = True  # the expansions X adds partial errors for
    me = client.me()
    page = client.mentions(me.x_id, max_results=100)
    raws = {i.x_id: i.raw for i in page.items}
    edited = [r for r in raws.values() if len(r["edit_history_tweet_ids"]) > 1]
    assert len(edited) == 2  # both versions, each naming both, oldest first
    assert edited[0]["edit_history_tweet_ids"] == edited[1]["edit_history_tweet_ids"] == \
        sorted((r["id"] for r in edited), key=int)
    kinds = {ref["type"] for r in raws.values() for ref in r.get("referenced_tweets", [])}
    assert {"quoted", "retweeted", "replied_to"} <= kinds
    assert any("Could not find tweet" in w for w in page.warnings)  # errors beside data
    media = requests_media(client, me.x_id)
    assert {"video", "animated_gif"} <= {m["type"] for m in media}
    assert all(m.get("preview_image_url") for m in media if m["type"] != "photo")
    # previous_token: on a page reached by a token, it leads back to the page before
    second = client._call(client._tweepy.get_users_mentions, me.x_id, max_results=50,
                          pagination_token=page.next_token, user_auth=True)
    back = client._call(client._tweepy.get_users_mentions, me.x_id, max_results=50,
                        pagination_token=second["meta"]["previous_token"], user_auth=True)
    assert [t["id"] for t in back["data"]] == [i.x_id for i in page.items[50:100]]


def requests_media(client: XClient, me_id: str) -> list[dict]:
    body = client._call(client._tweepy.get_users_mentions, me_id, max_results=100,
                        expansions=["attachments.media_keys"],
                        media_fields=["type", "url", "preview_image_url", "duration_ms"],
                        user_auth=True)
    return body["includes"]["media"]


def test_24_hour_cap_waits_for_its_reset_and_says_when_posting_resumes() -> None:
    with Sandbox(speed=math.inf, daily_limits={"POST /2/tweets": (1, 1667)}) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        me = client.me()
        mentions = client.mentions(me.x_id).items
        client.reply("Primera respuesta del día.", mentions[0].x_id)
        with pytest.raises(XApiError) as caught:
            client.reply("Segunda respuesta del día.", mentions[1].x_id)
        err = caught.value
        headers = client.session.last_headers
        assert int(headers["x-rate-limit-remaining"]) > 0  # X's 429 with the window unspent
        assert err.failure is Failure.RATE_LIMITED and err.transient
        reset = float(headers["x-user-limit-24hour-reset"])
        assert err.resumes_at == reset and err.retry_after > 86_000  # not 5 s
        resume = datetime.fromtimestamp(reset).astimezone()
        assert f"{resume:%H:%M}" in render(err) and "se podrá publicar" in render(err)
        assert "posting resumes at" in str(err) and err.code == "x.daily_cap"
        assert client.budget.delay("POST /2/tweets") > 86_000
        client.close()


# ---------------------------------------------------------------------------- generations
@pytest.mark.parametrize("generation", [TWEET, POST])
def test_sync_reads_the_same_day_in_either_generation_of_names(
        generation: str, desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    with Sandbox(speed=math.inf, generation=generation) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        with caplog.at_level(logging.WARNING, logger="jun_desk.x.transport"):
            report = SyncEngine(desk, client).sync_once()
        assert report.mentions.inserted == len(scenario_mention_ids(sandbox))
        assert report.dms.inserted == len(scenario_dm_ids(sandbox))
        switched = [r for r in caplog.records if "switching to its post.fields" in r.message]
        assert len(switched) == (1 if generation == POST else 0)
        assert client.session.generation == generation
        page = client.mentions(client.me().x_id, max_results=100)
        edited = [i for i in page.items if len(i.raw["edit_history_tweet_ids"]) > 1]
        replies = [i for i in page.items if i.in_reply_to_x_id]
        assert len(edited) == 2 and replies and all(i.author_x_id for i in page.items)
        # a new client for the same X remembers the names: no refused probe again
        refused = sandbox.state.stats.by_endpoint.get("GET /2/users/:id/mentions", 0)
        again = XClient(sandbox.credentials, api_base=sandbox.base_url)
        assert again.session.generation == generation
        again.mentions(again.me().x_id)
        assert sandbox.state.stats.by_endpoint["GET /2/users/:id/mentions"] == refused + 1
        client.close()
        again.close()


def test_post_generation_sandbox_knows_only_the_new_names(sandbox: Sandbox) -> None:
    with Sandbox(speed=math.inf, generation=POST) as new:
        client = XClient(new.credentials, api_base=new.base_url)
        me = client.me()
        old = raw(client, "GET", f"/2/users/{me.x_id}/mentions",
                  params={"tweet.fields": "author_id"})
        assert old.status_code == 400
        assert old.json()["type"] == "https://api.x.com/2/problems/invalid-request"
        assert old.json()["parameter"] == "tweet.fields"
        answer = raw(client, "GET", f"/2/users/{me.x_id}/mentions",
                     params={"post.fields": "created_at,note_post",
                             "expansions": "author_id,referenced_posts"})
        body = answer.json()
        assert answer.status_code == 200 and "posts" in body["includes"]
        assert all("edit_history_post_ids" in p and "author_id" in p for p in body["data"])
        assert any("referenced_posts" in p for p in body["data"])
        assert not any("referenced_tweets" in p for p in body["data"])
        client.close()


def test_switching_back_when_x_drops_the_new_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.x.transport import GenerationMemory

    with Sandbox(speed=math.inf) as sandbox:
        memory = GenerationMemory(tmp_path / "names.json")
        memory.set(sandbox.base_url, POST)  # remembered from an X that spoke of posts
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        client.session.memory = memory
        client.session.generation = POST
        page = client.mentions(client.me().x_id)
        assert page.items and client.session.generation == TWEET
        assert GenerationMemory(tmp_path / "names.json").get(sandbox.base_url) == TWEET
        client.close()


def test_a_newer_problem_without_errors_still_names_the_parameter() -> None:
    from jun_desk.x.errors import _x_reason

    answer = requests.Response()
    answer._content = (b'{"type": "https://api.x.com/2/problems/invalid-request", "title": '
                       b'"Invalid Request", "detail": "One or more parameters to your request '
                       b'was invalid.", "parameter": "post.fields", "value": "colour"}')
    assert _x_reason(answer).endswith("[post.fields=colour]")
