"""Campaigns: a hashtag that floods the account (#EndesaMeEstresa) becomes one incident."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from jun_desk.domain.text import fold, hashtags

WINDOW = timedelta(hours=1)
GAP = timedelta(minutes=45)  # a quieter spell this long ends the incident
THRESHOLD = 20  # mentions of one hashtag within WINDOW


@dataclass(frozen=True, slots=True)
class Campaign:
    hashtag: str  # as most people wrote it
    start: datetime
    end: datetime
    mentions: int
    peak_per_hour: int
    authors: int


def detect_campaigns(messages: Iterable[tuple[datetime, str, str]], *,
                     threshold: int = THRESHOLD, window: timedelta = WINDOW,
                     gap: timedelta = GAP) -> list[Campaign]:
    """``messages``: (time, author id, text). A campaign is a run of one hashtag, without a
    gap longer than ``gap``, that reaches ``threshold`` mentions within ``window``."""
    by_tag: dict[str, list[tuple[datetime, str, str]]] = defaultdict(list)
    for when, author, text in messages:
        for tag in dict.fromkeys(fold(t) for t in hashtags(text)):
            spelled = next(t for t in hashtags(text) if fold(t) == tag)
            by_tag[tag].append((when, author, spelled))
    found: list[Campaign] = []
    for entries in by_tag.values():
        entries.sort(key=lambda e: e[0])
        run: list[tuple[datetime, str, str]] = []
        for entry in entries:
            if run and entry[0] - run[-1][0] > gap:
                _close(run, threshold, window, found)
                run = []
            run.append(entry)
        _close(run, threshold, window, found)
    return sorted(found, key=lambda c: c.start, reverse=True)


def _close(run: list[tuple[datetime, str, str]], threshold: int, window: timedelta,
           found: list[Campaign]) -> None:
    if len(run) < threshold:
        return
    peak = 0
    left = 0
    for right in range(len(run)):
        while run[right][0] - run[left][0] > window:
            left += 1
        peak = max(peak, right - left + 1)
    if peak < threshold:
        return
    spellings: dict[str, int] = defaultdict(int)
    for _, _, spelled in run:
        spellings[spelled] += 1
    tag = max(spellings.items(), key=lambda kv: kv[1])[0]
    found.append(Campaign(tag, run[0][0], run[-1][0], len(run), peak,
                          len({author for _, author, _ in run})))
