"""What every panel needs: the services, who is signed in, and a way to run work off the
GUI thread. Panels call services only through ``run``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from jun_desk.domain.errors import SessionEndedError
from jun_desk.domain.roles import Actor
from jun_desk.services.desk import Desk
from jun_desk.ui import labels
from jun_desk.ui.workers import run_job
from jun_desk.x.errors import describe_error


def describe(err: Exception) -> str:
    return describe_error(err, labels.language())


class UiContext(QObject):
    message = Signal(str)  # for the status bar
    changed = Signal()  # something in the desk changed: views refresh what they show
    ticket_chosen = Signal(int)
    ticket_changed = Signal(object)  # a TicketView as it is now, after an action
    outbox_queued = Signal()  # a reply or DM waits: the poller may send it now
    actor_changed = Signal(object)  # another operator signed in (an Actor)
    session_ended = Signal(str)  # the signed-in account was removed or deactivated
    # An action of this desk's operator went through: (kind, before, after) with kind
    # move/take/assign/department/resolve/reopen (TicketViews) or handled (ItemViews);
    # the window confirms it in the status bar and offers to undo it.
    acted = Signal(str, object, object)

    def __init__(self, desk: Desk, actor: Actor, parent: QObject | None = None, *,
                 account: str = "AytoJun") -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor = actor
        self.account = account  # the desk's X account replies and DMs go out from
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)

    def set_actor(self, actor: Actor) -> None:
        """Someone else sits at the desk now: their role applies at once."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            *, failure: str = "", changes: bool = False,
            on_error: Callable[[Exception], None] | None = None, quiet: bool = False) -> None:
        """``work`` on a pool thread; ``on_done(result)`` back on the GUI thread. A failure
        becomes one line in the status bar (``failure`` says what was being done), unless
        ``quiet``: background work whose failure something else reports (the banner)."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            if changes:
                self.changed.emit()

        def failed(err: Exception) -> None:
            if isinstance(err, SessionEndedError):
                self.session_ended.emit(describe(err))
            if not quiet:
                self.message.emit(f"{failure}: {describe(err)}" if failure else describe(err))
            if on_error is not None:
                on_error(err)

        run_job(self.pool, work, done, failed)

    def wait(self, ms: int = 30_000) -> None:
        self.pool.waitForDone(ms)
