"""Every way a call to X can fail, as one error with a code (``domain.error_codes``: its
English; the window words it in its language by that code)."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from jun_desk.domain.error_codes import english
from jun_desk.domain.errors import JunDeskError

if TYPE_CHECKING:  # imported where used: the window describes errors without loading tweepy
    import requests


class Failure(StrEnum):
    AUTH = "auth"  # 401: wrong or revoked keys
    FORBIDDEN = "forbidden"  # 403: the app lacks a permission, a duplicate tweet, ...
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    RATE_LIMITED = "rate_limited"
    SERVER = "server"  # 5xx
    TIMEOUT = "timeout"
    NETWORK = "network"  # refused, reset, DNS
    MALFORMED = "malformed"  # a body that is not the JSON X promises
    CREDITS = "credits"  # 402: the X account's pay-per-use credits ran out (or its cap)

    @property
    def transient(self) -> bool:
        """Worth retrying later without anyone changing anything."""
        return self in (Failure.RATE_LIMITED, Failure.SERVER, Failure.TIMEOUT, Failure.NETWORK,
                        Failure.MALFORMED)


# A refusal for spent credits is not retried in a loop: the desk asks again this often.
CREDITS_RECHECK = 3600.0


def _credits_problem(response: requests.Response | None) -> bool:
    """X's refusal for spent credits: a 402, or the usage-capped problem X's OpenAPI
    document declares (UsageCapExceededProblem, sent with a 429)."""
    if response is None:
        return False
    if response.status_code == 402:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    kind = str(body.get("type", "")) if isinstance(body, dict) else ""
    return kind.endswith(("/problems/usage-capped", "/problems/credits-depleted"))


class XApiError(JunDeskError):
    def __init__(self, failure: Failure, *, status: int | None = None, detail: str = "",
                 retry_after: float | None = None, resumes_at: float | None = None) -> None:
        self.failure = failure
        self.status = status
        self.detail = detail
        super().__init__()
        self.waits(retry_after, resumes_at)

    def waits(self, retry_after: float | None, resumes_at: float | None) -> None:
        """How long X asks to wait (``resumes_at``: a spent 24-hour cap resets then, epoch
        seconds), also when read from the headers after the error was made: the code,
        parameters and English follow. The English is the catalogue's, word for word, so
        a stored failure is recognised."""
        self.retry_after, self.resumes_at = retry_after, resumes_at
        self.code, self.params = self._coded()
        self.args = (english(self.code, self.params),)

    def _coded(self) -> tuple[str, dict[str, object]]:
        """The error's code and parameters (``domain.error_codes``), for the window."""
        if self.failure is Failure.RATE_LIMITED and self.resumes_at is not None:
            return "x.daily_cap", {"when": _local_time(self.resumes_at)}
        code = f"x.{self.failure.value}"
        if self.failure in (Failure.FORBIDDEN, Failure.NOT_FOUND, Failure.BAD_REQUEST):
            return code, {"detail": f": {self.detail}" if self.detail else ""}
        if self.failure is Failure.RATE_LIMITED:
            if self.retry_after is None:
                return "x.rate_limited_now", {}
            return code, {"wait": f"{int(self.retry_after)} s"}
        if self.failure in (Failure.SERVER, Failure.CREDITS):
            return code, {"status": self.status or ""}
        if self.failure is Failure.NETWORK:
            return code, {"network": self.detail}
        return code, {}

    @property
    def transient(self) -> bool:
        return self.failure.transient


def _local_time(epoch: float) -> str:
    """'14:05', or '28/11 14:05' when not today (the desk's local time)."""
    when = datetime.fromtimestamp(epoch).astimezone()
    today = datetime.now().astimezone().date()
    return f"{when:%H:%M}" if when.date() == today else f"{when:%d/%m %H:%M}"


def _x_reason(response: requests.Response | None) -> str:
    """X's own words from an error body: the first of 'errors', else 'detail'."""
    if response is None:
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    errors = body.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        specific = errors[0].get("message") or errors[0].get("detail")
        if specific:
            return str(specific)[:300]
    reason = str(body.get("detail") or body.get("title") or "")
    parameter = body.get("parameter")  # X's newer problems name it at the top
    if isinstance(parameter, str) and parameter and parameter not in reason:
        value = body.get("value")
        reason += f" [{parameter}" + (f"={value}]" if isinstance(value, str) and value else "]")
    return reason[:300]


def map_exception(err: BaseException, *, now: float) -> XApiError:
    """Turn whatever tweepy, requests or the JSON parser raised into an XApiError."""
    import requests
    import tweepy

    if isinstance(err, XApiError):
        return err
    if isinstance(err, tweepy.HTTPException) and _credits_problem(err.response):
        status = err.response.status_code if err.response is not None else 402
        return XApiError(Failure.CREDITS, status=status, detail=_x_reason(err.response),
                         retry_after=CREDITS_RECHECK)
    if isinstance(err, tweepy.TooManyRequests):
        reset = getattr(err, "reset_time", None)
        if reset is None and err.response is not None:
            value = err.response.headers.get("x-rate-limit-reset")
            reset = int(value) if value and value.isdigit() else None
        wait = max(1.0, reset - now) if reset else 60.0
        return XApiError(Failure.RATE_LIMITED, status=429, retry_after=wait)
    if isinstance(err, tweepy.Unauthorized):
        return XApiError(Failure.AUTH, status=401)
    if isinstance(err, tweepy.Forbidden):
        return XApiError(Failure.FORBIDDEN, status=403, detail=_x_reason(err.response))
    if isinstance(err, tweepy.NotFound):
        return XApiError(Failure.NOT_FOUND, status=404, detail=_x_reason(err.response))
    if isinstance(err, tweepy.BadRequest):
        return XApiError(Failure.BAD_REQUEST, status=400, detail=_x_reason(err.response))
    if isinstance(err, tweepy.TwitterServerError):
        status = err.response.status_code if err.response is not None else 500
        return XApiError(Failure.SERVER, status=status)
    if isinstance(err, tweepy.HTTPException):
        status = err.response.status_code if err.response is not None else None
        return XApiError(Failure.SERVER, status=status, detail=_x_reason(err.response))
    if isinstance(err, requests.Timeout):
        return XApiError(Failure.TIMEOUT)
    if isinstance(err, requests.ConnectionError):
        text = str(err).lower()
        if "refused" in text:
            detail = "connection refused"
        elif "reset" in text or "aborted" in text or "remotedisconnected" in text:
            detail = "connection dropped"
        elif "resolve" in text or "name or service" in text:
            detail = "unknown host"
        else:
            detail = "connection failed"
        return XApiError(Failure.NETWORK, detail=detail)
    if isinstance(err, (json.JSONDecodeError, requests.exceptions.JSONDecodeError)):
        return XApiError(Failure.MALFORMED)
    if isinstance(err, requests.RequestException):
        return XApiError(Failure.NETWORK, detail=type(err).__name__)
    raise err
