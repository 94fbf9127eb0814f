"""One sandbox day per database and UTC day, so that restarting the sandbox is idempotent.

The scenario's ids are snowflakes of its items' times, and its day is laid on the wall
clock when the sandbox starts. Laid anew at every start, a restart made every tweet and DM
of the day new to the desk: stored again (90 → 181 DMs) and billed again. Instead, the
first start of a UTC day records where it laid the day (``DayRecord``, a small JSON file
beside the database); a restart on that database the same UTC day lays the same day
(same start, hence the same ids) and resumes its clock where the day has got to, as X goes
on while the desk is closed. A new UTC day lays a new day.

A new day may start already under way (``under_way``, the training desk's): its start is
laid that long before the wall clock and its clock starts at the wall clock, so what the
day's first part said is there, dated in the past, at the desk's first sync.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jun_desk.x.sandbox.world import DAY_LENGTH


@dataclass(frozen=True)
class DayPlan:
    start: datetime  # when the scenario's day begins (with the seed, it fixes every id)
    resume_at: datetime | None = None  # the scenario time to resume at; None: a new day


@dataclass(frozen=True)
class DayRecord:
    """Where a sandbox laid its day: the day's start, and the scenario time it had reached
    at a wall time, at a speed."""

    seed: int
    start: datetime
    wall: datetime
    scenario: datetime
    speed: float

    def resumed(self, wall: datetime) -> datetime:
        """The scenario time at ``wall`` had the sandbox never stopped."""
        elapsed = max(wall - self.wall, timedelta(0))
        if math.isinf(self.speed):  # the whole day shown; then real seconds
            return max(self.scenario, self.start + DAY_LENGTH) + elapsed
        return self.scenario + elapsed * self.speed

    def as_json(self) -> dict[str, object]:
        return {"seed": self.seed, "start": self.start.isoformat(),
                "wall": self.wall.isoformat(), "scenario": self.scenario.isoformat(),
                "speed": "inf" if math.isinf(self.speed) else self.speed}

    @classmethod
    def read(cls, path: Path) -> DayRecord | None:
        """The record at ``path``; None if there is none or it cannot be read (a new day)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            record = cls(int(data["seed"]), datetime.fromisoformat(data["start"]),
                         datetime.fromisoformat(data["wall"]),
                         datetime.fromisoformat(data["scenario"]), float(data["speed"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if any(t.tzinfo is None for t in (record.start, record.wall, record.scenario)):
            return None
        return record

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        spare = path.with_name(path.name + ".tmp")
        spare.write_text(json.dumps(self.as_json()), encoding="utf-8")
        os.replace(spare, path)  # never half a record


def plan_day(record: DayRecord | None, *, seed: int, speed: float, wall: datetime,
             under_way: timedelta = timedelta(0)) -> DayPlan:
    """The day a sandbox starting at ``wall`` plays: the recorded one, resumed, if it was
    laid for this seed on this UTC day; else a new one (at full speed it has just ended,
    a slower one starts now, or ``under_way`` before now and goes on from now)."""
    if (record is not None and record.seed == seed
            and record.wall.astimezone(UTC).date() == wall.astimezone(UTC).date()):
        return DayPlan(record.start, record.resumed(wall))
    if math.isinf(speed):
        return DayPlan(wall - DAY_LENGTH)
    if under_way < timedelta(0):
        raise ValueError("under_way is a length of the day, 0 or more")
    if not under_way:
        return DayPlan(wall)
    return DayPlan(wall - under_way, resume_at=wall)


def record_path(db_path: Path) -> Path:
    """The day's record beside the sandbox's database file."""
    return db_path.with_name(db_path.name + ".day.json")
