"""Canned replies (Spanish and English) with placeholders such as the citizen's name."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jun_desk.domain.errors import bad_resource

PRIVACY_REPLY = "pasar_a_dm"
VERIFY_HOWTO_REPLY = "como_verificarse"
VERIFICATION_CODE_DM = "codigo_verificacion"


@dataclass(frozen=True, slots=True)
class CannedReply:
    id: str
    title_es: str
    title_en: str
    text_es: str
    text_en: str
    internal: bool = False  # sent by the desk itself (the verification code): not offered

    def title(self, language: str = "es") -> str:
        return self.title_en if language.startswith("en") else self.title_es

    def render(self, values: dict[str, str], language: str = "es") -> str:
        """Fill the placeholders; one without a value stays visible as {name}."""
        template = self.text_en if language.startswith("en") else self.text_es
        return string.Formatter().vformat(template, (), _Keep(values))


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def load_canned(path: Path) -> list[CannedReply]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        replies = [CannedReply(**entry) for entry in data["replies"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise bad_resource(f"Cannot read the canned replies {path}: {err}") from None
    allowed = set(data.get("placeholders", []))
    for reply in replies:
        for text in (reply.text_es, reply.text_en):
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            if used - allowed:
                raise bad_resource(f"Canned reply '{reply.id}' uses unknown placeholders "
                                      f"{sorted(used - allowed)}")
    return replies


RESOLVED_REPLY = "resuelto"


def reply_language(citizen_texts: list[str]) -> str:
    """The language to answer a citizen in: theirs, not the operator's. English when what
    they wrote reads as English, Spanish otherwise (the town's language, and the default
    when their messages say nothing either way)."""
    from jun_desk.domain.language import detect

    text = "\n".join(t for t in citizen_texts if t)
    return "en" if text and detect(text).code == "en" else "es"
