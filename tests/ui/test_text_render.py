import re
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jun_desk.ui.text_render import initials, relative_time, tweet_html


def test_markup_in_a_tweet_is_shown_not_run() -> None:
    out = tweet_html('<b>hola</b> <a href="javascript:alert(1)">x</a> <img src=x onerror=y>')
    assert "<b>" not in out and "<a " not in out and "<img" not in out
    assert "&lt;b&gt;hola&lt;/b&gt;" in out


def test_hashtags_mentions_and_links_are_highlighted_but_not_anchors() -> None:
    out = tweet_html("@AytoJun sin luz #EndesaMeEstresa https://x.com/a?b=1&c=2")
    assert ">@AytoJun</span>" in out and ">#EndesaMeEstresa</span>" in out
    assert "https://x.com/a?b=1&amp;c=2</span>" in out
    assert "<a" not in out and "href" not in out


def test_right_to_left_and_emoji_survive() -> None:
    out = tweet_html("مرحبا 👨‍👩‍👧 🇪🇸")
    assert out.startswith('<div dir="auto">') and "مرحبا" in out and "👨‍👩‍👧" in out


OUR_TAGS = re.compile(r'<span style="color:#[0-9a-f]{6};(font-weight:600;)?">|</span>|<br/>')


@given(st.text())
def test_only_our_own_tags_reach_the_widget(text: str) -> None:
    out = tweet_html(text)
    assert out.startswith('<div dir="auto">') and out.endswith("</div>")
    body = OUR_TAGS.sub("", out[len('<div dir="auto">'):-len("</div>")])
    assert "<" not in body and ">" not in body


def test_bidi_overrides_and_controls_are_removed() -> None:
    out = tweet_html("pago \u202eacsim\u202c ok\x07")
    assert "\u202e" not in out and "\x07" not in out and "\ufffd" in out


def test_relative_time() -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert relative_time(now - timedelta(seconds=20), now) == "ahora"
    assert relative_time(now - timedelta(minutes=5), now) == "hace 5 min"
    assert relative_time(now - timedelta(hours=3), now, "en") == "3 h ago"
    assert relative_time(now - timedelta(hours=30), now) == "ayer"
    assert relative_time(now - timedelta(days=3), now) == "21/11"


def test_initials() -> None:
    assert initials("María López", "vecina_maria") == "ML"
    assert initials("", "@pepe_jun") == "PE"
    assert initials("🙂", "x") == "X"
