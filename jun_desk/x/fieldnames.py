"""The two generations of X's field names, and the translation between them.

X's documentation and tweepy speak of *tweets*: ``tweet.fields``, the expansion
``referenced_tweets.id``, and answers with ``referenced_tweets``, ``edit_history_tweet_ids``,
``note_tweet`` and ``includes.tweets``. X's own SDK (xdk 0.10) and its newer OpenAPI
document speak of *posts*: ``post.fields``, the expansion ``referenced_posts``, and answers
with ``referenced_posts``, ``edit_history_post_ids``, ``note_post`` and ``includes.posts``.
In the newer vocabulary who wrote a post, what it refers to and whom it answers are asked
for with expansions, not fields; so are a DM's sender and its referenced posts.

The desk speaks the documented generation. When X answers 400 naming one of those names
as unknown, the transport switches to the newer generation: it rewrites the query of every
request (:func:`to_post_params`) and the body of every answer back (:func:`to_tweet_body`),
so the rest of the desk never sees the difference. The sandbox uses the same tables the
other way round to play an X that knows only the newer names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TWEET = "tweet"  # the documented generation (X's docs, tweepy, OpenAPI 2.159)
POST = "post"  # X's SDK xdk 0.10 and OpenAPI 2.167
GENERATIONS = (TWEET, POST)

# A 400 naming one of these as unknown means "X speaks the post generation".
TWEET_ONLY_PARAMETERS = frozenset({"tweet.fields"})

# tweet.fields values that became expansions (or vanished) in the post generation.
_TWEET_FIELD_TO_EXPANSION = {"author_id": "author_id", "referenced_tweets": "referenced_posts",
                             "in_reply_to_user_id": "in_reply_to_user_id",
                             "edit_history_tweet_ids": None}
_TWEET_FIELD_RENAMES = {"note_tweet": "note_post"}
_EXPANSION_RENAMES = {"referenced_tweets.id": "referenced_posts",
                      "edit_history_tweet_ids": "edit_history_post_ids",
                      "referenced_tweets.id.author_id": None,
                      "referenced_tweets.id.attachments.media_keys": None,
                      "entities.note.mentions.username": None}
_DM_FIELD_TO_EXPANSION = {"sender_id": "sender_id", "participant_ids": "participant_ids",
                          "referenced_tweets": "referenced_posts"}

# Keys of answer objects, post generation → documented generation.
BODY_RENAMES = {"edit_history_post_ids": "edit_history_tweet_ids",
                "referenced_posts": "referenced_tweets", "note_post": "note_tweet",
                "most_recent_post_id": "most_recent_tweet_id",
                "pinned_post_id": "pinned_tweet_id"}
_INCLUDES_RENAMES = {"posts": "tweets"}


def _split(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v for v in str(value).split(",") if v]


def to_post_params(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A documented-generation query, rewritten in the post generation's names."""
    if params is None:
        return None
    out = {k: v for k, v in params.items()
           if k not in ("tweet.fields", "expansions", "dm_event.fields")}
    expansions: list[str] = []
    for value in _split(params.get("expansions", "")):
        renamed = _EXPANSION_RENAMES.get(value, value)
        if renamed:
            expansions.append(renamed)
    if "tweet.fields" in params:
        fields = []
        for value in _split(params["tweet.fields"]):
            if value in _TWEET_FIELD_TO_EXPANSION:
                if (expansion := _TWEET_FIELD_TO_EXPANSION[value]) is not None:
                    expansions.append(expansion)
            else:
                fields.append(_TWEET_FIELD_RENAMES.get(value, value))
        out["post.fields"] = ",".join(fields)
    if "dm_event.fields" in params:
        fields = []
        for value in _split(params["dm_event.fields"]):
            if value in _DM_FIELD_TO_EXPANSION:
                expansions.append(_DM_FIELD_TO_EXPANSION[value])
            else:
                fields.append(value)
        out["dm_event.fields"] = ",".join(fields)
    if expansions:
        out["expansions"] = ",".join(dict.fromkeys(expansions))  # once each, in order
    return out


def _rename(value: Any, renames: Mapping[str, str], includes: Mapping[str, str]) -> Any:
    if isinstance(value, list):
        return [_rename(v, renames, includes) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, inner in value.items():
        if key == "includes" and isinstance(inner, dict):
            out[key] = {includes.get(k, k): _rename(v, renames, includes)
                        for k, v in inner.items()}
        else:
            out[renames.get(key, key)] = _rename(inner, renames, includes)
    return out


def to_tweet_body(body: Any) -> Any:
    """An answer in the post generation's names, as the documented generation says it."""
    return _rename(body, BODY_RENAMES, _INCLUDES_RENAMES)


def to_post_body(body: Any) -> Any:
    """The other way round (the sandbox playing an X that speaks of posts)."""
    return _rename(body, {v: k for k, v in BODY_RENAMES.items()},
                   {v: k for k, v in _INCLUDES_RENAMES.items()})


def _named(body: dict[str, Any]) -> list[tuple[str, list[str], str]]:
    """(parameter, values, message) a 400 body names: X's ``errors[].parameters``, or the
    newer generation's ``parameter``/``value`` at the top."""
    named = []
    for error in body.get("errors") or []:
        parameters = error.get("parameters") if isinstance(error, dict) else None
        for parameter, values in (parameters or {}).items():
            values = values if isinstance(values, list) else [values]
            named.append((str(parameter), [v for value in values for v in _split(value)],
                          str(error.get("message", ""))))
    if not named and isinstance(body.get("parameter"), str):
        named.append((body["parameter"], _split(body.get("value") or ""), ""))
    return named


def names_unknown_parameter(body: Any, generation: str = TWEET) -> str | None:
    """What a 400 body says X does not know, when it is a name of ``generation``: the
    parameter ``tweet.fields`` (``post.fields``) itself, or a value of ``expansions`` /
    ``dm_event.fields`` only that generation has (not a wrong value of a known parameter)."""
    if not isinstance(body, dict):
        return None
    if generation == TWEET:
        parameters = TWEET_ONLY_PARAMETERS
        known = {"expansions": set(_EXPANSION_RENAMES),
                 "dm_event.fields": set(_DM_FIELD_TO_EXPANSION)}
    else:
        parameters = frozenset({"post.fields"})
        known = {"expansions": {"referenced_posts", "edit_history_post_ids"}}
    for parameter, values, message in _named(body):
        if parameter in parameters and (not message or f"parameter [{parameter}]" in message):
            return parameter
        for value in values:
            if value in known.get(parameter, ()) and (not message or f"[{value}]" in message):
                return f"{parameter}={value}"
    return None
