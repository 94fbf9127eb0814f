import json

import pytest

from jun_desk.domain.canned import PRIVACY_REPLY, load_canned
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.tweet_length import fits_in_tweet
from jun_desk.resources import resource_path


def test_canned_replies_render_in_both_languages_and_fit_in_a_tweet() -> None:
    replies = {r.id: r for r in load_canned(resource_path("canned_replies.json"))}
    assert PRIVACY_REPLY in replies
    values = {"nombre": "María", "usuario": "@vecina_maria", "ticket": "1234",
              "departamento": "Obras y mantenimiento", "codigo": "ABC-234", "horas": "48"}
    for reply in replies.values():
        for language in ("es", "en"):
            text = reply.render(values, language)
            assert "{" not in text and fits_in_tweet(text), (reply.id, language)
    assert replies["recibido"].render(values).startswith("Hola María")


def test_missing_value_stays_visible() -> None:
    (reply, *_) = load_canned(resource_path("canned_replies.json"))
    assert "{nombre}" in reply.render({})


def test_unknown_placeholder_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "c.json"
    bad.write_text(json.dumps({"placeholders": ["nombre"], "replies": [
        {"id": "x", "title_es": "x", "title_en": "x", "text_es": "{dni}", "text_en": "x"}]}))
    with pytest.raises(ValidationError, match="unknown placeholders"):
        load_canned(bad)
