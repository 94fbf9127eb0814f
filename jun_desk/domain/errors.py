"""Errors that carry a message meant for the person at the desk."""

from __future__ import annotations


class JunDeskError(Exception):
    """Base of every error whose text can be shown to a user as it is."""


class ValidationError(JunDeskError):
    """The input is not acceptable (unknown department, empty note, ...)."""


class NotFoundError(JunDeskError):
    """The ticket, item, operator or citizen asked for does not exist."""


class InvalidTransitionError(JunDeskError):
    """A status move the workflow does not allow."""


class PermissionDeniedError(JunDeskError):
    """The acting operator's role or departments do not allow the action."""


class ConflictError(JunDeskError):
    """Someone else changed the ticket since it was read; nothing was overwritten."""

    def __init__(self, message: str, *, current_version: int | None = None,
                 changed_by: str | None = None, change: str | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.changed_by = changed_by
        self.change = change


class StorageError(JunDeskError):
    """The database cannot be opened, reached, written or upgraded."""


class LeaseLostError(JunDeskError):
    """This desk no longer holds the right to poll X for the account: another desk took
    over (this one was cut off longer than its lease). Nothing of the page was stored."""
