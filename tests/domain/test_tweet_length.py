"""X's v3 count, checked against twitter-text's conformance suite.

The table below is ours: the 22 cases of ``WeightedTweetsWithDiscountedEmojiCounterTest`` in
twitter-text's ``conformance/validate.yml`` (the v3 counting X applies), each named by the
suite's description, with an input built here to the same shape (same lengths, same kinds of
characters, same URLs) and the weighted length the suite expects for it. The suite itself is
not copied into this repository (house rule on fetched material): the last test runs it as
it is from ``<repo>/../shared/twitter-text/conformance/validate.yml`` (or
``$JUN_DESK_TWITTER_TEXT_CONFORMANCE``), skipped without it and failing in CI.
"""

from __future__ import annotations

import pytest

from jun_desk.domain.tweet_length import (
    MAX_WEIGHTED_LENGTH,
    fits_in_tweet,
    weighted_length,
)
from jun_desk.shared_material import TWITTER_TEXT
from tests.material import need

X10 = "xxxxxxxxxx-"  # eleven characters
KANA = "あいうえおかきくけこ"  # ten CJK-range characters (weight 2 each)
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # one emoji, weight 2
LONG_HOST = "somesuperlongurl" * 249  # one 3,984-character label: not a valid host
ENGLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"

CASES: list[tuple[str, str, int]] = [
    ("Regular Tweet with url", "Hi http://test.co", 26),
    ("Just url", "http://test.co", 23),
    ("Long tweet, overflow at char index 280", "285 chars-" + X10 * 25, 285),
    ("Long tweet with url in the middle, overflow at char index 284",
     "285 chars- http://www.twitter.com/jack " + X10 * 24, 299),
    ("Long tweet with url at the end, overflow at char index 265",
     X10 * 24 + " http://www.twitter.com/jack ", 289),
    ("10 url string, no overflow", "https://www.twitter.com/aloha " * 10, 240),
    ("160 CJK char, overflow at char index 140", "故人西辞黄鹤楼，烟花三月" * 13 + "下扬州。", 320),
    ("160 emoji char, overflow at char index 140", "\U0001F637" * 160, 320),
    ("3 latin char + 160 CJK char, overflow at char index 141",
     "the" + "故人西辞黄鹤楼，烟花三月" * 13 + "下扬州。", 323),
    ("282 chars with a normalized character within valid range but outside 280",
     "282 chars-" + X10 * 24 + "xxxxxA\u0301x", 281),  # A + combining acute → Á (NFC)
    ("Count a mix of single byte single word, and double word unicode characters",
     "H\U0001F431\u263A" + FAMILY, 7),
    ("Count unicode emoji chars inside the basic multilingual plane",
     "\U0001F637\U0001F47E\U0001F621\U0001F525\U0001F4A9", 10),
    ("Count unicode emoji chars outside the basic multilingual plane with skin tone modifiers",
     "\U0001F64B\U0001F3FD\U0001F468\u200d\U0001F3A4", 4),
    ("Handle General Punctuation Characters with visible spaces(u2000-200A), no ZWJ/ZWNJ",
     "This is a tweet with general punctuation characters: "
     + "".join(chr(c) for c in range(0x2000, 0x200C)) + " "
     + " ".join(chr(c) for c in range(0x2010, 0x2017)) + "  "
     + " ".join(chr(c) for c in range(0x2017, 0x2020)) + " "
     + " ".join(chr(c) for c in range(0x2032, 0x2038)), 110),
    ("Handle long url with invalid domain labels and short url",
     "Long url with invalid domain labels and a short url: "
     + " ".join(["https://" + LONG_HOST + ".com/foo"] * 3) + " https://validurl.com", 12079),
    ("Handle a 64 character domain without protocol", "randomurl" * 7 + "s.com", 68),
    ("Do not allow > 140 CJK characters by virtue of CJK chars greater than 63 punycode "
     "encoded chars in the host", KANA * 12 + " http://" + KANA * 5 + "あいう.com", 358),
    ("Allow > 140 CJK characters by virtue of CJK chars less than 63 punycode encoded chars "
     "in the host", KANA * 12 + " http://" + KANA * 5 + "あい.com", 264),
    ("140 family emoji", FAMILY * 140, 280),
    ("Emoji with a leading character in the latin range is counted as 2", "1\u20E3", 2),
    ("Unicode 10.0 emoji",
     "Unicode 10.0 emoji: \U0001F92A; \U0001F9D5; \U0001F9D5\U0001F3FE; " + ENGLAND, 34),
    ("Unicode 9.0 emoji", "Unicode 9.0 emoji: \U0001F920; \U0001F483; \U0001F483\U0001F3FE", 29),
]


def test_the_table_has_the_suites_22_cases() -> None:
    assert len(CASES) == 22 and len({d for d, _t, _n in CASES}) == 22


@pytest.mark.parametrize(("description", "text", "expected"), CASES,
                         ids=[d[:60] for d, _t, _n in CASES])
def test_v3_conformance(description: str, text: str, expected: int) -> None:
    assert weighted_length(text) == expected, description


def test_limits_and_spanish_text() -> None:
    assert weighted_length("") == 0
    reply = "Hola @vecina, la farola de la calle Mayor ya está en la lista de Obras. Gracias 🙏"
    assert weighted_length(reply) == len(reply) + 1  # the emoji weighs 2
    assert fits_in_tweet("ñ" * MAX_WEIGHTED_LENGTH)
    assert not fits_in_tweet("ñ" * (MAX_WEIGHTED_LENGTH + 1))
    assert weighted_length("Mira https://www.jun.es/obras/avisos?id=12345678901234567890") == 28
    assert weighted_length("\ud800 hola") == 7  # a lone surrogate: U+FFFD (weight 2), no error
    assert weighted_length("a\x00b") == 3


def test_the_official_suite() -> None:
    """twitter-text's published file as it is (../shared, jun_desk.shared_material): skipped
    without it, a failure in CI."""
    path = need(TWITTER_TEXT)
    import yaml

    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"][
        "WeightedTweetsWithDiscountedEmojiCounterTest"]
    failures = [c["description"] for c in cases
                if weighted_length(c["text"]) != c["expected"]["weightedLength"]]
    print(f"\ntwitter-text {path}: {len(cases)} weighted-length cases, "
          f"{len(failures)} failures")
    assert len(cases) == 22 and failures == []


def test_the_emoji_table_reads_without_pkg_resources() -> None:
    from jun_desk.domain.tweet_length import _resource_shim

    table = _resource_shim().resource_string("twitter_text.regexp", "emoji-test.txt")
    assert table.startswith(b"# emoji-test.txt")
