"""A second desk in its own process, for the shared-database tests and the benchmark.

    python -m tests.shared.desk_worker reassign URL TICKETS OPERATORS COUNT SEED GO_FILE
        COUNT reassignments by the supervisor 'ana' of random tickets to random operators,
        each at the version just read (so two workers conflict); a lost connection is
        retried. Prints "ready" once the database is open, "working" after its first
        WORKING reassignments, and last one JSON line: successes (ticket, version),
        conflicts, errors.
    python -m tests.shared.desk_worker create URL GO_FILE STOP_FILE
        New tickets by 'ana', one transaction each, until STOP_FILE exists; prints
        "working" after WORKING of them, and last one JSON line: the ids created.
    python -m tests.shared.desk_worker backup URL FOLDER KEY_HEX STAGE
        A backup into FOLDER with that key that stops at STAGE (services/backups.py):
        prints "at STAGE" and waits there for standard input to end (to be killed).
    python -m tests.shared.desk_worker change URL TICKET
        For each line "assign OPERATOR_ID" on stdin: reassign TICKET, then print
        "done <time.time()>"; ends at EOF.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from jun_desk.domain.errors import ConflictError, StorageError
from jun_desk.services.desk import Desk

WORKING = 20  # reassignments done before the worker says it is in the middle of its work


def reassign(url: str, tickets: list[int], operators: list[int], count: int, seed: int,
             go_file: Path) -> dict:
    rng = random.Random(seed)
    desk = Desk.open(url, migrate=False)
    ana = desk.operators.actor("ana")
    print("ready", flush=True)
    while not go_file.exists():  # both workers start together
        time.sleep(0.005)
    successes: list[tuple[int, int]] = []
    conflicts = errors = 0
    done = 0
    while done < count:
        ticket_id = rng.choice(tickets)
        try:
            seen = desk.tickets.get(ticket_id)
            time.sleep(rng.random() * 0.002)  # the operator thinks: another desk may act
            target = rng.choice([o for o in operators if o != seen.assignee_id])
            after = desk.tickets.assign(ana, ticket_id, target, seen.version)
            successes.append((ticket_id, after.version))
        except ConflictError:
            conflicts += 1
        except StorageError:
            errors += 1  # the server is away: this attempt did nothing; try again
            time.sleep(0.2)
            continue
        done += 1
        if done == WORKING:
            print("working", flush=True)
    desk.close()
    return {"successes": successes, "conflicts": conflicts, "errors": errors}


def create(url: str, go_file: Path, stop_file: Path) -> list[int]:
    desk = Desk.open(url, migrate=False)
    ana = desk.operators.actor("ana")
    print("ready", flush=True)
    while not go_file.exists():
        time.sleep(0.005)
    created: list[int] = []
    while not stop_file.exists():
        try:
            created.append(desk.tickets.create_manual(
                ana, department="obras", title=f"Aviso {len(created)} de {os.getpid()}").id)
        except StorageError:  # locked for longer than the busy timeout: try again
            continue
        if len(created) == WORKING:
            print("working", flush=True)
    desk.close()
    return created


def backup(url: str, folder: Path, key: bytes, stop_at: str) -> None:
    from jun_desk.domain.backups import BackupSettings
    from jun_desk.services.backups import BackupService

    desk = Desk.open(url, migrate=False)
    service = BackupService(desk.ctx)
    service.configure(BackupSettings(folder, keep=3), lambda: key)

    def stage(name: str) -> None:
        if name == stop_at:
            print(f"at {name}", flush=True)
            sys.stdin.read()  # until killed

    service.make("manual", stage=stage)
    print("finished", flush=True)
    desk.close()


def change(url: str, ticket_id: int) -> None:
    desk = Desk.open(url, migrate=False)
    ana = desk.operators.actor("ana")
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, value = line.strip().partition(" ")
        if command != "assign":
            continue
        seen = desk.tickets.get(ticket_id)
        desk.tickets.assign(ana, ticket_id, int(value), seen.version)
        print(f"done {time.time():.6f}", flush=True)
    desk.close()


def main(argv: list[str]) -> int:
    if argv[0] == "reassign":
        url, tickets, operators, count, seed, go = argv[1:7]
        result = reassign(url, [int(t) for t in tickets.split(",")],
                          [int(o) for o in operators.split(",")], int(count), int(seed),
                          Path(go))
        print(json.dumps(result), flush=True)
        return 0
    if argv[0] == "create":
        print(json.dumps(create(argv[1], Path(argv[2]), Path(argv[3]))), flush=True)
        return 0
    if argv[0] == "backup":
        backup(argv[1], Path(argv[2]), bytes.fromhex(argv[3]), argv[4])
        return 0
    if argv[0] == "change":
        change(argv[1], int(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
