"""The X client, sync engine and outbox sender, built by the first poll on the poller's
worker thread: tweepy and requests load after the window is up."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from jun_desk.start.options import Connection

if TYPE_CHECKING:
    from jun_desk.secrets import XCredentials
    from jun_desk.services.desk import Desk
    from jun_desk.services.leases import PollerLease
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender, SendReport
    from jun_desk.x.sync import Stall, SyncEngine, SyncReport
    from jun_desk.x.watch import XLookups


class XSide:
    def __init__(self, desk: Desk, connection: Connection, lease: PollerLease) -> None:
        self.desk = desk
        self.connection = connection
        self.lease = lease
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self.engine: SyncEngine | None = None
        self.sender: OutboxSender | None = None
        self._moderation: XClient | None = None
        self._lookups: XLookups | None = None

    def _built(self) -> tuple[SyncEngine, OutboxSender]:
        with self._lock:
            if self.engine is None or self.sender is None:
                from jun_desk.x.client import XClient
                from jun_desk.x.outbox_sender import OutboxSender
                from jun_desk.x.sync import SyncEngine

                client = XClient(self.connection.credentials, api_base=self.connection.api_base)
                self.engine = SyncEngine(self.desk, client, lease=self.lease, stop=self.stop)
                self.sender = OutboxSender(self.desk, client, self.connection.account)
            return self.engine, self.sender

    def moderation_client(self) -> XClient:
        """A client of its own for moderation (called on a worker thread, never the
        poller's): hide, mute, delete."""
        with self._lock:
            if self._moderation is None:
                from jun_desk.x.client import XClient

                self._moderation = XClient(self.connection.credentials,
                                           api_base=self.connection.api_base)
            return self._moderation

    def stream_lookups(self) -> XLookups:
        """What the staff and searches dialog asks X (a client of its own, on a worker
        thread): a handle's user id, a search tried once."""
        with self._lock:
            if self._lookups is None:
                from jun_desk.x.client import XClient
                from jun_desk.x.watch import XLookups

                self._lookups = XLookups(XClient(self.connection.credentials,
                                                 api_base=self.connection.api_base))
            return self._lookups

    def poll(self) -> tuple[SyncReport, SendReport]:
        engine, sender = self._built()
        report = engine.sync_once(), sender.send_due()
        if not report[0].standby:  # the polling desk applies retention, once a day
            self.desk.retention.apply_if_due()
        return report

    def next_delay(self, floor: float) -> float:
        return self.engine.next_delay(floor) if self.engine is not None else floor

    def stalled(self) -> list[Stall]:
        return self.engine.stalled() if self.engine is not None else []

    def budget(self) -> dict[str, tuple[int, int]]:
        return self.engine.client.budget.summary() if self.engine is not None else {}

    def account(self) -> str:
        me = self.engine.me if self.engine is not None else None
        return me.handle if me is not None else self.connection.account

    def use_credentials(self, credentials: XCredentials, account: str) -> None:
        """New keys between two polls (the poller is stopped while this runs)."""
        from jun_desk.x.client import XClient

        self.connection.credentials, self.connection.account = credentials, account
        engine, sender = self._built()
        new_client = XClient(credentials, api_base=self.connection.api_base)
        old, engine.client, engine.me = engine.client, new_client, None
        engine.renew_media_fetcher()  # a DM's photos are signed with the new keys
        sender.client, sender.account = new_client, account
        old.close()
        with self._lock:  # the next moderation request builds a client with the new keys
            moderation, self._moderation = self._moderation, None
            lookups, self._lookups = self._lookups, None
        if moderation is not None:
            moderation.close()
        if lookups is not None:
            lookups.client.close()

    def close(self) -> None:
        self.stop.set()
        if self.engine is not None:
            self.engine.client.close()
            if self.engine.media is not None:
                self.engine.media.fetcher.close()
        if self._moderation is not None:
            self._moderation.close()
        if self._lookups is not None:
            self._lookups.client.close()
