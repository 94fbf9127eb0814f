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


def test_each_xdist_worker_has_a_keyring_of_its_own(worker_keyring) -> None:  # type: ignore[no-untyped-def]
    """Under ``-n 2`` (scripts/test.sh) the keyring answering this worker is the one it
    started on a bus of its own, not the shared one of scripts/test.sh (tests/worker_keyring.py)."""
    if worker_keyring is None:
        pytest.skip("not a pytest-xdist worker with the Secret Service keyring")
    from tests.worker_keyring import owner_pid

    address = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    assert address == worker_keyring.address != worker_keyring.inherited_address
    assert owner_pid(address) == worker_keyring.daemon_pid
    test_secret_service_round_trip()  # and it is a working, unlocked Secret Service
