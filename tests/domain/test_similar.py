"""The words that tie two messages to one matter."""

from __future__ import annotations

from jun_desk.domain.similar import key_words


def test_key_words_drop_what_every_message_has() -> None:
    assert key_words("Farola apagada en la calle Real desde hace 3 días @AytoJun #Jun "
                     "https://x.com/a") == ["apagada", "farola", "real"]
    assert key_words("Hola, gracias por todo") == []
    assert key_words("Hello, the street lamp is broken") == ["broken", "lamp"]
