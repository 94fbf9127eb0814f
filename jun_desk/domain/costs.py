"""What X charges: pay-per-use prices, the resources a response bills, budgets and forecasts.

Pure Python. Reads are charged per resource returned (a post, a user, a DM event, a media
item), writes per request (a post, a post carrying a URL, a DM); X does not charge the same
resource twice within one UTC day. Money is kept in micro-dollars (integers) so sums are
exact; 1 $ = 1,000,000 µ$.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

MICRO = 1_000_000


class Kind(StrEnum):
    """What X bills, as named in resources/x_prices.toml (``read.*`` and ``write.*``)."""

    POST = "post"
    USER = "user"
    DM_EVENT = "dm_event"
    MEDIA = "media"
    OWNED_POST = "owned_post"  # the account's own posts ("owned reads")
    WRITE_POST = "write_post"
    WRITE_POST_URL = "write_post_with_url"
    WRITE_DM = "write_dm"

    @property
    def is_write(self) -> bool:
        return self.value.startswith("write_")


DEFAULT_PRICES_MICRO = {
    Kind.POST: 5_000, Kind.USER: 10_000, Kind.DM_EVENT: 10_000, Kind.MEDIA: 5_000,
    Kind.OWNED_POST: 1_000, Kind.WRITE_POST: 15_000, Kind.WRITE_POST_URL: 200_000,
    Kind.WRITE_DM: 15_000,
}


def to_micro(dollars: float | str) -> int:
    value = round(float(dollars) * MICRO)
    if value < 0:
        raise ValueError("a price or amount cannot be negative")
    return value


@dataclass(frozen=True)
class PriceTable:
    micro: Mapping[Kind, int] = field(default_factory=lambda: dict(DEFAULT_PRICES_MICRO))
    as_of: str = ""
    source: str = ""

    def price(self, kind: Kind) -> int:
        return self.micro[kind]

    def cost(self, counts: Mapping[Kind, int]) -> int:
        return sum(self.micro[k] * n for k, n in counts.items())

    @classmethod
    def load(cls, path: Path, overrides: Mapping[str, str] | None = None) -> PriceTable:
        """The dated defaults of ``path``; ``overrides`` (settings.ini ``[x_prices]``,
        keys like ``post_read`` or ``write_dm``) replace single prices."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        micro = dict(DEFAULT_PRICES_MICRO)
        for section, prefix in (("read", ""), ("write", "write_")):
            for name, value in (data.get(section) or {}).items():
                micro[Kind(prefix + name)] = to_micro(value)
        table = cls(micro, str(data.get("as_of", "")), str(data.get("source", "")))
        return table.with_overrides(overrides or {})

    def with_overrides(self, overrides: Mapping[str, str]) -> PriceTable:
        micro = dict(self.micro)
        for key, value in overrides.items():
            name = key.strip().lower()
            if name.endswith("_read"):
                name = name[:-5]
            elif not name.startswith("write_"):
                name = f"write_{name}" if name in ("post", "post_with_url", "dm") else name
            try:
                kind = Kind(name)
                micro[kind] = to_micro(value)
            except ValueError:
                raise ValueError(f"Unknown X price '{key}' or bad amount '{value}' "
                                 f"(known: {', '.join(k.value for k in Kind)})") from None
        return replace(self, micro=micro)


URL = re.compile(r"(?i)\bhttps?://\S|\b[a-z0-9-]+\.(?:com|es|org|net|gob\.es|eu|info)\b")


def write_kind(endpoint: str, text: str = "") -> Kind:
    """The write a POST is billed as: a DM, a post, or a post carrying a URL."""
    if "dm_conversations" in endpoint:
        return Kind.WRITE_DM
    return Kind.WRITE_POST_URL if URL.search(text or "") else Kind.WRITE_POST


def stream_of(endpoint: str) -> str:
    """The desk's name for what a request was for, as costs are reported."""
    if endpoint.endswith("/mentions") or endpoint == "GET /2/tweets":
        return "mentions"
    if endpoint.endswith("/tweets") and endpoint.startswith("GET"):
        return "own_tweets"
    if "dm_events" in endpoint:
        return "dms"
    if endpoint.startswith("GET /2/users"):
        return "users"
    if endpoint.startswith("POST /2/tweets"):
        return "replies"
    if "messages" in endpoint:
        return "dm_sends"
    return "other"


def billed_reads(endpoint: str, body: Any) -> list[tuple[Kind, str]]:
    """The resources a successful read returned, as (kind, id): what X bills for it.

    Posts in ``data`` and ``includes.tweets``, users in ``data`` (user endpoints) and
    ``includes.users``, DM events in ``data``, media in ``includes.media``. The account's
    own timeline is billed as owned reads."""
    if not isinstance(body, dict):
        return []
    out: list[tuple[Kind, str]] = []
    data = body.get("data")
    rows = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    if "dm_events" in endpoint:
        main = Kind.DM_EVENT
    elif endpoint.startswith("GET /2/users") and not endpoint.endswith(("/mentions",
                                                                         "/tweets")):
        main = Kind.USER
    elif endpoint.endswith("/tweets") and endpoint != "GET /2/tweets":
        main = Kind.OWNED_POST
    else:
        main = Kind.POST
    for row in rows:
        if isinstance(row, dict) and row.get("id") is not None:
            out.append((main, str(row["id"])))
    includes = body.get("includes")
    if isinstance(includes, dict):
        for key, kind, ident in (("tweets", Kind.POST, "id"), ("users", Kind.USER, "id"),
                                 ("media", Kind.MEDIA, "media_key")):
            found = includes.get(key)
            for row in found if isinstance(found, list) else []:
                if isinstance(row, dict) and row.get(ident) is not None:
                    out.append((kind, str(row[ident])))
    return out


@dataclass(frozen=True)
class Charge:
    """One billable thing a response returned or a request wrote, before de-duplication."""

    day: date
    stream: str
    kind: Kind
    x_id: str | None = None  # reads: the resource (charged once per UTC day); writes: None


def utc_day(moment: datetime) -> date:
    """X's billing day: the UTC calendar day of an aware moment (not the town's day)."""
    return moment.astimezone(UTC).date()


def charges_for(endpoint: str, body: Any, when: datetime, *, text: str = "") -> list[Charge]:
    day = utc_day(when)
    stream = stream_of(endpoint)
    if endpoint.startswith("POST /2/media"):
        return []  # an upload is not a post: X bills the post that carries it
    if endpoint.startswith("POST"):
        return [Charge(day, stream, write_kind(endpoint, text))]
    return [Charge(day, stream, kind, x_id) for kind, x_id in billed_reads(endpoint, body)]


class DayBill:
    """X's bill as X keeps it: resources de-duplicated per UTC day (used by the sandbox and
    by the benchmark's minimum)."""

    def __init__(self, prices: PriceTable | None = None) -> None:
        self.prices = prices or PriceTable()
        self.seen: set[tuple[date, Kind, str]] = set()
        self.units: dict[tuple[date, Kind], int] = {}

    def add(self, charges: Iterable[Charge]) -> int:
        total = 0
        for c in charges:
            if c.x_id is not None:
                key = (c.day, c.kind, c.x_id)
                if key in self.seen:
                    continue
                self.seen.add(key)
            self.units[(c.day, c.kind)] = self.units.get((c.day, c.kind), 0) + 1
            total += self.prices.price(c.kind)
        return total

    def quote(self, charges: Iterable[Charge]) -> int:
        """What ``add`` would charge, without recording it."""
        total, seen = 0, set()
        for c in charges:
            if c.x_id is not None:
                key = (c.day, c.kind, c.x_id)
                if key in self.seen or key in seen:
                    continue
                seen.add(key)
            total += self.prices.price(c.kind)
        return total

    @property
    def total(self) -> int:
        return sum(self.prices.price(k) * n for (_d, k), n in self.units.items())


# ---------------------------------------------------------------------- budget
@dataclass(frozen=True)
class Budget:
    """What a supervisor set (µ$); 0 = no budget / no alert level."""

    monthly_micro: int = 0
    daily_alert_micro: int = 0
    stop_writes: bool = False  # at the budget, queued replies and DMs wait too
    updated_by: str | None = None
    updated_at: datetime | None = None


class Pace(StrEnum):
    NORMAL = "normal"
    STRETCHED = "stretched"  # near the budget: polls spaced out
    PAUSED = "paused"  # at the budget: no polling until the month ends


@dataclass(frozen=True)
class BudgetState:
    pace: Pace
    factor: float  # poll interval multiplier
    today_micro: int
    month_micro: int
    forecast_micro: int
    budget: Budget
    until: datetime | None = None  # paused until (the next month, 00:00 UTC)
    daily_alert: bool = False

    @property
    def writes_stopped(self) -> bool:
        return self.pace is Pace.PAUSED and self.budget.stop_writes


NEAR = 0.8  # of the budget: from here on the interval stretches
MAX_STRETCH = 16.0


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return first, last


def next_month(day: date) -> datetime:
    _first, last = month_bounds(day)
    nxt = last + timedelta(days=1)
    return datetime(nxt.year, nxt.month, nxt.day, tzinfo=UTC)


def forecast(per_day: Mapping[date, int], today: date) -> int:
    """Spend to the month's end: what is spent so far plus the average of the days so far
    (today counted as a whole day) for each day left."""
    first, last = month_bounds(today)
    spent = sum(v for d, v in per_day.items() if first <= d <= today)
    elapsed = (today - first).days + 1
    left = (last - today).days
    return spent + round(spent / elapsed * left) if elapsed else spent


def budget_state(budget: Budget, per_day: Mapping[date, int], now: datetime) -> BudgetState:
    """How polling should go given the month's spend: normal, stretched (the interval grows
    so that, at today's pace, the rest of the month fits in what is left), or paused."""
    today = utc_day(now)
    first, _last = month_bounds(today)
    month = sum(v for d, v in per_day.items() if first <= d <= today)
    today_spend = per_day.get(today, 0)
    fc = forecast(per_day, today)
    alert = bool(budget.daily_alert_micro) and today_spend >= budget.daily_alert_micro
    if not budget.monthly_micro:
        return BudgetState(Pace.NORMAL, 1.0, today_spend, month, fc, budget, None, alert)
    if month >= budget.monthly_micro:
        return BudgetState(Pace.PAUSED, MAX_STRETCH, today_spend, month, fc, budget,
                           next_month(today), alert)
    factor = 1.0
    if fc > budget.monthly_micro or month >= NEAR * budget.monthly_micro:
        left = budget.monthly_micro - month
        # what the rest of the month would cost at the pace so far, against what is left
        needed = max(fc - month, 1)
        factor = min(MAX_STRETCH, max(2.0, needed / max(left, 1)))
    if alert:
        factor = max(factor, 2.0)
    pace = Pace.STRETCHED if factor > 1.0 else Pace.NORMAL
    return BudgetState(pace, factor, today_spend, month, fc, budget, None, alert)


def dollars(micro: int) -> str:
    """An exact amount in English for messages and logs: "$0.015", "$1,234.50"."""
    text = f"{micro / MICRO:,.6f}".rstrip("0")
    whole, _dot, cents = text.partition(".")
    return f"${whole}.{cents.ljust(2, '0')}"


def from_dollars(text: str) -> int | None:
    """``dollars``' text back as micro-dollars (None if it is not one)."""
    try:
        return to_micro(text.strip().removeprefix("$").replace(",", ""))
    except ValueError:
        return None


def money(micro: int, language: str = "es") -> str:
    """'1,24 $' in Spanish, '$1.24' in English."""
    value = f"{micro / MICRO:,.2f}"
    if language.startswith("es"):
        value = value.replace(",", " ").replace(".", ",").replace(" ", ".")
        return f"{value} $"
    return f"${value}"
