from itertools import pairwise

import pytest

from jun_desk.domain.errors import InvalidTransitionError
from jun_desk.domain.workflow import (
    ALLOWED_MOVES,
    OPEN_STATUSES,
    Status,
    check_move,
    is_reopen,
    parse_status,
    reopen_target,
)


def test_the_usual_life_of_a_ticket_is_allowed() -> None:
    path = [Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING_CITIZEN,
            Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED]
    for current, target in pairwise(path):
        check_move(current, target, has_assignee=True)


@pytest.mark.parametrize("current, target", [
    (Status.NEW, Status.WAITING_CITIZEN),
    (Status.WAITING_CITIZEN, Status.CLOSED),
    (Status.IN_PROGRESS, Status.NEW),
    (Status.CLOSED, Status.RESOLVED),
])
def test_disallowed_moves_say_where_the_ticket_can_go(current: Status, target: Status) -> None:
    with pytest.raises(InvalidTransitionError, match="can go to"):
        check_move(current, target, has_assignee=True)


def test_work_statuses_need_an_assignee() -> None:
    with pytest.raises(InvalidTransitionError, match="needs an assignee"):
        check_move(Status.NEW, Status.IN_PROGRESS, has_assignee=False)
    check_move(Status.NEW, Status.RESOLVED, has_assignee=False)  # e.g. spam, thanks


def test_same_status_is_not_a_move() -> None:
    with pytest.raises(InvalidTransitionError, match="already"):
        check_move(Status.NEW, Status.NEW, has_assignee=False)


def test_reopen_is_allowed_from_resolved_and_closed() -> None:
    for done in (Status.RESOLVED, Status.CLOSED):
        assert is_reopen(done, Status.IN_PROGRESS)
        check_move(done, reopen_target(True), has_assignee=True)
        check_move(done, reopen_target(False), has_assignee=False)
    assert reopen_target(False) is Status.NEW


def test_every_status_has_a_way_out_and_open_set_is_right() -> None:
    assert all(ALLOWED_MOVES[s] for s in Status)
    assert {Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS,
                             Status.WAITING_CITIZEN} == OPEN_STATUSES


def test_unknown_status_lists_valid_ones() -> None:
    with pytest.raises(InvalidTransitionError, match="valid: new, assigned"):
        parse_status("done")
