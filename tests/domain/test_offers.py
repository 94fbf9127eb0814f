"""What the menus offer: the same rules the services enforce, asked before the click."""

from __future__ import annotations

from datetime import UTC, datetime

from jun_desk.domain.canned import reply_language
from jun_desk.domain.offers import allowed_moves, may_assign_to, ticket_offers
from jun_desk.domain.roles import Actor, Role
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Priority, Status

ANA = Actor(1, "ana", Role.SUPERVISOR)
LUIS = Actor(2, "luis", Role.OPERATOR, frozenset({"obras", "limpieza"}))
ROSA = Actor(3, "rosa", Role.OPERATOR)
AT = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def _ticket(status: Status = Status.NEW, department: str = "obras",
            assignee: int | None = None, merged: int | None = None) -> TicketView:
    return TicketView(7, department, status, Priority.NORMAL, "Farola", None, None, None,
                      False, assignee, None, 1, (), None, merged, AT, AT, None, None, 3)


def test_moves_follow_the_workflow_and_the_operators_departments() -> None:
    new = _ticket()
    assert allowed_moves(LUIS, new) == (Status.ASSIGNED, Status.IN_PROGRESS, Status.RESOLVED,
                                        Status.CLOSED)
    # Waiting for the citizen needs an assignee first; from new it is not a move at all.
    assert Status.WAITING_CITIZEN not in allowed_moves(LUIS, new)
    police = _ticket(department="policia")
    assert allowed_moves(LUIS, police) == ()
    assert not ticket_offers(LUIS, police).take and not ticket_offers(LUIS, police).work
    # Someone else's ticket of his department: he may work it, but not take what is his.
    mine = _ticket(Status.IN_PROGRESS, assignee=LUIS.operator_id)
    assert not ticket_offers(LUIS, mine).take
    assert allowed_moves(LUIS, mine) == (Status.ASSIGNED, Status.WAITING_CITIZEN,
                                         Status.RESOLVED)


def test_supervisor_only_offers_and_reopen() -> None:
    offers = ticket_offers(LUIS, _ticket())
    assert offers.take and not offers.assign and not offers.department and offers.resolve
    assert ticket_offers(LUIS, _ticket(department="sin_clasificar")).department
    assert ticket_offers(ANA, _ticket(department="policia")).assign
    resolved = ticket_offers(ROSA, _ticket(Status.RESOLVED))
    assert resolved.reopen and not resolved.resolve and not resolved.assign
    assert not ticket_offers(ROSA, _ticket(Status.CLOSED, merged=3)).reopen
    assert ticket_offers(None, None).moves == ()


def test_who_can_be_given_a_ticket() -> None:
    assert may_assign_to("obras", "operator", ("obras",))
    assert not may_assign_to("salud", "operator", ("obras",))
    assert may_assign_to("salud", "operator", ())
    assert may_assign_to("salud", "supervisor", ("obras",))


def test_replies_go_in_the_citizens_language() -> None:
    assert reply_language(["Hay una farola apagada en la calle Real"]) == "es"
    assert reply_language(["The street lamp on the main street is broken, please fix it"]) \
        == "en"
    assert reply_language([]) == "es"
    assert reply_language(["👍"]) == "es"
