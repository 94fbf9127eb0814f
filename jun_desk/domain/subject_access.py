"""A citizen's export (right of access) as files: JSON for machines, HTML for people.

Both begin by saying what they contain: when, by whom, and how many rows of each kind.
Every value in the HTML is escaped (the citizens' texts are untrusted).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol


class Export(Protocol):
    generated_at: datetime
    generated_by: str
    handle: str

    @property  # read-only here, so a dict of lists of dicts (CitizenExport) fits
    def sections(self) -> Mapping[str, Sequence[Mapping[str, Any]]]: ...

    @property
    def contents(self) -> Mapping[str, int]: ...


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def export_json(export: Export, described: Mapping[str, str] | None = None) -> str:
    return json.dumps({
        "about": "Everything Jun Desk stores about one citizen (GDPR art. 15)",
        "handle": export.handle,
        "generated_at": export.generated_at.isoformat(),
        "generated_by": export.generated_by,
        "contents": dict(export.contents),
        "sections_hold": dict(described or {}),
        **{name: list(rows) for name, rows in export.sections.items()},
    }, ensure_ascii=False, indent=2, default=_plain)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, default=_plain)
    elif isinstance(value, datetime):
        value = value.strftime("%Y-%m-%d %H:%M:%S UTC")
    return html.escape(str(value))


def export_html(export: Export, described: Mapping[str, str] | None = None) -> str:
    described = described or {}
    e = html.escape
    out = [
        "<!DOCTYPE html>", '<html lang="es"><head><meta charset="utf-8">',
        f"<title>Datos de @{e(export.handle)} / Data of @{e(export.handle)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
        "margin-bottom:2em}td,th{border:1px solid #999;padding:4px;vertical-align:top;"
        "text-align:left;font-size:90%}</style></head><body>",
        f"<h1>Datos guardados de @{e(export.handle)} / Data stored about "
        f"@{e(export.handle)}</h1>",
        f"<p>Generado / generated {e(export.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}"
        f" por / by {e(export.generated_by)}.</p>",
        "<h2>Qué contiene este archivo / What this file contains</h2><ul>",
    ]
    for name, count in export.contents.items():
        holds = f": {e(described[name])}" if name in described else ""
        out.append(f"<li><a href=\"#{e(name)}\">{e(name)}</a> ({count}){holds}</li>")
    out.append("</ul>")
    for name, rows in export.sections.items():
        out.append(f'<h2 id="{e(name)}">{e(name)} ({len(rows)})</h2>')
        if not rows:
            out.append("<p>—</p>")
            continue
        columns = list(rows[0])
        out.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>")
        for row in rows:
            out.append("<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns)
                       + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
