"""The desk's people: operators and supervisors, and how they sign in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from jun_desk.domain.errors import NotFoundError, ValidationError
from jun_desk.domain.roles import Actor, Permission, Role, parse_role
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import actor_from_row, unit_of_work
from jun_desk.store.models import Operator

_USERNAME = re.compile(r"^[\w.\-]{2,64}$")


@dataclass(frozen=True, slots=True)
class OperatorView:
    id: int
    username: str
    display_name: str
    role: Role
    departments: tuple[str, ...]
    active: bool


def _view(row: Operator) -> OperatorView:
    return OperatorView(row.id, row.username, row.display_name, Role(row.role),
                        tuple(d for d in row.departments.split(",") if d), row.active)


class OperatorService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def add(self, username: str, role: str, *, display_name: str | None = None,
            departments: list[str] | None = None, actor: Actor | None = None) -> OperatorView:
        """Add an operator. ``actor`` None means the desk's administrator at the console
        (the CLI on the desk machine, e.g. to create the first supervisor)."""
        username = username.strip()
        if not _USERNAME.match(username):
            raise ValidationError(
                f"Invalid user name {username!r}: 2-64 letters, digits, '.', '-' or '_'"
            )
        parsed_role = parse_role(role)
        codes = sorted({self.ctx.catalogue.get(c.strip()).code
                        for c in (departments or []) if c.strip()})
        with unit_of_work(self.ctx, actor, "operator.add", subject=f"operator:{username}") as (
            session, fresh,
        ):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            exists = session.scalar(
                select(Operator.id).where(func.lower(Operator.username) == username.lower())
            )
            if exists:
                raise ValidationError(f"There is already an operator called '{username}'")
            row = Operator(username=username, display_name=(display_name or username).strip(),
                           role=parsed_role.value, departments=",".join(codes), active=True,
                           created_at=self.ctx.clock())
            session.add(row)
            session.flush()
            record(session, self.ctx, fresh, "operator.add", subject=f"operator:{row.id}",
                   after={"username": username, "role": parsed_role.value,
                          "departments": codes})
            return _view(row)

    def list(self, *, include_inactive: bool = False) -> list[OperatorView]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(Operator).order_by(Operator.username)
            if not include_inactive:
                query = query.where(Operator.active.is_(True))
            return [_view(r) for r in session.scalars(query)]

    def actor(self, username: str) -> Actor:
        """Sign in as ``username``: the Actor the services need for that person."""
        with self.ctx.db.session(readonly=True) as session:
            row = session.scalar(
                select(Operator).where(func.lower(Operator.username) == username.lower())
            )
            if row is None or not row.active:
                raise NotFoundError(f"No active operator called '{username}'")
            return actor_from_row(row)

    def set_active(self, actor: Actor | None, username: str, active: bool) -> OperatorView:
        with unit_of_work(self.ctx, actor, "operator.set_active",
                          subject=f"operator:{username}") as (session, fresh):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            row = session.scalar(select(Operator).where(Operator.username == username))
            if row is None:
                raise NotFoundError(f"No operator called '{username}'")
            before = row.active
            row.active = active
            record(session, self.ctx, fresh, "operator.set_active",
                   subject=f"operator:{row.id}", before={"active": before},
                   after={"active": active})
            return _view(row)
