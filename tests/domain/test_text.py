from hypothesis import given
from hypothesis import strategies as st

from jun_desk.domain.items import newer_id
from jun_desk.domain.text import clean_text, first_line, fold, hashtags, mentions
from jun_desk.domain.tweet_length import weighted_length


def test_fold() -> None:
    assert fold("  Camión   APAGADO\nÑandú ") == "camion apagado nandu"


def test_entities() -> None:
    text = "@AytoJun @PoliciaJun sin luz #EndesaMeEstresa #SinLuz correo a@b.es"
    assert mentions(text) == ["AytoJun", "PoliciaJun"]
    assert hashtags(text) == ["EndesaMeEstresa", "SinLuz"]


def test_first_line_title() -> None:
    assert first_line("@AytoJun @ObrasJun la farola\nsegunda línea") == "La farola"
    assert first_line("@AytoJun") == "@AytoJun"
    assert first_line("a" * 300, 20) == "A" + "a" * 18 + "…"


def test_clean_text_removes_what_databases_refuse() -> None:
    assert clean_text("a\x00b\ud800c") == "a\ufffdb?c"
    assert len(clean_text("x" * 50_000)) == 20_000


@given(st.text())
def test_clean_text_always_encodes(value: str) -> None:
    clean_text(value).encode("utf-8")
    fold(value)
    first_line(value)


def test_newer_id_compares_numbers_not_text() -> None:
    assert newer_id("999", "1000") == "1000"
    assert newer_id(None, "5") == "5"
    assert newer_id("5", None) == "5"


def test_weighted_length_counts_like_x() -> None:
    assert weighted_length("hola") == 4
    assert weighted_length("ver https://www.jun.es/" + "x" * 100) == 4 + 23
    assert weighted_length("👨‍👩‍👧") == 2
    assert weighted_length("🇪🇸") == 2
    assert weighted_length("日本") == 4
    assert weighted_length("á" * 280) == 280
    assert weighted_length("a\u0301") == 1  # NFC: 'á' written as two code points
