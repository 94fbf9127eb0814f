"""What every panel needs: the services, who is signed in, and a way to run work off the
GUI thread. Panels call services only through ``run``."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from jun_desk.domain.actions import Changes
from jun_desk.domain.errors import JunDeskError, SessionEndedError
from jun_desk.domain.roles import Actor
from jun_desk.services.desk import Desk
from jun_desk.services.operations import changes_of, perform
from jun_desk.ui import labels
from jun_desk.ui.workers import run_job

APPLIED_MEMORY = 10_000  # audit events remembered as applied (each arrives at most twice)


def describe(err: BaseException) -> str:
    """The line a person reads for ``err``, in the window's language (errors by code)."""
    from jun_desk.ui.error_texts import render

    return render(err)


class UiContext(QObject):
    message = Signal(str)  # for the status bar
    changed = Signal()  # an operation of this desk changed something (see the next)
    # (Changes, initiator): what an operation of this desk committed, and the view that
    # asked (or None). The main window hands it to every view once, as it hands on what
    # other desks commit (as Anki's operation_did_execute).
    operation_did_execute = Signal(object, object)
    # (Changes, initiator): every change — this desk's operations, its poller, other desks
    # through the stream — once (by audit event id). Each view connects to it and
    # refreshes only if a kind it shows changed, and only what changed.
    changes_applied = Signal(object, object)
    ticket_chosen = Signal(int)
    ticket_changed = Signal(object)  # a TicketView as it is now, after an action
    outbox_queued = Signal()  # a reply or DM waits: the poller may send it now
    actor_changed = Signal(object)  # another operator signed in (an Actor)
    session_ended = Signal(str)  # the signed-in account was removed or deactivated
    # An action of this desk's operator went through: (kind, before, after) with kind
    # move/take/assign/department/resolve/reopen (TicketViews) or handled (ItemViews);
    # the window confirms it in the status bar and offers to undo it.
    acted = Signal(str, object, object)
    bug = Signal(object)  # a background job failed with no error of the desk's: a bug

    def __init__(self, desk: Desk, actor: Actor, parent: QObject | None = None, *,
                 account: str = "AytoJun") -> None:
        super().__init__(parent)
        self.desk = desk
        labels.set_catalogue(desk.ctx.catalogue)
        self.actor = actor
        self.account = account  # the desk's X account replies and DMs go out from
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._applied: deque[int] = deque(maxlen=APPLIED_MEMORY)  # audit event ids, in order
        self._applied_set: set[int] = set()

    def set_actor(self, actor: Actor) -> None:
        """Someone else sits at the desk now: their role applies at once."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            *, failure: str = "", changes: bool = False,
            on_error: Callable[[Exception], None] | None = None, quiet: bool = False,
            initiator: object = None) -> None:
        """An operation: ``work`` (a service call) on a pool thread; ``on_done(result)``
        back on the GUI thread, then what it committed goes to ``operation_did_execute``
        with ``initiator`` — whether or not the caller says ``changes`` (kept for the
        callers that say so; the audit events tell). A failure is logged and becomes one
        line in the status bar (``failure`` says what was being done), unless ``quiet``:
        background work whose failure something else reports (the banner); ``on_error``
        runs in every case, so no view stays waiting."""
        del changes  # what changed is known from the audit events the work wrote

        def done(value: tuple[Any, Changes]) -> None:
            result, changed = value
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._executed(changed, initiator)

        def failed(err: Exception) -> None:
            self._executed(changes_of(err), initiator)
            if not isinstance(err, JunDeskError):
                self.bug.emit(err)  # the window writes a crash report and says where
            if isinstance(err, SessionEndedError):
                self.session_ended.emit(describe(err))
            if not quiet:
                self.message.emit(f"{failure}: {describe(err)}" if failure else describe(err))
            if on_error is not None:
                on_error(err)

        run_job(self.pool, lambda: perform(work), done, failed)

    def _executed(self, changed: Changes, initiator: object) -> None:
        if changed:
            self.operation_did_execute.emit(changed, initiator)
            self.changed.emit()
            self.apply_changes(changed, initiator)

    def apply_changes(self, changes: Changes, initiator: object = None) -> None:
        """Hand ``changes`` to every view once: the same audit events reach the desk twice
        (from the operation, then back through the change stream) and are applied at the
        first. A change with no events (``everything``: after a lost connection) always
        goes through."""
        changes = changes.without(self._applied_set)
        if not changes:
            return
        for event_id in changes.event_ids:
            if len(self._applied) == self._applied.maxlen:
                self._applied_set.discard(self._applied[0])
            self._applied.append(event_id)
            self._applied_set.add(event_id)
        self.changes_applied.emit(changes, initiator)

    def wait(self, ms: int = 30_000) -> None:
        self.pool.waitForDone(ms)
