"""kill -9 around an announcement's send time: no post twice, none skipped, the thread in order.

The real command line (`jun-desk sync --watch`, which sends the outbox after each poll) in a
child process, against the sandbox, with the sandbox's keys in the real keyring. Each trial
publishes a thread of three posts (each text its own: X refuses a duplicate) and kills the
child after a random number of the sandbox's POST /2/tweets (0 to 3) plus a random few
milliseconds, so kills land before, between and just after posts, and between X's answer
and the commit. A last clean run, once the send leases of the killed children are ended
(as if their 90 s had passed), finishes what is left.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

from sqlalchemy import update

from jun_desk.domain.announcements import State
from jun_desk.services.desk import Desk
from jun_desk.services.outbox import SEND_LEASE
from jun_desk.store.models import OutboxItem
from jun_desk.x.sandbox.server import Sandbox
from tests.x.conftest import jun_desk_process

TRIALS = int(os.environ.get("JUN_DESK_KILL_TRIALS", "20"))
POSTS = "POST /2/tweets"


def _thread_text(trial: int) -> str:
    return " ".join([
        f"Aviso {trial}: el lunes habrá un corte de agua en la calle Real de 9:00 a 14:00 "
        "para renovar la tubería general que da servicio a los números del 1 al 40.",
        f"Aviso {trial}, 2: rogamos a los vecinos que llenen algún recipiente antes de la "
        "hora del corte y que cierren la llave de paso de su vivienda mientras duren los "
        "trabajos.",
        f"Aviso {trial}, 3: el servicio se restablecerá en cuanto terminen las obras; "
        "cualquier duda, escríbanos por mensaje directo o llame a la oficina de atención al "
        "vecino.",
    ])


def _posted(sandbox: Sandbox) -> int:
    with sandbox.state.lock:
        return sandbox.state.stats.by_endpoint.get(POSTS, 0)


def test_kill_9_around_the_send_time_posts_each_post_once_in_order(
        tmp_path: Path, sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(int(os.environ.get("JUN_DESK_KILL_SEED", "28")))
    db = tmp_path / "desk.db"
    with Sandbox(speed=float("inf")) as sandbox:
        first = jun_desk_process(db, tmp_path, "sync", "--once", "--api-base",
                                 sandbox.base_url, "--no-outbox")
        _out, err = first.communicate(timeout=300)
        assert first.returncode == 0, err
        desk = Desk.open(f"sqlite:///{db}")
        try:
            desk.operators.add("ana", "supervisor", display_name="Ana García")
            ana = desk.operators.actor("ana")
            ids: list[int] = []
            killed_alive = 0
            landed = {"before": 0, "between": 0, "after": 0}
            for trial in range(TRIALS):
                draft = desk.announcements.draft(ana, account="AytoJun",
                                                 text=_thread_text(trial))
                assert len(draft.posts) == 3
                desk.announcements.publish(ana, draft.id)
                ids.append(draft.id)
                before = _posted(sandbox)
                wanted = rng.randint(0, 3)
                proc = jun_desk_process(db, tmp_path, "sync", "--watch", "--api-base",
                                        sandbox.base_url, "--interval", "0.1")
                deadline = time.monotonic() + 120
                while (_posted(sandbox) - before < wanted and proc.poll() is None
                       and time.monotonic() < deadline):
                    time.sleep(0.002)
                time.sleep(rng.uniform(0, 0.03))
                if proc.poll() is None:
                    killed_alive += 1
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                done = _posted(sandbox) - before
                landed["before" if done == 0 else "after" if done >= 3 else "between"] += 1
            # The killed senders' claims are in doubt until their lease runs out: the lease
            # is the claim's next_attempt_at (now + SEND_LEASE); end it rather than wait 90 s.
            with desk.db.session() as session:
                session.execute(update(OutboxItem).where(OutboxItem.status == "sending")
                                .values(next_attempt_at=datetime.now(UTC) - SEND_LEASE))
            final = jun_desk_process(db, tmp_path, "sync", "--once", "--api-base",
                                     sandbox.base_url)
            _out, err = final.communicate(timeout=300)
            assert final.returncode == 0, err
            states = [desk.announcements.get(i) for i in ids]
        finally:
            desk.close()
        desk_id = sandbox.scenario.desk.id
        mine = [t for t in sandbox.state.tweets if t.author_id == desk_id]
    print(f"\nkill -9 trials: {TRIALS}, child alive when killed: {killed_alive}, "
          f"landed {landed}")
    assert killed_alive == TRIALS
    for view in states:
        assert view.state is State.PUBLISHED, view
        on_x = [t for t in mine if t.text in view.texts]
        assert sorted(t.text for t in on_x) == sorted(view.texts)  # each once, none missing
        by_text = {t.text: t for t in on_x}
        chain = [by_text[text] for text in view.texts]
        assert chain[0].in_reply_to_id is None
        for parent, child in pairwise(chain):
            assert child.in_reply_to_id == parent.id  # in order, each replying to the last
        assert [p.x_id for p in view.posts] == [str(t.id) for t in chain]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM outbox WHERE kind = 'post' AND status "
                            "!= 'sent'").fetchone()[0] == 0
