"""One adapter per public source: each yields raw items (original id, text, category, url)."""

from . import avisos_madrid, avisos_madrid_archive, decide_madrid, decide_madrid_comments

ADAPTERS = {
    m.NAME: m for m in (avisos_madrid, avisos_madrid_archive, decide_madrid, decide_madrid_comments)
}
