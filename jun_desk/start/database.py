"""The database opened on the worker (SQLAlchemy, the store and the services load here,
behind the shown window), and who signs in: nobody can, someone is signed in already (the
system user, the sandbox's trainee), or the sign-in asks inside the window."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jun_desk.config import SignInSettings, sign_in_settings

if TYPE_CHECKING:
    from jun_desk.domain.roles import Actor
    from jun_desk.services.desk import Desk


@dataclass
class Opened:
    """What the worker prepared: the open desk and who may sign in."""

    desk: Desk
    actor: Actor | None  # signed in already (the system user, the sandbox's trainee)
    no_operators: bool
    dialog_os_user: str | None  # offered on the first sign-in
    session_os_user: str | None  # offered on the lock screen
    idle_minutes: float

    @property
    def asks_sign_in(self) -> bool:
        """Someone is to type a name (and a password) in the window."""
        return not self.no_operators and self.actor is None


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the data layer's modules load: their
    hundreds of thousands of new objects would set it off again and again for nothing
    (all of them live as long as the process; ``gc.freeze`` then sets them aside)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def open_desk(db_url: str, hold: Callable[[Desk], None], *, training: bool,
              settings: Callable[[], SignInSettings] = sign_in_settings) -> Opened:
    """On the worker: the database opened (migrated if need be) and who signs in.
    ``hold(desk)`` as soon as it is open, so that whatever fails after it (the settings,
    the operators) still leaves it to be closed."""
    with collector_paused():
        from jun_desk.config import x_prices
        from jun_desk.domain.passwords import PasswordPolicy
        from jun_desk.services.desk import Desk

    desk = Desk.open(db_url)
    hold(desk)
    desk.ctx.prices = x_prices()  # X's prices: the dated defaults, settings.ini on top
    chosen = settings()
    desk.operators.policy = PasswordPolicy(pin=chosen.pin)
    return who_signs_in(desk, chosen, training=training)


def who_signs_in(desk: Desk, settings: SignInSettings, *, training: bool,
                 os_user: Callable[[], str] | None = None) -> Opened:
    """Nobody (no operators), the operator bound to this system user when the settings
    allow it, the sandbox's own supervisor on a training database with only trainees,
    or nobody yet (the sign-in asks). ``os_user``: who runs the desk (tests)."""
    from jun_desk.services.operators import TRAINEES
    from jun_desk.ui.sign_in import system_user

    who_runs = os_user or system_user
    trainees_only = training and desk.operators.ensure_trainees()
    if trainees_only:
        seed_training_streams(desk)
    operators = desk.operators.list()
    session_os_user = who_runs() if settings.system_user and not training else None
    actor = None
    dialog_os_user = session_os_user
    if operators and session_os_user:
        actor = desk.operators.sign_in_system(session_os_user)
        dialog_os_user = None  # nobody bound to this system user: the usual sign-in
    if operators and actor is None and trainees_only:  # the sandbox's own supervisor
        actor = desk.operators.actor(TRAINEES[0][0])
    return Opened(desk, actor, not operators, dialog_os_user, session_os_user,
                  settings.idle_minutes)


def seed_training_streams(desk: Desk) -> None:
    """A training database (trainees only) watches the sandbox's staff accounts and
    searches (issue 27), once: what the sandbox's day brings for them shows in the feed.
    A supervisor may remove them; they are not added again."""
    from jun_desk.domain.items import XUser
    from jun_desk.services.operators import TRAINEES
    from jun_desk.x.sandbox.staff_day import SEARCH_QUERIES, STAFF

    streams = desk.streams
    if streams.staff(include_inactive=True) or streams.searches(include_inactive=True):
        return
    actor = desk.operators.actor(TRAINEES[0][0])
    for staff in STAFF:
        streams.add_staff(actor, XUser(staff.id, staff.handle, staff.name), staff.department,
                          staff.role)
    for query in SEARCH_QUERIES:
        streams.add_search(actor, query)
