"""Sends what the outbox holds, each item exactly once.

An item is claimed (status "sending", attempt counted, lease set) and committed *before*
X is called. If the process dies after X accepted the message but before "sent" was
committed, the item's lease runs out and it is *in doubt*: the sender then looks for the
message among the account's recent tweets or DMs and records it instead of sending again.
X's own duplicate-content refusal (403) is treated the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from jun_desk.domain.announcements import MAX_POSTS
from jun_desk.domain.costs import charges_for
from jun_desk.domain.items import XItem
from jun_desk.domain.walks import WalkGuard, WalkStopped
from jun_desk.services.desk import Desk
from jun_desk.services.outbox import OutboxView
from jun_desk.x.client import POST_DM, POST_TWEET, XClient
from jun_desk.x.errors import CREDITS_RECHECK, Failure, XApiError
from jun_desk.x.sync import backoff

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


class MediaRefused(Exception):
    """X refused an announcement's image: nothing was posted, the draft is kept."""


@dataclass
class SendReport:
    sent: int = 0
    recovered: int = 0  # found already on X: recorded, not sent again
    retrying: int = 0
    failed: int = 0
    writes_stopped: bool = False  # the X budget is spent and the supervisor stopped writes
    credits: XApiError | None = None  # X refused for spent credits: the rest waits


class OutboxSender:
    def __init__(self, desk: Desk, client: XClient, account: str) -> None:
        self.desk = desk
        self.client = client
        self.account = account

    def send_due(self, limit: int = 20) -> SendReport:
        report = SendReport()
        if self.desk.costs.state(self.account).writes_stopped:
            report.writes_stopped = True
            return report
        self.desk.announcements.hold_missed(self.account)
        # A thread's next post is due once the previous one is on X: another round sends
        # it, as many rounds as a thread has posts.
        for _round in range(MAX_POSTS):
            posted = report.sent + report.recovered
            self._send_round(limit, report)
            if report.credits is not None or report.sent + report.recovered == posted:
                break
        self._flush()
        return report

    def _send_round(self, limit: int, report: SendReport) -> None:
        for item in self.desk.outbox.due(self.account, limit):
            in_doubt = item.status == "sending"
            if not self.desk.outbox.claim(item.id, item.status):
                continue  # another sender has it
            try:
                if in_doubt or item.attempts > 0:
                    found = self._already_on_x(item)
                    if found is not None:
                        self._sent(item, found, billed_unseen=True)
                        report.recovered += 1
                        continue
                x_id = self._send(item)
            except MediaRefused:
                report.failed += 1  # nothing posted; the announcement is a draft again
                continue
            except XApiError as err:
                self._failed(item, err, report)
                if err.failure is Failure.CREDITS:
                    report.credits = err
                    break  # every other send would be refused the same way
                continue
            self._sent(item, x_id)
            report.sent += 1

    def _sent(self, item: OutboxView, x_id: str, *, billed_unseen: bool = False) -> None:
        """Record the send with what X billed. ``billed_unseen``: found on X after a lost
        answer or a crash: X billed that write, the desk never saw its answer."""
        taken = self.client.take_charges()
        charges = list(taken)
        if billed_unseen:
            endpoint = POST_DM if item.kind == "dm" else POST_TWEET
            charges += charges_for(endpoint, None, self.client.clock(), text=item.text)
        try:
            self.desk.outbox.mark_sent(item.id, x_id, charges=charges)
        except BaseException:
            # Not recorded: the item stays in doubt, and when it is found on X its write is
            # charged then (billed_unseen); the reads wait for the next transaction.
            self.client.return_charges([c for c in taken if c.x_id is not None])
            raise

    def _flush(self) -> None:
        with self.client.billed() as charges:
            self.desk.costs.record(self.account, charges)

    def _send(self, item: OutboxView) -> str:
        if item.kind == "post":
            return self.client.post(item.text, in_reply_to=item.in_reply_to_x_id,
                                     media_ids=self._media(item))
        if item.kind == "reply":
            assert item.in_reply_to_x_id is not None
            return self.client.reply(item.text, item.in_reply_to_x_id)
        assert item.recipient_x_id is not None
        return self.client.send_dm(item.recipient_x_id, item.text)

    def _media(self, item: OutboxView) -> list[str] | None:
        """The announcement's image on the first post, uploaded once (its X id kept)."""
        if item.announcement_id is None or item.position != 1:
            return None
        path, media_x_id = self.desk.announcements.media_for(item.announcement_id)
        if path is None:
            return None
        if media_x_id is None:
            try:
                media_x_id = self.client.upload_media(path)
            except XApiError as err:
                if err.transient:
                    raise  # tried again like any send
                self.desk.announcements.media_refused(item.announcement_id,
                                                      err.detail or str(err))
                raise MediaRefused(str(err)) from err
            except OSError as err:  # the file went away since it was attached
                self.desk.announcements.media_refused(item.announcement_id,
                                                      err.strerror or str(err))
                raise MediaRefused(str(err)) from err
            self.desk.announcements.media_uploaded(item.announcement_id, media_x_id)
        return [media_x_id]

    def _failed(self, item: OutboxView, err: XApiError, report: SendReport) -> None:
        if err.failure is Failure.FORBIDDEN and "duplicate" in err.detail.lower():
            found = self._already_on_x(item)
            if found is not None:
                self.desk.outbox.mark_sent(item.id, found)
                report.recovered += 1
                return
        attempts = item.attempts + 1
        if err.failure is Failure.CREDITS:  # needs a person; checked again in an hour
            retry_at = self.desk.ctx.clock() + timedelta(seconds=CREDITS_RECHECK)
            self.desk.outbox.mark_failed(item.id, str(err), retry_at=retry_at)
            report.retrying += 1
        elif err.transient and attempts < MAX_ATTEMPTS:
            delay = max(backoff(attempts, base=5.0, cap=15 * 60), err.retry_after or 0)
            retry_at = self.desk.ctx.clock() + timedelta(seconds=delay)
            self.desk.outbox.mark_failed(item.id, str(err), retry_at=retry_at)
            report.retrying += 1
        else:
            self.desk.outbox.mark_failed(item.id, str(err), retry_at=None)
            report.failed += 1
        log.info("Outbox item %s not sent: %s", item.id, err)

    def _already_on_x(self, item: OutboxView) -> str | None:
        """The X id of this message if X already has it (sent before a crash)."""
        since = item.created_at - timedelta(minutes=5)
        me = self.client.me()
        if item.kind in ("reply", "post"):
            page = self.client.user_tweets(me.x_id, start_time=since)
            return _match(page.items, item.text,
                          lambda i: i.in_reply_to_x_id == item.in_reply_to_x_id)
        token = None
        guard = WalkGuard()  # a server repeating a page ends the search (issue 23)
        for _ in range(5):  # DM events are newest first; a few pages reach back far enough
            page = self.client.dm_events(pagination_token=token)
            found = _match(page.items, item.text, lambda i: i.author_x_id == me.x_id
                           and i.created_at >= since
                           and str(item.recipient_x_id) in (i.conversation_id or ""))
            if found or page.next_token is None or any(i.created_at < since
                                                       for i in page.items):
                return found
            end = guard.check([i.x_id for i in page.items], page.next_token)
            if end is not None:
                log.warning("Outbox item %s: %s", item.id,
                            WalkStopped.because(end, "dms", page=guard.pages))
                return None
            token = page.next_token
        return None


def _match(items: list[XItem], text: str, extra: Callable[[XItem], bool]) -> str | None:
    for candidate in items:
        if candidate.text == text and extra(candidate):
            return candidate.x_id
    return None
