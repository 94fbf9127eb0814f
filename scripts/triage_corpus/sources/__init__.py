"""One adapter per public source: each yields raw items (original id, text, category, url)."""

from . import avisos_madrid, decide_madrid

ADAPTERS = {m.NAME: m for m in (avisos_madrid, decide_madrid)}
