"""What X costs (issue 17): the desk's meter against the sandbox's own bill, the budget
pausing the poll, spent credits as one message and no retry storm."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sql_text

import jun_desk.x.sync as sync_module
from jun_desk.domain.costs import Pace
from jun_desk.domain.items import XUser
from jun_desk.services.desk import Desk
from jun_desk.store.models import UNDESCRIBED, Citizen, TicketItem
from jun_desk.ui.error_texts import render  # the window's wording (Spanish)
from jun_desk.x.client import XClient
from jun_desk.x.errors import CREDITS_RECHECK, Failure, XApiError
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine, watch

ACCOUNT = "AytoJun"


def _metered(desk: Desk) -> int:
    return sum(desk.costs.per_day(ACCOUNT, date(2000, 1, 1), date(2100, 1, 1)).values())


def _until_complete(engine: SyncEngine, polls: int = 60) -> None:
    for _ in range(polls):
        try:
            report = engine.sync_once()
        except XApiError:
            continue
        if report.complete:
            return
    raise AssertionError("the day was not read whole")


def test_meter_matches_the_sandbox_bill_with_faults_and_writes(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                               sandbox: Sandbox,
                                                               client: XClient) -> None:
    sandbox.faults = Faults.parse("5xx=0.1,429=0.05,drop=0.05,malformed=0.08")
    engine = SyncEngine(desk, client, page_size=20, sleep=lambda _s: None,
                        stream_backoff_cap=0)
    _until_complete(engine)
    assert sandbox.state.stats.injected  # the faults did happen
    assert _metered(desk) == sandbox.bill.total > 0
    # writes: a reply, one with a link, a DM, and one whose answer is lost on the way
    lamp = next(i for i in desk.search.feed(limit=1000) if "farola" in i.text.lower())
    ticket = desk.tickets.create_from_item(people["rosa"], lamp.id)
    for kind, text in (("reply", "Gracias, lo revisamos."),
                       ("reply", "Más información en https://jun.es/obras"),
                       ("dm", "Le escribimos por privado.")):
        desk.outbox.enqueue(people["rosa"], ticket.id, kind, text, account=ACCOUNT)
    sender = OutboxSender(desk, client, ACCOUNT)
    sandbox.faults = Faults()
    assert sender.send_due().sent == 3
    desk.outbox.enqueue(people["rosa"], ticket.id, "dm", "Otro mensaje privado.",
                        account=ACCOUNT)
    sandbox.faults = Faults.parse("lost_write=1")
    assert sender.send_due().retrying == 1
    sandbox.faults = Faults()
    desk.ctx.clock.advance(hours=1)  # type: ignore[attr-defined]
    assert sender.send_due().recovered == 1
    _until_complete(engine)
    assert _metered(desk) == sandbox.bill.total
    kinds = {r.kind for r in desk.costs.rows(ACCOUNT, date(2000, 1, 1), date(2100, 1, 1))}
    assert {"post", "user", "dm_event", "write_post", "write_post_with_url",
            "write_dm"} <= kinds


@pytest.mark.parametrize("fault", ["malformed", "drop"])
def test_an_author_whose_lookup_answer_was_lost_is_asked_again(fault: str, desk: Desk,
                                                                sandbox: Sandbox,
                                                                client: XClient) -> None:
    """X bills a users lookup even when its answer is lost on the way: the mentions are
    stored anyway, and the next poll asks X about their authors again, so the citizen
    fills in and the meter still equals the bill (a citizen who wrote only once used to
    stay nameless, and the desk's meter one user short)."""
    real_users = client.users
    lost: list[list[str]] = []

    def first_answer_lost(ids: list[str]) -> list[XUser]:
        if lost:
            return real_users(ids)
        lost.append(list(ids))
        sandbox.faults = Faults.parse(f"{fault}=1")
        try:
            return real_users(ids)
        finally:
            sandbox.faults = Faults()

    client.users = first_answer_lost  # type: ignore[method-assign]
    engine = SyncEngine(desk, client, page_size=20, sleep=lambda _s: None,
                        stream_backoff_cap=0)
    _until_complete(engine)
    engine.sync_once()  # the next poll
    assert lost and lost[0]
    with desk.ctx.db.session(readonly=True) as session:
        nameless = session.scalar(select(func.count()).select_from(TicketItem)
                                  .where(sql_text(UNDESCRIBED)))
        described = set(session.scalars(select(Citizen.x_user_id)))
    assert nameless == 0
    assert set(lost[0]) <= described
    assert _metered(desk) == sandbox.bill.total > 0


def test_budget_stretches_the_interval_then_pauses_polling(desk: Desk, people, clock,  # type: ignore[no-untyped-def]
                                                           sandbox: Sandbox,
                                                           client: XClient) -> None:
    clock.now = datetime(2026, 12, 9, 18, tzinfo=UTC)  # X dates its bill by the same clock
    client.clock = sandbox.state.wall = clock
    engine = SyncEngine(desk, client, sleep=lambda _s: None)
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=1000)
    report = engine.sync_once()
    spent = report.budget.month_micro
    assert report.budget.pace is Pace.NORMAL and engine.next_delay(15) == 15
    # a budget the day's spend nears: the interval stretches to fit what is left
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=spent / 1e6 * 1.1)
    report = engine.sync_once()
    assert report.budget.pace is Pace.STRETCHED and engine.next_delay(15) >= 30
    # spent: polling pauses (no request at all) until the month ends; writes go on
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=spent / 1e6)
    before = sandbox.state.stats.requests
    report = engine.sync_once()
    assert report.paused and sandbox.state.stats.requests == before
    assert report.budget.until is not None and report.budget.until.day == 1
    assert engine.next_delay(15) >= min(CREDITS_RECHECK,
                                        (report.budget.until - clock.now).total_seconds())
    assert not OutboxSender(desk, client, ACCOUNT).send_due().writes_stopped
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=spent / 1e6, stop_writes=True)
    assert OutboxSender(desk, client, ACCOUNT).send_due().writes_stopped


@pytest.mark.parametrize("credits", [0.0, 1.0])
def test_spent_credits_are_one_message_and_no_retry_storm(desk: Desk, credits: float,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(credits=credits) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        now = [0.0]  # the engine's monotonic clock, moved by the (recorded) pauses
        engine = SyncEngine(desk, client, sleep=lambda _s: None, monotonic=lambda: now[0])
        stop = threading.Event()
        pauses: list[float] = []
        errors: list[Exception] = []

        def pause(_engine, delay, _stop, _heartbeat, _standby):  # type: ignore[no-untyped-def]
            pauses.append(delay)
            now[0] += delay
            if len(pauses) >= 6:
                stop.set()

        monkeypatch.setattr(sync_module, "_pause", pause)
        watch(engine, interval=0.01, on_report=lambda _r: None, on_error=errors.append,
              stop=stop)
        client.close()
        refused = sandbox.state.refused_for_credits
        billed = sandbox.bill.total
    (err,) = errors  # one message, however many polls
    assert isinstance(err, XApiError) and err.failure is Failure.CREDITS
    assert err.status == 402 and "Developer Console" in str(err)
    assert "créditos" in render(err)
    depleted = [p for p in pauses if p >= CREDITS_RECHECK]
    assert len(depleted) >= 5  # after the refusal, the desk waits an hour between checks
    # one request an hour: no retries, no second stream asking again
    assert refused == len(depleted)
    assert _metered(desk) == billed  # what was read before the balance ran out


@pytest.mark.parametrize("status, body", [
    (402, {"title": "Payment Required", "detail": "credits depleted",
           "type": "https://api.x.com/2/problems/credits-depleted", "status": 402}),
    (429, {"title": "UsageCapExceeded", "period": "Monthly", "scope": "Product",
           "detail": "Usage cap exceeded: Monthly product cap",
           "type": "https://api.twitter.com/2/problems/usage-capped"}),
])
def test_both_forms_of_spent_credits_need_a_person(status: int, body: dict) -> None:
    import json

    import requests
    import tweepy

    from jun_desk.x.errors import map_exception

    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    response.headers["x-rate-limit-remaining"] = "179"
    cls = tweepy.TooManyRequests if status == 429 else tweepy.HTTPException
    err = map_exception(cls(response), now=0)
    assert err.failure is Failure.CREDITS and not err.transient
    assert err.retry_after == CREDITS_RECHECK
    plain = map_exception(tweepy.TooManyRequests(_plain_429()), now=0)
    assert plain.failure is Failure.RATE_LIMITED


def _plain_429():  # type: ignore[no-untyped-def]
    import json

    import requests

    response = requests.Response()
    response.status_code = 429
    response._content = json.dumps({"title": "Too Many Requests", "type": "about:blank"}).encode()
    return response
