"""The town's routing policy (issue 26): does triage route a message by itself only when it
is safe (97 % right, the default), or always to the most likely department?

One row in the database (``triage_routing``) for every desk on it. A supervisor sets it
(audited, before → after); every desk reads it before triaging each page of new messages
(``TriageModelService.refresh``), so it applies to messages triaged from then on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.routing import DEFAULT_POLICY, RoutingPolicy, threshold_for
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.insert import insert_for
from jun_desk.store.models import TriageRouting

ROW = 1  # the single row


@dataclass(frozen=True, slots=True)
class RoutingView:
    policy: RoutingPolicy
    default: bool  # nobody chose: the default policy
    updated_by: str | None = None
    updated_at: datetime | None = None
    # The confidence below which a message waits "sin clasificar" under each policy, as
    # the model in use reads it (None: no model, the rules alone decide).
    thresholds: dict[RoutingPolicy, float] | None = None


def read_policy(session: Session) -> RoutingPolicy:
    """The policy stored, or the default (a value a newer desk wrote: the default too)."""
    row = session.get(TriageRouting, ROW)
    if row is None:
        return DEFAULT_POLICY
    try:
        return RoutingPolicy(row.policy)
    except ValueError:
        return DEFAULT_POLICY


class TriageRoutingService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def policy(self) -> RoutingPolicy:
        with self.ctx.db.session(readonly=True) as session:
            return read_policy(session)

    def view(self) -> RoutingView:
        with self.ctx.db.session(readonly=True) as session:
            row = session.get(TriageRouting, ROW)
            policy = read_policy(session)
            by, at = (row.updated_by, row.updated_at) if row is not None else (None, None)
        model = self.ctx.rules.triage.model
        thresholds = ({p: threshold_for(model, p) for p in RoutingPolicy}
                      if model is not None else None)
        return RoutingView(policy, row is None, by, at, thresholds)

    def set_policy(self, actor: Actor, policy: RoutingPolicy) -> RoutingView:
        """A supervisor chooses the policy for every desk (audited; refused and audited for
        anyone else). Messages triaged from then on are routed by it."""
        policy = RoutingPolicy(policy)
        with unit_of_work(self.ctx, actor, "triage.routing",
                          subject="triage_routing") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.EDIT_TRIAGE_RULES)
            before = read_policy(session)
            now = self.ctx.clock()
            values = {"policy": policy.value, "updated_by": fresh.username, "updated_at": now}
            session.execute(insert_for(session, TriageRouting.__table__)
                            .values(id=ROW, **values)
                            .on_conflict_do_update(index_elements=["id"], set_=values))
            record(session, self.ctx, fresh, "triage.routing", subject="triage_routing",
                   before={"policy": before.value}, after={"policy": policy.value})
        self.ctx.rules.triage.use_policy(policy)
        return self.view()
