"""Announcements: the town's own posts (news, outages, the school lunch menu).

Pure Python. An announcement is a thread of 1..n posts, each within X's length
(``tweet_length``: twitter-text's weighted count). A long text is split into a numbered
thread (" 1/3" at each post's end) at sentence boundaries, never inside a word, a URL
kept whole. Its life:

    draft ──submit──▶ pending ──approve──▶ approved ──schedule/publish──▶ scheduled
      ▲  ▲               │                                                   │
      │  └──edit── returned ◀──return (a comment)                  the sender takes it
      │                                                                      ▼
      └──────── edit (before anything left: back to a draft)        publishing ──▶ published
    any state before "publishing" ──cancel──▶ cancelled

When X refuses one post of a thread for good (a duplicate, a 403), the thread is *stuck*
there: the later posts wait. A supervisor then retries from that post (its text edited or
not; it replies to the last post on X) or stops the thread there: the rest cancelled, the
announcement "partial" (published in part), or "cancelled" when nothing had left.

Schedule times are typed in the town's time (Europe/Madrid) and stored in UTC; a local time
that does not exist (the spring-forward hour) is refused, an ambiguous one (the autumn hour
that happens twice) is its first occurrence; a slot in the past is refused. No function here
reads a clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from jun_desk.domain.costs import Kind, PriceTable, write_kind
from jun_desk.domain.errors import InvalidTransitionError, ValidationError
from jun_desk.domain.text import clean_text
from jun_desk.domain.tweet_length import MAX_WEIGHTED_LENGTH, weighted_length

MAX_POSTS = 25  # X threads have no limit; a town notice longer than this is a mistake
POST_ENDPOINT = "POST /2/tweets"


class State(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"  # waiting for a supervisor's approval
    APPROVED = "approved"
    SCHEDULED = "scheduled"  # in the outbox, due at its slot (or now)
    PUBLISHING = "publishing"  # its first post is on X, the rest follow
    PUBLISHED = "published"
    PARTIAL = "partial"  # a thread stopped after X refused a post: what went out stays
    RETURNED = "returned"  # a supervisor sent it back with a comment
    CANCELLED = "cancelled"


EDITABLE = frozenset({State.DRAFT, State.PENDING, State.RETURNED, State.APPROVED,
                      State.SCHEDULED})
CANCELLABLE = EDITABLE
LEFT = frozenset({State.PUBLISHING, State.PUBLISHED,
                  State.PARTIAL})  # something is on X already
STUCK_STATES = frozenset({State.SCHEDULED, State.PUBLISHING})  # where a post may be refused

_NEXT: Mapping[str, frozenset[State]] = {
    "submit": frozenset({State.DRAFT, State.RETURNED}),
    "approve": frozenset({State.PENDING}),
    "return": frozenset({State.PENDING, State.APPROVED}),
    "schedule": frozenset({State.APPROVED, State.SCHEDULED}),
    # a supervisor publishes directly, approval included
    "publish": frozenset({State.DRAFT, State.PENDING, State.RETURNED, State.APPROVED,
                          State.SCHEDULED}),
    "edit": EDITABLE,
    "cancel": CANCELLABLE,
    "retry": STUCK_STATES,
    "stop": STUCK_STATES,
}


def require_state(step: str, state: State, number: int) -> None:
    """Refuse ``step`` on an announcement in ``state``, naming what it may do."""
    allowed = _NEXT[step]
    if state not in allowed:
        raise InvalidTransitionError.of(
            "announcement.state", number=number, ann_step=step, ann_state=state.value,
            ann_states=sorted(s.value for s in allowed))


def refused_post(statuses: Sequence[tuple[int, str | None]]) -> int | None:
    """The position of the post X refused for good (its outbox item "failed"), given each
    post's (position, outbox status); None when the thread is not stuck."""
    return next((position for position, status in sorted(statuses) if status == "failed"),
                None)


# ---------------------------------------------------------------------- splitting
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_PARAGRAPH = re.compile(r"\n\s*\n")


def numbering(index: int, total: int) -> str:
    return f" {index}/{total}"


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        out += [s.strip() for s in _SENTENCE_END.split(paragraph.strip()) if s.strip()]
    return out


def _pieces(sentence: str, room: int) -> list[str]:
    """A sentence that does not fit cut at spaces (never inside a word or a URL)."""
    if weighted_length(sentence) <= room:
        return [sentence]
    words = sentence.split()
    out: list[str] = []
    current = ""
    for word in words:
        if weighted_length(word) > room:
            raise ValidationError.of("announcement.word_too_long", word=word[:40],
                                     limit=room)
        candidate = f"{current} {word}" if current else word
        if weighted_length(candidate) <= room:
            current = candidate
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    return out


def _pack(text: str, room: int) -> list[str]:
    posts: list[str] = []
    current = ""
    for sentence in _sentences(text):
        for piece in _pieces(sentence, room):
            candidate = f"{current} {piece}" if current else piece
            if weighted_length(candidate) <= room:
                current = candidate
            else:
                posts.append(current)
                current = piece
    if current:
        posts.append(current)
    return posts


def split_thread(text: str, limit: int = MAX_WEIGHTED_LENGTH) -> list[str]:
    """``text`` as the posts of a thread: one post when it fits, else numbered posts cut at
    sentence ends (then at spaces), each with its " i/n" within ``limit``."""
    text = clean_text(text).strip()
    if not text:
        raise ValidationError.of("announcement.empty")
    if weighted_length(text) <= limit:
        return [text]
    total = 9
    for _round in range(4):  # the count's width decides the room, the room the count
        room = limit - weighted_length(numbering(total, total))
        posts = _pack(text, room)
        if len(str(len(posts))) <= len(str(total)):
            break
        total = 10 ** len(str(len(posts))) - 1
    n = len(posts)
    if n > MAX_POSTS:
        raise ValidationError.of("announcement.too_many_posts", count=n, limit=MAX_POSTS)
    return [f"{post}{numbering(i, n)}" for i, post in enumerate(posts, 1)]


POST_BREAK = "---"  # a line of its own between posts written one by one


def thread_of(text: str) -> list[str]:
    """The posts of what a person typed: posts written one by one (a line ``---`` between
    them) as they are, each checked; any other text split as ``split_thread`` does."""
    lines = clean_text(text).split("\n")
    if not any(line.strip() == POST_BREAK for line in lines):
        return split_thread(text)
    posts: list[list[str]] = [[]]
    for line in lines:
        if line.strip() == POST_BREAK:
            posts.append([])
        else:
            posts[-1].append(line)
    return checked_posts(["\n".join(p) for p in posts])


def unnumbered(posts: Sequence[str]) -> str:
    """The text to edit a thread again: a split one as the text it came from (its " i/n"
    taken off), posts written one by one with a ``---`` line between them."""
    n = len(posts)
    marks = [numbering(i, n) for i in range(1, n + 1)]
    if n > 1 and all(p.endswith(m) for p, m in zip(posts, marks, strict=True)):
        return " ".join(p[: -len(m)] for p, m in zip(posts, marks, strict=True))
    return f"\n{POST_BREAK}\n".join(posts)


def checked_posts(posts: Sequence[str]) -> list[str]:
    """Posts as they will be stored, or which one is wrong (1-based)."""
    cleaned = [clean_text(p).strip() for p in posts]
    cleaned = [p for p in cleaned if p]
    if not cleaned:
        raise ValidationError.of("announcement.empty")
    if len(cleaned) > MAX_POSTS:
        raise ValidationError.of("announcement.too_many_posts", count=len(cleaned),
                                 limit=MAX_POSTS)
    for index, post in enumerate(cleaned, 1):
        length = weighted_length(post)
        if length > MAX_WEIGHTED_LENGTH:
            raise ValidationError.of("announcement.post_too_long", post=index, length=length,
                                     limit=MAX_WEIGHTED_LENGTH)
    return cleaned


# ---------------------------------------------------------------------- costs
@dataclass(frozen=True, slots=True)
class CostEstimate:
    posts: int
    with_link: int
    micro: int


def estimate(posts: Sequence[str], prices: PriceTable) -> CostEstimate:
    """What X will bill for publishing ``posts``: each post a write, a post with a URL at
    the dearer price."""
    kinds = [write_kind(POST_ENDPOINT, p) for p in posts]
    links = sum(1 for k in kinds if k is Kind.WRITE_POST_URL)
    counts = {Kind.WRITE_POST: len(kinds) - links, Kind.WRITE_POST_URL: links}
    return CostEstimate(len(kinds), links, prices.cost(counts))


def over_budget(cost_micro: int, month_spent_micro: int, monthly_budget_micro: int) -> bool:
    """Whether publishing would take the month's spend above the budget (0: no budget)."""
    return bool(monthly_budget_micro) and month_spent_micro + cost_micro > monthly_budget_micro


# ---------------------------------------------------------------------- schedule
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def local_slot(day: date, at: time, zone: tzinfo) -> datetime:
    """The UTC instant of ``day`` ``at`` in the town's time. The spring-forward hour does
    not exist (refused); the autumn hour that happens twice is its first occurrence."""
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    aware = naive.replace(tzinfo=zone)
    back = aware.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != naive:
        raise ValidationError.of("announcement.slot_nonexistent",
                                 slot=f"{day.isoformat()} {at:%H:%M}")
    return aware.astimezone(UTC)


def parse_slot(text: str, zone: tzinfo) -> datetime:
    """'2026-12-14 09:00' (the town's time) as a UTC instant, or which part is wrong."""
    parts = text.strip().replace("T", " ").split()
    day_match = _DATE.fullmatch(parts[0]) if len(parts) == 2 else None
    time_match = _TIME.fullmatch(parts[1]) if len(parts) == 2 else None
    if day_match is None or time_match is None:
        raise ValidationError.of("announcement.slot_format", value=text)
    y, m, d = (int(g) for g in day_match.groups())
    hh, mm = (int(g) for g in time_match.groups())
    try:
        day, at = date(y, m, d), time(hh, mm)
    except ValueError:
        raise ValidationError.of("announcement.slot_format", value=text) from None
    return local_slot(day, at, zone)


def check_slot(slot: datetime, now: datetime, zone: tzinfo) -> datetime:
    """``slot`` (aware) in UTC, refused when it is already past."""
    if slot.tzinfo is None:
        raise ValueError("a slot must be an aware datetime")
    slot = slot.astimezone(UTC)
    if slot <= now:
        raise ValidationError.of("announcement.slot_past",
                                 slot=f"{slot.astimezone(zone):%Y-%m-%d %H:%M}",
                                 now=f"{now.astimezone(zone):%Y-%m-%d %H:%M}")
    return slot


class MissedSlot(StrEnum):
    """What happens to a post whose slot passed while every desk was off (a setting)."""

    LATE = "late"  # published late, with a warning in the history
    HOLD = "hold"  # back to a supervisor for approval


MISSED_GRACE = timedelta(minutes=15)  # later than this after its slot, a post "missed" it


def missed(slot: datetime | None, now: datetime, grace: timedelta = MISSED_GRACE) -> bool:
    return slot is not None and now - slot > grace
