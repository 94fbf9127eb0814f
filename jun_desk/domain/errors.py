"""Errors that carry a message meant for the person at the desk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from jun_desk.domain.error_codes import english


class JunDeskError(Exception):
    """Base of every error whose text can be shown to a user as it is.

    ``code`` (a key of ``error_codes.ERRORS``) and ``params`` say what went wrong in a way
    the window renders in its own language; ``str()`` stays the English message, for the
    logs and the command line. Raise one with ``SomeError.of(code, **params)``."""

    def __init__(self, message: str = "", *, code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        # an unknown code (a typo) is refused by tests/ui/test_error_texts.py, not here: an
        # error being raised must not become another one
        super().__init__(message)
        self.code = code
        self.params: dict[str, object] = dict(params or {})

    @classmethod
    def of(cls, code: str, /, **params: Any) -> Self:
        """The error ``code`` with ``params``, its English message from the catalogue."""
        return cls(english(code, params), code=code, params=params)


def describe(err: BaseException) -> str:
    """One line for any failure, as written (the desk's own errors: English, for the logs
    and the command line; the window words coded ones by code, ``ui.error_texts.render``,
    and shows this for the rest): anything else with its type (a bug, better named than
    hidden)."""
    if isinstance(err, JunDeskError):
        return str(err)
    return f"{type(err).__name__}: {err}"


class ValidationError(JunDeskError):
    """The input is not acceptable (unknown department, empty note, ...)."""


class NotFoundError(JunDeskError):
    """The ticket, item, operator or citizen asked for does not exist."""


class InvalidTransitionError(JunDeskError):
    """A status move the workflow does not allow."""


class PermissionDeniedError(JunDeskError):
    """The acting operator's role or departments do not allow the action. ``action``: the
    catalogue code of what was refused (the services fill it in), so the window can name
    it."""

    def __init__(self, message: str = "", *, action: str | None = None,
                 code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.action = action


class ConflictError(JunDeskError):
    """Someone else changed the ticket since it was read; nothing was overwritten."""

    def __init__(self, message: str, *, current_version: int | None = None,
                 changed_by: str | None = None, change: str | None = None,
                 ticket_id: int | None = None, at: str | None = None,
                 fields: tuple[tuple[str, str, str], ...] = (), code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.current_version = current_version
        self.changed_by = changed_by
        self.change = change  # the audit action of the change that won
        self.ticket_id = ticket_id
        self.at = at  # HH:MM:SS UTC
        self.fields = fields  # (field, before, after)


class StorageError(JunDeskError):
    """The database cannot be opened, reached, written or upgraded."""


class LeaseLostError(JunDeskError):
    """This desk no longer holds the right to poll X for the account: another desk took
    over (this one was cut off longer than its lease). Nothing of the page was stored."""


class SessionEndedError(PermissionDeniedError):
    """The signed-in operator no longer exists or was deactivated (perhaps on another desk):
    nothing was done; the person must sign in again. ``gone``: the row itself was removed."""

    def __init__(self, message: str = "", *, gone: bool = False, code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.gone = gone


class SignInError(JunDeskError):
    """A sign-in was refused. ``reason`` says why, for the sign-in screen to word it:
    ``wrong`` (unknown name or wrong password — deliberately the same), ``wait`` (too many
    wrong attempts: ``wait_seconds`` to go), ``no_password`` (none set yet: type the
    first-access code), ``choose_password`` (the code is right: choose one), ``no_code``
    (no password and no code: ask a supervisor), ``code_expired``, ``has_password``,
    ``empty`` or ``too_long``."""

    def __init__(self, message: str, reason: str, *, wait_seconds: int = 0,
                 code: str | None = None, params: Mapping[str, object] | None = None) -> None:
        if params is None and wait_seconds:
            params = {"seconds": wait_seconds}
        super().__init__(message, code=code or f"sign_in.{reason}", params=params)
        self.reason = reason
        self.wait_seconds = wait_seconds


class RecipientMismatchError(ValidationError):
    """A DM typed in one citizen's conversation, for a ticket that is another citizen's (or
    for a ticket the conversation is not linked to): refused, nothing queued. A DM always
    goes to the person the conversation is with; sending it while the ticket is someone
    else's needs the operator's explicit confirmation, since the text was likely written
    with that other person's case in mind."""

    def __init__(self, message: str, *, ticket_id: int, conversation_handle: str,
                 ticket_handle: str | None, linked: bool = True, code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.ticket_id = ticket_id
        self.conversation_handle = conversation_handle
        self.ticket_handle = ticket_handle
        self.linked = linked


def bad_resource(detail: str) -> ValidationError:
    """One of the desk's own files (a shipped catalogue, list or model, or a settings file)
    cannot be used: a broken install, said in English (``detail``) in every language."""
    return ValidationError.of("resource.invalid", detail=detail)
