"""What the desk offers an operator on a ticket: the same rules the services enforce, asked
before the click, so that menus list only moves and actions that will be accepted.

The services stay the authority (they re-read the operator and refuse with a reason);
this only keeps the menus from offering what they would refuse."""

from __future__ import annotations

from dataclasses import dataclass

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import InvalidTransitionError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import ALLOWED_MOVES, Status, check_move, reopen_target


@dataclass(frozen=True, slots=True)
class TicketOffers:
    work: bool  # notes, replies, DMs
    take: bool  # "Asignármelo"
    assign: bool  # give it to someone (a supervisor's)
    department: bool  # change its department
    moves: tuple[Status, ...]  # statuses the workflow lets this operator move it to
    resolve: bool
    reopen: bool


NOTHING = TicketOffers(False, False, False, False, (), False, False)


def may_work(actor: Actor, ticket: TicketView) -> bool:
    """As ``TicketService._require_work``: one's own ticket, or one's departments'."""
    return actor.may(Permission.WORK_TICKET) and (
        ticket.assignee_id == actor.operator_id or actor.serves(ticket.department))


def may_take(actor: Actor, ticket: TicketView) -> bool:
    return (actor.may(Permission.ASSIGN_SELF) and actor.serves(ticket.department)
            and ticket.status.is_open and ticket.assignee_id != actor.operator_id)


def allowed_moves(actor: Actor, ticket: TicketView) -> tuple[Status, ...]:
    """The statuses ``move`` would accept from this operator, in the board's order. A move
    that needs an assignee makes an unassigned ticket the operator's (as the service does),
    so it is offered only to someone who may take it."""
    if not may_work(actor, ticket):
        return ()
    current = ticket.status
    moves = []
    for target in Status:
        if target == current or target not in ALLOWED_MOVES[current]:
            continue
        if ticket.merged_into_id and target.is_open:
            continue  # a merged ticket is reopened through the one it was merged into
        has_assignee = ticket.assignee_id is not None
        if target.needs_assignee and not has_assignee:
            if not (actor.may(Permission.ASSIGN_SELF) and actor.serves(ticket.department)):
                continue
            has_assignee = True
        try:
            check_move(current, target, has_assignee=has_assignee)
        except InvalidTransitionError:
            continue
        moves.append(target)
    return tuple(moves)


def ticket_offers(actor: Actor | None, ticket: TicketView | None) -> TicketOffers:
    if actor is None or ticket is None:
        return NOTHING
    work = may_work(actor, ticket)
    moves = allowed_moves(actor, ticket)
    reopen = (work and not ticket.status.is_open and not ticket.merged_into_id
              and reopen_target(ticket.assignee_id is not None) in ALLOWED_MOVES[ticket.status])
    return TicketOffers(
        work=work,
        take=may_take(actor, ticket),
        assign=actor.may(Permission.REASSIGN_OPERATOR) and ticket.status.is_open,
        department=actor.may(Permission.REASSIGN_DEPARTMENT)
        or (ticket.department == UNCLASSIFIED and work),
        moves=moves,
        resolve=Status.RESOLVED in moves,
        reopen=reopen,
    )


def may_assign_to(ticket_department: str, role: str, departments: tuple[str, ...]) -> bool:
    """Whether a person can be given a ticket of ``ticket_department`` (as ``assign``
    checks): supervisors and generalists serve every department."""
    return role != "operator" or not departments or ticket_department in departments


def creatable_departments(actor: Actor, codes: list[str]) -> list[str]:
    """Of ``codes`` (the catalogue's routable departments, in order), those ``actor`` may
    create a ticket in (as ``TicketService.create_*`` check): an operator's own departments,
    every one for supervisors and generalists."""
    if not actor.may(Permission.CREATE_TICKET):
        return []
    return [code for code in codes if actor.serves(code)]


def creation_department(actor: Actor, suggested: str | None) -> str | None:
    """The department a new ticket goes to without asking: triage's suggestion when the
    actor may create there, else None (the desk asks, offering only the allowed ones)."""
    if suggested is not None and actor.may(Permission.CREATE_TICKET) and actor.serves(suggested):
        return suggested
    return None
