"""What every panel needs: the services, who is signed in, a pool to run work off the GUI
thread (``ui.operations``: ``Op`` changes things, ``Query`` reads) and the one channel by
which every view learns what changed (``changes_applied``)."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from jun_desk.domain.actions import Changes
from jun_desk.domain.roles import Actor
from jun_desk.services.desk import Desk
from jun_desk.ui import labels

if TYPE_CHECKING:
    from jun_desk.ui.media.thumbs import Thumbnails

__all__ = ["APPLIED_MEMORY", "UiContext", "describe"]

APPLIED_MEMORY = 10_000  # audit events remembered as applied (each arrives at most twice)


def describe(err: BaseException) -> str:
    """The line a person reads for ``err``, in the window's language (errors by code)."""
    from jun_desk.ui.error_texts import render

    return render(err)


class UiContext(QObject):
    message = Signal(str)  # for the status bar
    # (Changes, initiator): every change — this desk's operations (with the tickets and
    # messages as they left them: ``Changes.now``), its poller, other desks through the
    # stream — once (by audit event id). Each view connects to it and refreshes only if a
    # kind it shows changed, and only what changed; no view refreshes another.
    changes_applied = Signal(object, object)
    ticket_chosen = Signal(int)
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
        self._thumbnails: Thumbnails | None = None

    @property
    def thumbnails(self) -> Thumbnails:
        """The citizens' photos decoded small, shared by the feed, the cards and the ticket
        pane (made on first use: a desk nobody sends photos to decodes nothing)."""
        if self._thumbnails is None:
            from jun_desk.ui.media.thumbs import Thumbnails

            self._thumbnails = Thumbnails(self)
        return self._thumbnails

    def set_actor(self, actor: Actor) -> None:
        """Someone else sits at the desk now: their role applies at once."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def apply_changes(self, changes: Changes, initiator: object = None) -> None:
        """Hand ``changes`` to every view once: the same audit events reach the desk twice
        (from the operation, then back through the change stream) and are applied at the
        first. A change with no events (``everything``: after a lost connection) always
        goes through."""
        changes = changes.without(self._applied_set)
        if not changes and not changes.now:
            return
        for event_id in changes.event_ids:
            if len(self._applied) == self._applied.maxlen:
                self._applied_set.discard(self._applied[0])
            self._applied.append(event_id)
            self._applied_set.add(event_id)
        self.changes_applied.emit(changes, initiator)

    def wait(self, ms: int = 30_000) -> None:
        self.pool.waitForDone(ms)
        if self._thumbnails is not None:
            self._thumbnails.wait(ms)
