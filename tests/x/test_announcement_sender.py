"""Announcements leave through the outbox: a thread in order, each post replying to the one
before, exactly once, at its slot, with its image; what X refuses keeps the draft."""

from __future__ import annotations

import struct
import zlib
from datetime import timedelta
from pathlib import Path

import pytest

from jun_desk.domain.announcements import State
from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Sandbox

ACCOUNT = "AytoJun"
LONG = " ".join([
    "El lunes 14 de diciembre habrá un corte de agua en la calle Real de 9:00 a 14:00.",
    "Los vecinos de los números 1 al 40 quedarán sin suministro durante las obras.",
    "Rogamos disculpen las molestias; el servicio se restablecerá en cuanto sea posible.",
    "¿Dudas? Escríbanos por mensaje directo o acérquese a la oficina de atención.",
    "Gracias por su paciencia y colaboración, vecinos de Jun; volveremos a informar.",
])


def png(width: int = 2, height: int = 2) -> bytes:
    """A real, whole PNG (white pixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\0" + b"\xff\xff\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def thread_on_x(sandbox: Sandbox, first_text: str) -> list:  # type: ignore[type-arg]
    """The desk's posts of the thread that starts with ``first_text``, following replies."""
    desk_id = sandbox.scenario.desk.id
    mine = [t for t in sandbox.state.tweets if t.author_id == desk_id]
    heads = [t for t in mine if t.text == first_text]
    assert len(heads) <= 1, "the first post is on X twice"
    out = list(heads)
    while out:
        children = [t for t in mine if t.in_reply_to_id == out[-1].id]
        assert len(children) <= 1, "a post is on X twice"
        if not children:
            break
        out.append(children[0])
    return out


@pytest.fixture
def sender(desk: Desk, client: XClient) -> OutboxSender:
    return OutboxSender(desk, client, ACCOUNT)


def test_a_scheduled_thread_goes_in_order_exactly_once_when_its_slot_comes(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender, client: XClient,
        clock) -> None:
    slot = clock.now + timedelta(hours=3)
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text=LONG,
                                     scheduled_at=slot)
    assert len(draft.posts) == 2
    desk.announcements.submit(people["rosa"], draft.id)
    desk.announcements.approve(people["ana"], draft.id)
    assert sender.send_due().sent == 0  # not yet
    assert thread_on_x(sandbox, draft.texts[0]) == []
    clock.advance(hours=3)
    report = sender.send_due()
    assert (report.sent, report.recovered) == (2, 0)
    posted = thread_on_x(sandbox, draft.texts[0])
    assert [t.text for t in posted] == draft.texts
    assert posted[0].in_reply_to_id is None
    done = desk.announcements.get(draft.id)
    assert done.state is State.PUBLISHED
    assert [p.x_id for p in done.posts] == [str(t.id) for t in posted]
    assert sender.send_due().sent == 0  # nothing twice
    assert len(thread_on_x(sandbox, draft.texts[0])) == 2
    # read back through X's API, as anyone sees the account: the thread once, in order
    me = client.me()
    mine = [i for i in client.user_tweets(me.x_id).items if i.text in draft.texts]
    by_id = {i.x_id: i for i in mine}
    assert sorted(i.text for i in mine) == sorted(draft.texts)
    second = next(i for i in mine if i.text == draft.texts[1])
    assert by_id[str(second.in_reply_to_x_id)].text == draft.texts[0]
    assert second.conversation_id == by_id[str(second.in_reply_to_x_id)].x_id


def test_a_crash_between_two_posts_sends_neither_twice(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender, clock, monkeypatch) -> None:
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=LONG)
    desk.announcements.publish(people["ana"], draft.id)
    real = desk.outbox.mark_sent
    calls = {"n": 0}

    def killed_on_second(outbox_id, x_id, charges=()):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("process killed")  # post 2 on X, not recorded
        return real(outbox_id, x_id, charges)

    with monkeypatch.context() as m:
        m.setattr(desk.outbox, "mark_sent", killed_on_second)
        with pytest.raises(KeyboardInterrupt):
            sender.send_due()
    assert desk.announcements.get(draft.id).state is State.PUBLISHING
    clock.advance(minutes=5)  # the lease ran out: post 2 is in doubt
    report = sender.send_due()
    assert (report.sent, report.recovered) == (0, 1)
    posted = thread_on_x(sandbox, draft.texts[0])
    assert [t.text for t in posted] == draft.texts
    assert desk.announcements.get(draft.id).state is State.PUBLISHED


def test_an_image_goes_with_the_first_post(desk: Desk, people, sandbox: Sandbox,  # type: ignore[no-untyped-def]
                                           sender: OutboxSender, tmp_path: Path) -> None:
    image = tmp_path / "menu.png"
    image.write_bytes(png())
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT,
                                     text="El menú escolar de la semana.",
                                     media_path=str(image))
    desk.announcements.publish(people["ana"], draft.id)
    assert sender.send_due().sent == 1
    (post,) = thread_on_x(sandbox, "El menú escolar de la semana.")
    assert len(post.media_keys) == 1
    assert sandbox.state.uploads  # uploaded through POST /2/media/upload


def test_an_image_x_refuses_keeps_the_draft_with_x_words(desk: Desk, people, sandbox: Sandbox,  # type: ignore[no-untyped-def]
                                                         sender: OutboxSender,
                                                         tmp_path: Path) -> None:
    image = tmp_path / "cortada.png"
    image.write_bytes(png()[:-12])  # a PNG cut short: its header passes, X refuses it
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text="Fiestas de Jun.",
                                     media_path=str(image))
    desk.announcements.publish(people["ana"], draft.id)
    report = sender.send_due()
    assert (report.sent, report.failed) == (0, 1)
    assert thread_on_x(sandbox, "Fiestas de Jun.") == []
    kept = desk.announcements.get(draft.id)
    assert kept.state is State.DRAFT and kept.texts == ["Fiestas de Jun."]
    assert "corrupt" in (kept.comment or "") and "cortada.png" in (kept.comment or "")
    assert sender.send_due().sent == 0


def test_a_post_x_refuses_for_good_is_named_on_the_announcement(  # type: ignore[no-untyped-def]
        desk: Desk, people, sandbox: Sandbox, sender: OutboxSender) -> None:
    town = sandbox.scenario.desk.id
    # Someone posted the second post's text on X by hand: X refuses it as a duplicate.
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=LONG)
    sandbox.state.post_tweet(draft.texts[1], None)
    desk.announcements.publish(people["ana"], draft.id)
    report = sender.send_due()
    assert (report.sent, report.failed) == (1, 1)
    view = desk.announcements.get(draft.id)
    assert view.state is State.PUBLISHING
    assert [p.outbox_status for p in view.posts] == ["sent", "failed"]
    assert (view.comment or "").startswith("post 2 was not published: ")
    assert "duplicate" in (view.comment or "")
    assert len([t for t in sandbox.state.tweets if t.author_id == town
                and t.text == draft.texts[1]]) == 1
