"""The test command runs the suite with the real Secret Service (gnome-keyring on a private
D-Bus session). This checks that environment, so keyring tests never pass against a fake."""

from __future__ import annotations

import os
import uuid

import pytest

keyring = pytest.importorskip("keyring")


@pytest.mark.skipif(os.environ.get("JUN_DESK_TEST_KEYRING") != "secret-service"
                    and os.environ.get("CI", "").lower() != "true",
                    reason="run through scripts/test.sh to get a Secret Service keyring")
def test_secret_service_round_trip() -> None:
    backend = keyring.get_keyring()
    assert "SecretService" in type(backend).__module__ + type(backend).__name__, backend
    service, user, secret = "jun-desk-test", f"probe-{uuid.uuid4().hex}", uuid.uuid4().hex
    keyring.set_password(service, user, secret)
    try:
        assert keyring.get_password(service, user) == secret
    finally:
        keyring.delete_password(service, user)
    assert keyring.get_password(service, user) is None
