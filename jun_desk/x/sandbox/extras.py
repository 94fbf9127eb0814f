"""What real X sends that an ordinary day would not show: added in the day's last
half hour, so the rest of the day (and what tests count in it) stays as it was.

- an edited mention: two versions, each with ``edit_history_tweet_ids`` naming both
  (once the edit is out; until then the original names itself);
- a quote and a retweet of citizens' mentions (``referenced_tweets`` of type ``quoted`` and
  ``retweeted``);
- a video and an animated GIF (media keys ``7_…`` and ``16_…``, as X numbers media types);
- a reply to a tweet that has been deleted: its page carries ``errors`` beside ``data``
  (X's partial error: the referenced tweet cannot be found).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from jun_desk.x.sandbox.ids import snowflake
from jun_desk.x.sandbox.world import Scenario, Tweet

_SEQUENCE = 0x200000  # high sequence bits: never one of the day's own ids


def add_extras(scenario: Scenario, rng: random.Random) -> None:
    end = scenario.start + scenario.length
    people = scenario.citizens
    handle = scenario.desk.username
    mentions = sorted((t for t in scenario.tweets if t.mentions(handle)
                       and t.in_reply_to_id is None), key=lambda t: t.id)
    made: list[Tweet] = []
    counter = iter(range(_SEQUENCE, _SEQUENCE + 1000))

    def tweet(minutes_before_end: float, author: str, text: str, **kw: Any) -> Tweet:
        when = end - timedelta(minutes=minutes_before_end)
        new = Tweet(snowflake(when, next(counter)), author, text, when, 0, **kw)
        new.conversation_id = new.id
        made.append(new)
        return new

    first, second, third, fourth, fifth, sixth = rng.sample(people, 6)
    # An edited mention: the citizen corrects the street number five minutes later.
    original = tweet(28, first.id, f"@{handle} la farola del número 12 de calle Real lleva"
                                   " tres noches apagada")
    edited = tweet(23, first.id, f"@{handle} la farola del número 21 de calle Real lleva"
                                 " tres noches apagada (corrijo el número)")
    original.edit_history = edited.edit_history = [original.id, edited.id]
    edited.conversation_id = original.id
    # A quote and a retweet of earlier mentions.
    quoted = mentions[len(mentions) // 2]
    tweet(20, second.id, f"@{handle} en mi calle pasa exactamente lo mismo",
          references=[("quoted", quoted.id)])
    retweeted = mentions[len(mentions) // 3]
    author = scenario.users[retweeted.author_id].username
    tweet(17, third.id, f"RT @{author}: {retweeted.text}"[:280],
          references=[("retweeted", retweeted.id)])
    # A video and an animated GIF.
    video = tweet(14, fourth.id, f"@{handle} así está el río a su paso por el puente 🎥")
    video.media_keys = [f"7_{video.id}"]
    gif = tweet(11, fifth.id, f"@{handle} cuando por fin arreglan la farola")
    gif.media_keys = [f"16_{gif.id}"]
    # A reply to a tweet its author has since deleted: X cannot expand it.
    deleted = snowflake(end - timedelta(minutes=60), next(counter))
    tweet(8, sixth.id, f"@{handle} lo que decía este vecino es verdad", in_reply_to_id=deleted,
          in_reply_to_user_id=first.id).conversation_id = deleted
    scenario.tweets.extend(made)
    scenario.tweets.sort(key=lambda t: t.created_at)
    scenario.ids.seen(max(t.id for t in made))


def edit_history(tweet: Tweet, visible: dict[int, Tweet], now: datetime) -> list[str]:
    """The versions X names for a tweet: those already out."""
    chain = [i for i in tweet.edit_history if i in visible and visible[i].created_at <= now]
    return [str(i) for i in chain] if chain else [str(tweet.id)]


def references(tweet: Tweet) -> list[dict[str, str]]:
    out = [{"type": kind, "id": str(ref)} for kind, ref in tweet.references]
    if tweet.in_reply_to_id:
        out.append({"type": "replied_to", "id": str(tweet.in_reply_to_id)})
    return out


IMAGE_LIMIT = 5 * 1024 * 1024  # X: an image is at most 5 MB
_SIGNATURES = {"image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",),
               "image/pjpeg": (b"\xff\xd8\xff",), "image/webp": (b"RIFF",)}


def image_problem(data: bytes, media_type: str) -> str | None:
    """Why X would refuse ``data`` as an image of ``media_type`` (None: it takes it): an
    unknown type, too large, not that kind of file, or cut short (a PNG without its IEND
    chunk, a JPEG without its end marker)."""
    signatures = _SIGNATURES.get(media_type)
    if signatures is None:
        return f"media_type {media_type or '(none)'} is not supported for tweet_image"
    if len(data) > IMAGE_LIMIT:
        return f"File size exceeds {IMAGE_LIMIT} bytes."
    if not data.startswith(signatures):
        return "Media type unrecognized."
    whole = {"image/png": data.rstrip(b"\0").endswith(b"IEND\xaeB`\x82"),
             "image/webp": data[8:12] == b"WEBP"}.get(media_type,
                                                     data.rstrip(b"\0").endswith(b"\xff\xd9"))
    return None if whole else "Media is corrupt or truncated."
