"""Roles and what each may do.

Operators triage, reply, DM and resolve within their departments (an operator with no
departments listed is a generalist who serves them all). Supervisors may do everything,
including moving tickets across departments and people and verifying citizens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import PermissionDeniedError, ValidationError


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"


class Permission(StrEnum):
    CREATE_TICKET = "create_ticket"
    WORK_TICKET = "work_ticket"  # move status, note, reply, DM, resolve, reopen
    ASSIGN_SELF = "assign_self"
    MERGE = "merge"
    REASSIGN_DEPARTMENT = "reassign_department"
    REASSIGN_OPERATOR = "reassign_operator"
    VERIFY_CITIZEN = "verify_citizen"
    EDIT_TRIAGE_RULES = "edit_triage_rules"
    MANAGE_OPERATORS = "manage_operators"
    SET_X_BUDGET = "set_x_budget"
    MANAGE_PRIVACY = "manage_privacy"  # retention, legal hold, access log, export, erasure
    MANAGE_STREAMS = "manage_streams"  # staff accounts, watched searches (issue 27)
    DRAFT_ANNOUNCEMENT = "draft_announcement"  # draft, edit, submit the town's own posts
    PUBLISH_ANNOUNCEMENT = "publish_announcement"  # approve, return, schedule, publish


_OPERATOR_PERMISSIONS = frozenset({
    Permission.CREATE_TICKET, Permission.WORK_TICKET, Permission.ASSIGN_SELF, Permission.MERGE,
    Permission.DRAFT_ANNOUNCEMENT,
})
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: _OPERATOR_PERMISSIONS,
    Role.SUPERVISOR: frozenset(Permission),
}

_DESCRIPTIONS = {
    Permission.CREATE_TICKET: "create tickets",
    Permission.WORK_TICKET: "work on tickets",
    Permission.ASSIGN_SELF: "take tickets",
    Permission.MERGE: "merge tickets",
    Permission.REASSIGN_DEPARTMENT: "move tickets to another department",
    Permission.REASSIGN_OPERATOR: "assign tickets to other people",
    Permission.VERIFY_CITIZEN: "verify citizens as residents",
    Permission.EDIT_TRIAGE_RULES: "edit triage rules",
    Permission.MANAGE_OPERATORS: "manage operators",
    Permission.SET_X_BUDGET: "set the X budget",
    Permission.MANAGE_PRIVACY: "manage citizens' personal data (retention, legal hold, "
                               "access and erasure)",
    Permission.MANAGE_STREAMS: "manage staff accounts and watched searches",
    Permission.DRAFT_ANNOUNCEMENT: "draft the town's announcements",
    Permission.PUBLISH_ANNOUNCEMENT: "approve, schedule or publish the town's announcements",
}


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError.of("role.unknown", value=value,
                                 roles=[r.value for r in Role]) from None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: an operator's identity as the services need it."""

    operator_id: int
    username: str
    role: Role
    departments: frozenset[str] = frozenset()

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def serves(self, department: str) -> bool:
        # Unclassified messages are everyone's to route.
        return (self.is_supervisor or not self.departments or department in self.departments
                or department == UNCLASSIFIED)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDeniedError(
                f"{self.username} ({self.role.value}) may not {_DESCRIPTIONS[permission]}: "
                "ask a supervisor",
                code="permission.denied",
                params={"username": self.username, "role": self.role.value,
                        "permission": permission.value},
            )

    def require_department(self, department: str) -> None:
        if not self.serves(department):
            mine = ", ".join(sorted(self.departments))
            raise PermissionDeniedError(
                f"{self.username} works for {mine}, not for '{department}': ask a supervisor",
                code="permission.department",
                params={"username": self.username, "departments": sorted(self.departments),
                        "department": department},
            )
