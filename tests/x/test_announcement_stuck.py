"""A thread stuck after X refused one of its posts for good (the real sandbox refusing a
duplicate): a supervisor retries from that post, edited, the posts on X kept and never sent
twice; or stops the thread there, published in part. SQLite and PostgreSQL (``desk``)."""

from __future__ import annotations

import pytest

from jun_desk.domain.announcements import State
from jun_desk.domain.errors import InvalidTransitionError, PermissionDeniedError
from jun_desk.services.desk import Desk
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox
from tests.x.test_announcement_sender import ACCOUNT, thread_on_x

POSTS = [
    "Corte de agua el lunes 14 en la calle Real, de 9:00 a 14:00.",
    "Afecta a los números 1 al 40 de la calle Real.",
    "El servicio se restablecerá en cuanto terminen las obras.",
    "Gracias por su paciencia, vecinos de Jun.",
]


@pytest.fixture
def sender(desk: Desk, client) -> OutboxSender:  # type: ignore[no-untyped-def]
    return OutboxSender(desk, client, ACCOUNT)


def stuck_on_second(desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> int:  # type: ignore[no-untyped-def]
    """A 4-post thread whose post 2 X refuses as a duplicate (posted by hand earlier)."""
    sandbox.state.post_tweet(POSTS[1], None)
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, posts=POSTS)
    desk.announcements.publish(people["ana"], draft.id)
    report = sender.send_due()
    assert (report.sent, report.failed) == (1, 1)
    view = desk.announcements.get(draft.id)
    assert view.state is State.PUBLISHING
    assert [p.outbox_status for p in view.posts] == ["sent", "failed", "waiting", "waiting"]
    refused = view.refused
    assert refused is not None and refused.position == 2
    assert "duplicate" in (refused.error or "")
    return draft.id


def events(desk: Desk, *actions: str, outcome: str = "ok") -> list:  # type: ignore[type-arg]
    return [e for e in desk.audit.latest() if e.action in actions and e.outcome == outcome]


def test_retry_from_the_refused_post_with_its_text_edited(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    number = stuck_on_second(desk, people, sandbox, sender)
    edited = "Afecta a los portales 1 al 40 de la calle Real (corte de agua)."
    view = desk.announcements.retry(people["ana"], number, text=edited)
    assert view.state is State.PUBLISHING and view.refused is None
    assert [p.outbox_status for p in view.posts] == ["sent", "pending", "waiting", "waiting"]
    report = sender.send_due()
    assert (report.sent, report.failed) == (3, 0)
    done = desk.announcements.get(number)
    assert done.state is State.PUBLISHED
    expected = [POSTS[0], edited, POSTS[2], POSTS[3]]
    posted = thread_on_x(sandbox, POSTS[0])  # asserts each post is on X once
    assert [t.text for t in posted] == expected
    assert posted[1].in_reply_to_id == posted[0].id  # the edited post replies to post 1
    assert done.texts == expected
    assert [p.x_id for p in done.posts] == [str(t.id) for t in posted]
    assert sender.send_due().sent == 0  # nothing twice
    (event,) = events(desk, "announcement.retry")
    assert event.actor_name == "ana"
    assert event.after is not None and event.after["position"] == 2
    assert event.after["edited"] is True


def test_retry_without_an_edit_is_refused_again_and_stays_stuck(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    number = stuck_on_second(desk, people, sandbox, sender)
    desk.announcements.retry(people["ana"], number)
    report = sender.send_due()
    assert (report.sent, report.failed) == (0, 1)
    view = desk.announcements.get(number)
    assert view.refused is not None and view.refused.position == 2
    assert len(thread_on_x(sandbox, POSTS[0])) == 1


def test_stop_the_thread_there_published_in_part(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    number = stuck_on_second(desk, people, sandbox, sender)
    view = desk.announcements.stop(people["ana"], number)
    assert view.state is State.PARTIAL and view.published_at is not None
    assert [p.outbox_status for p in view.posts] == ["sent", "cancelled", "cancelled",
                                                     "cancelled"]
    on_x = [p for p in view.posts if p.x_id]
    assert [p.position for p in on_x] == [1]
    assert sender.send_due().sent == 0
    assert [t.text for t in thread_on_x(sandbox, POSTS[0])] == [POSTS[0]]
    (event,) = events(desk, "announcement.stop")
    assert event.after is not None and event.after["state"] == "partial"
    assert event.after["on_x"] == {"1": on_x[0].x_id}
    with pytest.raises(InvalidTransitionError) as err:  # nothing to retry any more
        desk.announcements.retry(people["ana"], number)
    assert err.value.code == "announcement.state"


def test_only_a_supervisor_and_only_a_stuck_thread(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    number = stuck_on_second(desk, people, sandbox, sender)
    for step in (desk.announcements.retry, desk.announcements.stop):
        with pytest.raises(PermissionDeniedError):
            step(people["rosa"], number)
    assert desk.announcements.get(number).refused is not None  # untouched
    assert not events(desk, "announcement.retry", "announcement.stop")
    assert len(events(desk, "announcement.retry", "announcement.stop",
                      outcome="refused")) == 2
    later = desk.announcements.draft(people["ana"], account=ACCOUNT, text="Feria el sábado.",
                                     scheduled_at=None)
    with pytest.raises(InvalidTransitionError) as err:  # a draft: not even sent
        desk.announcements.stop(people["ana"], later.id)
    assert err.value.code == "announcement.state"
    desk.announcements.publish(people["ana"], later.id)
    with pytest.raises(InvalidTransitionError) as err:  # scheduled, nothing refused
        desk.announcements.retry(people["ana"], later.id)
    assert err.value.code == "announcement.not_stuck"


def test_a_refused_first_post_retried_starts_the_thread_or_stopped_cancels_it(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    # X refuses post 1 for good, recorded as the sender records it (a duplicate of an older
    # hand-made post would be taken by the sender for its own, sent before a crash).
    numbers = []
    for _ in range(2):
        draft = desk.announcements.draft(people["ana"], account=ACCOUNT, posts=POSTS[:2])
        desk.announcements.publish(people["ana"], draft.id)
        numbers.append(draft.id)
    for item in desk.outbox.due(ACCOUNT):
        assert desk.outbox.claim(item.id, item.status)
        desk.outbox.mark_failed(item.id, "403 Forbidden: not allowed", retry_at=None)
    for number in numbers:
        view = desk.announcements.get(number)
        assert view.state is State.SCHEDULED  # nothing on X yet
        assert view.refused is not None and view.refused.position == 1
    first = "Corte de agua el lunes 14 en la calle Real (9:00-14:00)."
    desk.announcements.retry(people["ana"], numbers[0], text=first)
    assert sender.send_due().sent == 2
    done = desk.announcements.get(numbers[0])
    assert done.state is State.PUBLISHED and done.title == first
    assert [t.text for t in thread_on_x(sandbox, first)] == [first, POSTS[1]]
    stopped = desk.announcements.stop(people["ana"], numbers[1])
    assert stopped.state is State.CANCELLED and stopped.published_at is None
    assert sender.send_due().sent == 0
