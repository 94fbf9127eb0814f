"""One adapter per public source: each yields raw items (original id, text, category, url)."""

from . import avisos_madrid

ADAPTERS = {avisos_madrid.NAME: avisos_madrid}
