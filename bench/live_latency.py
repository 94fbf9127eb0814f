"""Live latency, end to end: citizens write to the sandbox X while the desk's window runs;
each message is timed from the moment it exists on X until the window has painted its
feed item, and each ticket another desk opens from it until this window has painted its card.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/live_latency.py [--items 100]
        [--interval 15] [--spacing 1.0] [--dm-share 0.5] [--seed 7]

The real pieces run as the packaged desk runs them: the tweepy client against the sandbox
over loopback, the sync engine and outbox on the poller's worker thread, the main window
with its feed and board, the change stream listener (SQLite file). "Painted" is the first
paint of the view's viewport after the row is in its model (a card below the fold counts
when the column has repainted with it: the operator sees the column's count and scrolls).

The goal for X → feed is the poll interval + 0.5 s (a message that arrives just after a poll
waits one whole interval); a colleague's ticket → card has no interval to wait for.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from jun_desk.config import DEFAULT_POLL_SECONDS
from jun_desk.services.desk import Desk
from jun_desk.ui.board.model import TICKET_ROLE
from jun_desk.ui.context import UiContext
from jun_desk.ui.live import ChangeListener
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.poller import Poller
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine

MENTION_TEXTS = (
    "@{desk} la farola de la calle Real número {n} lleva dos noches apagada",
    "@{desk} hay un contenedor desbordado en la plaza, van {n} días sin recoger",
    "@{desk} ¿a qué hora abre hoy el registro? Necesito un certificado de empadronamiento",
    "@{desk} un coche lleva {n} horas tapando la cochera del número 4 del Camino de la Fuente",
    "@{desk} se ha ido la luz en todo el barrio alto #EndesaMeEstresa",
    "@{desk} ¿cuál es el menú del comedor del cole esta semana?",
)
DM_TEXTS = (
    "Buenas, quería pedir cita con el médico para el jueves, mi DNI lo doy por aquí si hace falta",
    "Hola, ¿me podéis decir cuándo pasan a recoger muebles? Tengo un sofá para tirar",
    "Hay una fuga de agua en la calle Nueva {n}, sale mucha agua por la acera",
)


class FirstPaint(QObject):
    """Remembers when each row key was first in the view's model at a viewport paint."""

    def __init__(self, view: QAbstractItemView, key: Callable[[int], str | None]) -> None:
        super().__init__(view)
        self._view = view
        self._key = key
        self.seen: dict[str, float] = {}
        self.before: set[str] = set()
        view.viewport().installEventFilter(self)

    def keys(self) -> Iterable[str]:
        for row in range(self._view.model().rowCount()):
            key = self._key(row)
            if key is not None:
                yield key

    def mark_existing(self) -> None:
        self.before = set(self.keys())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            now = time.perf_counter()
            for key in self.keys():
                if key not in self.before and key not in self.seen:
                    self.seen[key] = now
        return False


def quantiles(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]
    p90 = ordered[min(len(ordered) - 1, math.ceil(0.90 * len(ordered)) - 1)]
    return (f"median {statistics.median(ordered):.2f} s, p90 {p90:.2f} s, p99 {p99:.2f} s, "
            f"max {ordered[-1]:.2f} s (n={len(ordered)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--interval", type=float, default=DEFAULT_POLL_SECONDS,
                        help="poll interval, seconds (the desk's default)")
    parser.add_argument("--spacing", type=float, default=1.0,
                        help="mean seconds between two citizens' messages (exponential)")
    parser.add_argument("--dm-share", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory() as tmp, Sandbox(speed=math.inf) as sandbox:
        db = f"sqlite:///{tmp}/desk.db"
        desk = Desk.open(db)
        desk.operators.add("ana", "supervisor", display_name="Ana García")
        desk.operators.add("rosa", "operator", display_name="Rosa Martín")
        colleague_desk = Desk.open(db)  # another desk on the same database
        colleague = colleague_desk.operators.actor("rosa")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        sender = OutboxSender(desk, client, sandbox.scenario.desk.username)
        polls: list[float] = []

        def poll():  # type: ignore[no-untyped-def]
            polls.append(time.perf_counter())
            return engine.sync_once(), sender.send_due()

        poller = Poller(poll, lambda: engine.next_delay(args.interval))
        busy = [False]
        poller.busy.connect(lambda running: busy.__setitem__(0, running))
        ui = UiContext(desk, desk.operators.actor("ana"),
                       account=sandbox.scenario.desk.username)
        listener = ChangeListener(desk.changes.stream())
        window = MainWindow(ui, poller=poller, source="sandbox", live=listener)
        window.resize(1600, 1000)
        window.show()
        listener.start()

        feed_view = window.desk.feed.view
        feed = FirstPaint(feed_view, lambda row: feed_view.model().item(row).x_id)
        cards = []
        for column in window.desk.board.columns.values():
            view = column.view
            cards.append(FirstPaint(view, lambda row, v=view: str(
                v.model().index(row, 0).data(TICKET_ROLE).id)))

        def wait(condition: Callable[[], bool], seconds: float) -> bool:
            end = time.monotonic() + seconds
            while not condition() and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.005)
            return condition()

        # The day's backlog first (the window's first poll), then the clock starts.
        poller.start()
        if not wait(lambda: len(polls) >= 1 and not busy[0], 120):
            print("the first poll did not finish in 120 s", file=sys.stderr)
            return 1
        wait(lambda: False, 1.0)
        feed.mark_existing()
        for watch in cards:
            watch.mark_existing()

        citizens = [u for u in sandbox.scenario.citizens]
        posted: dict[str, tuple[str, float]] = {}  # x id → kind, when it existed on X
        opened: dict[str, float] = {}  # ticket id → when the colleague's commit returned
        lock = threading.Lock()
        handed: set[str] = set()

        def post(n: int) -> None:
            who = rng.choice(citizens)
            if rng.random() < args.dm_share:
                event = sandbox.state.citizen_writes_dm(
                    who.id, rng.choice(DM_TEXTS).format(n=n))
                posted[str(event.id)] = ("dm", time.perf_counter())
            else:
                text = rng.choice(MENTION_TEXTS).format(desk=sandbox.scenario.desk.username,
                                                        n=n)
                tweet = sandbox.state.citizen_tweets(who.id, f"{text} ({n})")
                posted[str(tweet.id)] = ("mention", time.perf_counter())

        def open_ticket(item_id: int) -> None:
            """The colleague opens a ticket from the item at their own desk."""
            ticket = colleague_desk.tickets.create_from_item(colleague, item_id)
            with lock:
                opened[str(ticket.id)] = time.perf_counter()

        workers: list[threading.Thread] = []

        def hand_over() -> None:
            """Mentions painted in the feed go to the colleague (off the GUI thread)."""
            model = feed_view.model()
            for row in range(model.rowCount()):
                item = model.item(row)
                if (item.x_id in feed.seen and item.x_id not in handed
                        and posted.get(item.x_id, ("", 0))[0] == "mention"):
                    handed.add(item.x_id)
                    worker = threading.Thread(target=open_ticket, args=(item.id,))
                    worker.start()
                    workers.append(worker)

        hand = QTimer()
        hand.timeout.connect(hand_over)
        hand.start(50)
        started = time.perf_counter()
        for n in range(args.items):
            post(n)
            wait(lambda: False, rng.expovariate(1 / args.spacing))
        mentions = sum(1 for kind, _ in posted.values() if kind == "mention")
        wait(lambda: all(k in feed.seen for k in posted) and len(opened) == mentions
             and all(any(t in w.seen for w in cards) for t in opened),
             3 * args.interval + 30)
        hand.stop()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - started

        by_kind: dict[str, list[float]] = {"mention": [], "dm": []}
        missing = 0
        for x_id, (kind, at) in posted.items():
            if x_id in feed.seen:
                by_kind[kind].append(feed.seen[x_id] - at)
            else:
                missing += 1
        card_latency = []
        for ticket_id, at in opened.items():
            painted = [w.seen[ticket_id] for w in cards if ticket_id in w.seen]
            if painted:
                card_latency.append(min(painted) - at)
        every = by_kind["mention"] + by_kind["dm"]
        goal = args.interval + 0.5
        gaps = [b - a for a, b in itertools.pairwise(polls)]
        print(f"live latency, {len(posted)} citizens' messages over {elapsed:.0f} s "
              f"(poll interval {args.interval:g} s; {len(polls)} polls, median gap "
              f"{statistics.median(gaps) if gaps else 0:.2f} s; offscreen, SQLite):")
        print(f"  X → feed item painted, all: {quantiles(every)}; goal p99 ≤ {goal:g} s: "
              f"{'met' if every and max(every) <= goal and not missing else 'NOT met'}"
              f"{f'; {missing} never painted' if missing else ''}")
        print(f"    mentions: {quantiles(by_kind['mention'])}")
        print(f"    DMs:      {quantiles(by_kind['dm'])}")
        print(f"  another desk's ticket → card painted here (change stream): "
              f"{quantiles(card_latency)}; {len(opened) - len(card_latency)} not painted")
        listener.stop()
        poller.stop()
        window.close()
        colleague_desk.close()
        desk.close()
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
