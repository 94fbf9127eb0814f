import pytest

from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.domain.roles import Actor, Permission, Role, parse_role

OPERATOR = Actor(2, "luis", Role.OPERATOR, frozenset({"obras", "limpieza"}))
GENERALIST = Actor(3, "rosa", Role.OPERATOR)
SUPERVISOR = Actor(1, "ana", Role.SUPERVISOR, frozenset({"obras"}))


@pytest.mark.parametrize("permission", [
    Permission.REASSIGN_DEPARTMENT, Permission.REASSIGN_OPERATOR, Permission.VERIFY_CITIZEN,
    Permission.EDIT_TRIAGE_RULES, Permission.MANAGE_OPERATORS,
])
def test_operator_lacks_supervisor_powers(permission: Permission) -> None:
    assert not OPERATOR.may(permission)
    with pytest.raises(PermissionDeniedError, match="ask a supervisor"):
        OPERATOR.require(permission)
    SUPERVISOR.require(permission)


def test_operators_work_tickets() -> None:
    for permission in (Permission.WORK_TICKET, Permission.ASSIGN_SELF, Permission.CREATE_TICKET):
        OPERATOR.require(permission)


def test_departments_limit_operators_not_supervisors() -> None:
    assert OPERATOR.serves("obras") and not OPERATOR.serves("policia")
    assert GENERALIST.serves("policia")  # no list = every department
    assert SUPERVISOR.serves("policia")
    with pytest.raises(PermissionDeniedError, match="works for limpieza, obras"):
        OPERATOR.require_department("policia")


def test_parse_role() -> None:
    assert parse_role("supervisor") is Role.SUPERVISOR
    with pytest.raises(ValidationError, match="valid: operator, supervisor"):
        parse_role("admin")


@pytest.mark.parametrize("permission", list(Permission))
def test_every_permission_refusal_carries_its_code(permission: Permission) -> None:
    """English for the logs; the window words it by code and parameters (its Spanish:
    tests/ui/test_error_texts.py)."""
    nobody = Actor(0, "nadie", Role.OPERATOR, frozenset())
    if nobody.may(permission):
        return
    with pytest.raises(PermissionDeniedError) as refused:
        nobody.require(permission)
    assert "may not" in str(refused.value) and refused.value.code == "permission.denied"
    assert refused.value.params == {"username": "nadie", "role": "operator",
                                    "permission": permission.value}
