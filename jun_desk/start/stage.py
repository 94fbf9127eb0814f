"""Where the start is: one enum, and the order its steps may follow."""

from __future__ import annotations

from enum import Enum


class Stage(Enum):
    """The start's stages; a stage's value is the event it records (``DeskStart.events``)."""

    WAITING = "waiting"  # the window built, not yet on screen
    SHOWN = "shown"  # on screen: the credentials (or the sandbox) being read
    CONNECTED = "connected"  # where the desk connects is known: the database opening
    OPENED = "opened"  # the database open: who signs in decided
    SIGN_IN = "sign-in"  # the sign-in asked inside the window
    ATTACHED = "attached"  # the desk's views built into the window
    BOARD = "board"  # the board's first page painted: the desk is ready
    FAILED = "failed"  # said over the window; the desk then closes
    CLOSED = "closed"  # the window closed or the application quitting

    def may_go_to(self, after: Stage) -> bool:
        """Whether ``after`` may follow: forward along the start only (a step never runs
        twice nor after an ending), failing or closing from anywhere but an ending."""
        if self in ENDINGS:
            return after is Stage.CLOSED and self is Stage.FAILED
        return after in ENDINGS or after in _FOLLOWS[self]


ENDINGS = frozenset({Stage.FAILED, Stage.CLOSED})
_FOLLOWS: dict[Stage, frozenset[Stage]] = {
    # Tests (and the credentials dialog, which finds the keys itself) enter at "connected".
    Stage.WAITING: frozenset({Stage.SHOWN, Stage.CONNECTED}),
    Stage.SHOWN: frozenset({Stage.CONNECTED}),
    Stage.CONNECTED: frozenset({Stage.OPENED}),
    Stage.OPENED: frozenset({Stage.SIGN_IN, Stage.ATTACHED}),  # asked, or signed in already
    Stage.SIGN_IN: frozenset({Stage.ATTACHED}),
    Stage.ATTACHED: frozenset({Stage.BOARD}),
    Stage.BOARD: frozenset(),
}
