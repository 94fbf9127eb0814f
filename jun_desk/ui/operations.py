"""Typed work off the GUI thread, as Anki's ``CollectionOp`` and ``QueryOp``.

``Op`` changes things: a service call that writes. What it committed (its audit events, with
the tickets it returns as they are now) goes to every view once, through
``UiContext.changes_applied`` — the one channel by which views learn of changes, from this
desk or another. ``Query`` only reads: nothing goes to the views but its result.

    Op(ui, lambda: desk.tickets.reopen(actor, t.id, t.version),
       failure_text=self.tr("No se pudo reabrir")).success(self._reopened).run()
    Query(ui, desk.feed.conversations).success(self._loaded).run()

``success(result)`` runs on the GUI thread, then the changes are applied (a view that asked
sees its own answer first). A failure is logged and becomes one line in the status bar
(``failure_text`` says what was being done) unless ``quietly()``: something else reports it
(a banner, the dialog that asked); ``failure(err)`` runs in every case, so no view stays
waiting. A view refreshes itself from the changes; it never refreshes another view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Self, TypeVar

from jun_desk.domain.actions import Changes
from jun_desk.domain.errors import JunDeskError, SessionEndedError
from jun_desk.domain.tickets import ItemView, TicketView
from jun_desk.services.operations import changes_of, perform
from jun_desk.ui.context import describe
from jun_desk.ui.workers import run_job

if TYPE_CHECKING:
    from jun_desk.ui.context import UiContext

T = TypeVar("T")


def views_in(result: object) -> tuple[TicketView | ItemView, ...]:
    """The tickets and messages an operation's result holds as they are now: the result
    itself, or its ``ticket`` and ``item`` (``ItemOnTicket``, ``ResolvedWithReply``)."""
    if isinstance(result, TicketView | ItemView):
        return (result,)
    found = (getattr(result, "ticket", None), getattr(result, "item", None))
    return tuple(v for v in found if isinstance(v, TicketView | ItemView))


class _Work(Generic[T]):
    def __init__(self, ui: UiContext, work: Callable[[], T], *, failure_text: str = "") -> None:
        self.ui = ui
        self.work = work
        self.failure_text = failure_text
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Exception], object] | None = None
        self._quiet = False

    def success(self, success: Callable[[T], object] | None) -> Self:
        """``success(result)`` on the GUI thread."""
        self._success = success
        return self

    def failure(self, failure: Callable[[Exception], object] | None) -> Self:
        """``failure(err)`` on the GUI thread, after the error was reported."""
        self._failure = failure
        return self

    def quietly(self) -> Self:
        """Say nothing in the status bar when it fails: the caller reports it."""
        self._quiet = True
        return self

    def _failed(self, err: Exception) -> None:
        ui = self.ui
        if not isinstance(err, JunDeskError):
            ui.bug.emit(err)  # the window writes a crash report and says where
        if isinstance(err, SessionEndedError):
            ui.session_ended.emit(describe(err))
        if not self._quiet:
            text = self.failure_text
            ui.message.emit(f"{text}: {describe(err)}" if text else describe(err))
        if self._failure is not None:
            self._failure(err)


class Op(_Work[T]):
    """An operation: changes things, then what it changed reaches every view once."""

    def run(self, *, initiator: object = None) -> None:
        """On a pool thread; ``initiator`` (the view that asked) goes with the changes."""

        def done(value: tuple[T, Changes]) -> None:
            result, changed = value
            try:
                if self._success is not None:
                    self._success(result)
            finally:
                self.ui.apply_changes(changed.with_now(*views_in(result)), initiator)

        def failed(err: Exception) -> None:
            # A failure may follow a commit (a sync stored a page, then lost X): applied.
            self.ui.apply_changes(changes_of(err), initiator)
            self._failed(err)

        run_job(self.ui.pool, lambda: perform(self.work), done, failed)


class Query(_Work[T]):
    """A query: only reads; its result goes to ``success`` and nowhere else."""

    def run(self) -> None:
        def done(result: T) -> None:
            if self._success is not None:
                self._success(result)

        run_job(self.ui.pool, self.work, done, self._failed)
