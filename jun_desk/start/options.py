"""What the start is asked for (the command line's options) and where it connects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jun_desk.config import DEFAULT_POLL_SECONDS

if TYPE_CHECKING:  # loaded behind the shown window
    from jun_desk.secrets import XCredentials

EXIT_ERROR = 1  # as the command line's
EXIT_UNEXPECTED = 70


@dataclass
class GuiOptions:
    db_url: str | None = None
    sandbox: bool = False
    speed: float = 60.0
    api_base: str | None = None
    account: str | None = None
    interval: float = DEFAULT_POLL_SECONDS
    language: str | None = None


@dataclass
class Connection:
    credentials: XCredentials
    api_base: str
    account: str
    db_url: str
    label: str  # shown in the title bar
    training: bool = False
