"""Property-based fuzzing of what comes from X: payloads, tweet texts, through the client's
parsing, ingest, triage, the feed model and its painted delegate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jun_desk.domain.items import ItemKind, Stream, XItem, XUser
from jun_desk.services.context import Rules
from jun_desk.services.desk import Desk
from jun_desk.x.client import dm_item, tweet_item
from jun_desk.x.errors import Failure, XApiError

HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<a href='javascript:x'>x</a>", "'); DROP TABLE tickets;--",
    "\u202e", "\u0000", "\ud800", "\x07", "👨‍👩‍👧", "مرحبا", "%_\\", "&amp;", "\n\n\n", "#", "@",
])
TEXT = st.lists(st.one_of(st.text(max_size=40), HOSTILE), max_size=8).map("".join)
NEUTRAL_WORDS = st.sampled_from(["hola", "buenos", "días", "gracias", "por", "favor", "qué",
                                 "tal", "vecinos", "123", "!!", "🙂", "mañana", "tarde"])


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_triage_and_privacy_never_fail_and_stay_in_the_catalogue(text: str) -> None:
    rules = Rules.load()
    result = rules.triage.classify(text)
    assert result.department in rules.catalogue
    assert 0.0 <= result.confidence <= 1.0
    rules.privacy.scan(text)
    result.reason("es").encode("utf-8", "surrogatepass")


@given(st.lists(NEUTRAL_WORDS, min_size=1, max_size=12).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_text_matching_no_rule_goes_to_the_default_department(text: str) -> None:
    rules = Rules.load()
    bare = rules.triage.fork(None)  # the rules alone, as before the learned model
    result = bare.classify(text)
    assert (result.department, result.matches) == (rules.catalogue.default_code, ())
    # With the model: no rule evidence either; the model's department or unclassified.
    learned = rules.triage.classify(text)
    assert learned.matches == () and learned.department in rules.catalogue


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                       max_leaves=10)


PAYLOAD = st.dictionaries(
    st.sampled_from(["id", "text", "author_id", "created_at", "sender_id", "conversation_id",
                     "referenced_tweets", "attachments", "dm_conversation_id", "note_tweet"]),
    JSONISH)
BODY = st.one_of(
    st.fixed_dictionaries({"data": st.lists(PAYLOAD, max_size=3)},
                          optional={"includes": JSONISH, "meta": JSONISH, "errors": JSONISH}),
    JSONISH.filter(lambda b: isinstance(b, dict)),
)


@given(BODY, st.booleans())
@settings(max_examples=400, deadline=None)
def test_any_body_x_could_send_is_a_page_or_a_malformed_error(body: dict, dms: bool) -> None:
    """The client's page parser on arbitrary JSON: a Page, or XApiError(MALFORMED) — never
    another exception that would kill the poller."""
    from jun_desk.x.client import Page, XClient
    from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS

    client = XClient(SANDBOX_CREDENTIALS, api_base="http://127.0.0.1:9")
    client._me = XUser("1", "AytoJun")  # no network: who "we" are is known
    try:
        page = client._page(body, dm_item if dms else tweet_item,
                            Stream.DMS if dms else Stream.MENTIONS)
    except XApiError as err:
        assert err.failure is Failure.MALFORMED
    else:
        assert isinstance(page, Page)
        assert all(isinstance(i, XItem) and i.x_id.isdigit() for i in page.items)
        # What could not be read is kept with a reason, never dropped without a word.
        assert all(u.reason and (u.x_id is None or u.x_id.isdigit()) for u in page.unreadable)
        assert len(page.items) + len(page.unreadable) <= len(body.get("data") or [])
        # What the sync stores as its cursor must be an id it can compare later.
        assert page.newest_id is None or page.newest_id.isdigit()
        assert page.next_token is None or isinstance(page.next_token, str)
    finally:
        client.close()


@pytest.fixture(scope="module")
def fuzz_desk(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / "desk.db"
    desk = Desk.open(f"sqlite:///{path}")
    yield desk
    desk.close()


@given(st.lists(TEXT, min_size=1, max_size=5), st.integers(min_value=1, max_value=10**18))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_ingest_stores_any_text_once(fuzz_desk: Desk, texts: list[str], base: int) -> None:
    user = XUser("42", "fuzz_user\u202e", "Nombre <b>raro</b>")
    items = [XItem(str(base + n), ItemKind.MENTION, "42", text,
                   datetime(2026, 11, 24, 9, 0, tzinfo=UTC)) for n, text in enumerate(texts)]
    first = fuzz_desk.ingest.ingest_page("Fuzz", Stream.MENTIONS, items, [user], items[-1].x_id)
    again = fuzz_desk.ingest.ingest_page("Fuzz", Stream.MENTIONS, items, [user], items[-1].x_id)
    assert again.inserted == 0 and first.received == len(items)
    stored = {i.x_id: i for i in fuzz_desk.search.feed(limit=1000)
              if i.x_id in {x.x_id for x in items}}
    assert set(stored) == {x.x_id for x in items}
    for item in stored.values():
        item.text.encode("utf-8")
        assert item.suggested_department in fuzz_desk.ctx.catalogue


@given(st.lists(TEXT, min_size=1, max_size=6))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_feed_model_and_delegate_paint_any_text(qapp, texts: list[str]) -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from jun_desk.domain.tickets import ItemView
    from jun_desk.ui.feed.delegate import FeedDelegate
    from jun_desk.ui.feed.model import FeedModel

    rules = Rules.load()
    model = FeedModel()
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    model.reset([ItemView(n, str(n), "mention", None, "h\u202eandle", t, now, "obras",
                          "<b>razón</b>", ("dni",), False, author_name="<i>x</i>")
                 for n, t in enumerate(texts)])
    view = QListView()
    view.setModel(model)
    delegate = FeedDelegate(rules.catalogue, lambda: now)
    image = QImage(420, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for row in range(model.rowCount()):
            option = QStyleOptionViewItem()
            option.rect = image.rect()
            option.widget = view
            index = model.index(row)
            delegate.sizeHint(option, index)
            delegate.paint(painter, option, index)
            doc = delegate._document(model.item(row), 300, view.font())
            fragments = []
            block = doc.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    fragments.append(it.fragment().charFormat())
                    it += 1
                block = block.next()
            assert not any(f.isAnchor() or f.isImageFormat() for f in fragments)
    finally:
        painter.end()
