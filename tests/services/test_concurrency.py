"""Two desks on one database: the later change gets a clear conflict, never an overwrite."""

from __future__ import annotations

import threading

import pytest

from jun_desk.domain.errors import ConflictError
from jun_desk.services.desk import Desk
from jun_desk.ui.error_texts import render  # the window's wording (Spanish: the source)


@pytest.fixture
def second_desk(db_url: str, desk: Desk, rules, clock):  # type: ignore[no-untyped-def]
    other = Desk.open(db_url, rules=rules, clock=clock)
    yield other
    other.close()


def test_second_desk_gets_a_conflict_naming_who_changed_what(
        desk: Desk, second_desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    rosa = second_desk.operators.actor("rosa")
    ticket = desk.tickets.create_manual(ana, department="obras", title="Bache")
    seen_by_rosa = second_desk.tickets.get(ticket.id)
    desk.tickets.reassign_department(ana, ticket.id, "limpieza", ticket.version)
    with pytest.raises(ConflictError) as caught:
        second_desk.tickets.set_priority(rosa, ticket.id, "high", seen_by_rosa.version)
    err = caught.value
    assert err.changed_by == "ana" and err.change == "ticket.reassign_department"
    assert err.current_version == seen_by_rosa.version + 1
    assert "reload the ticket and try again" in str(err)
    assert err.fields == (("department", "obras", "limpieza"),)
    assert "department: obras → limpieza" in str(err)  # the English line, for logs and CLI
    spanish = render(err)
    assert f"El ticket #{ticket.id} lo acaba de cambiar ana (cambiar de departamento" in spanish
    assert "departamento: " in spanish and "department:" not in spanish
    final = desk.tickets.get(ticket.id)
    assert (final.department, final.priority.value) == ("limpieza", "normal")
    conflicts = desk.audit.latest(outcome="conflict")
    assert conflicts[0].actor_name == "rosa"
    # Retrying with the fresh version works.
    second_desk.tickets.set_priority(rosa, ticket.id, "high", err.current_version)


def test_simultaneous_changes_let_exactly_one_win(desk: Desk, second_desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Threads on two engines race with the same read version: one success, the rest
    conflicts, and the stored ticket holds exactly the winner's change."""
    ana = people["ana"]
    ticket = desk.tickets.create_manual(ana, department="obras", title="Farola")
    priorities = ["low", "high", "urgent", "low", "high", "urgent", "low", "high"]
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(len(priorities))

    def attempt(n: int) -> None:
        d = desk if n % 2 else second_desk
        start.wait()
        try:
            d.tickets.set_priority(ana, ticket.id, priorities[n], ticket.version)
            result = f"ok:{priorities[n]}"
        except ConflictError:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(len(priorities))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    wins = [o for o in outcomes if o.startswith("ok")]
    assert len(outcomes) == len(priorities)
    assert len(wins) == 1, outcomes
    final = desk.tickets.get(ticket.id)
    assert final.version == ticket.version + 1
    assert f"ok:{final.priority.value}" == wins[0]
    assert len(desk.audit.latest(outcome="conflict")) == len(priorities) - 1
