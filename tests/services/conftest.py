"""Fixtures of the services' tests that talk to X: the sandbox and the real tweepy client."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox


@contextmanager
def sandbox_x(**options: Any) -> Iterator[tuple[Sandbox, XClient]]:
    """The whole scenario day at once on a sandbox X (``options`` go to it), with a client."""
    with Sandbox(speed=math.inf, **options) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        yield sandbox, client
        client.close()


@pytest.fixture
def x() -> Iterator[tuple[Sandbox, XClient]]:
    with sandbox_x() as pair:
        yield pair
