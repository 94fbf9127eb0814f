"""The ticket pane's read-only texts: the thread (HTML, tweet text escaped), the history
in sentences, the outbox, whom a DM goes to. Worded in the context "DetailPanel", the
pane's own: the catalogue's entries for it stay as they were."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from jun_desk.domain.actions import history_sentence
from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.error_codes import ERRORS
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.tickets import AuditView
from jun_desk.domain.workflow import Status
from jun_desk.services.tickets import TicketDetail
from jun_desk.ui.error_texts import render, render_stored
from jun_desk.ui.labels import (
    department_name,
    kind_labels,
    language,
    outbox_labels,
    status_singular,
)
from jun_desk.ui.text_render import tweet_html

translate = QCoreApplication.translate


def dm_recipient(snapshot: TicketDetail | None) -> str:
    """Whom "Enviar DM" writes to, named before it is pressed."""
    if snapshot is None:
        return ""
    t = snapshot.ticket
    if not t.citizen_id:
        return translate("DetailPanel", "Para (DM): nadie, el ticket no tiene vecino")
    name = "".join(ch if ch.isprintable() else " " for ch in t.citizen_name or "")
    handle = f"@{t.citizen_handle}" if t.citizen_handle else ""
    return (translate("DetailPanel", "Para (DM): %s")
            % (f"{name} ({handle})" if name and handle else name or handle)).strip()


def history_text(snapshot: TicketDetail, catalogue: DepartmentCatalogue) -> str:
    """Each audit event as a sentence in the operator's language, before → after:
    "luis cambió el departamento: Obras → Limpieza"."""
    statuses = status_singular()

    def reason(event: AuditView) -> str | None:
        """A refusal's reason in the window's language (its error code, kept beside
        the English message)."""
        coded = event.after if event.outcome != "ok" and event.after else {}
        if coded.get("error") in ERRORS:
            return render(JunDeskError(event.message or "", code=coded["error"],
                                       params=coded.get("params") or {}))
        return render_stored(event.message) if event.message is not None else None

    def shown(name: str, value: object) -> str:
        if name == "department":
            try:
                return department_name(catalogue.get(str(value)))
            except JunDeskError:  # a department since removed from the catalogue
                return str(value)
        if name == "status":
            try:
                return statuses[Status(str(value))]
            except (ValueError, KeyError):
                return str(value)
        if name == "assignee":
            return snapshot.people.get(value, "?") if isinstance(value, int) else "?"
        return str(value)

    return "\n".join(
        f"{e.at:%d/%m %H:%M} " + history_sentence(
            e.actor_name, e.action, e.outcome, e.before, e.after, reason(e),
            language=language(), shown=shown)
        for e in snapshot.history)


def thread_html(snapshot: TicketDetail, photos: Callable[[int], str] | None = None) -> str:
    """The items and the internal notes in order; tweet text escaped; under each item
    its photos (``photos(item_id)``: the desk's own links and images, see photos.py)."""
    entries: list[tuple[datetime, str]] = []
    for item in snapshot.items:
        label = kind_labels().get(item.kind, item.kind)
        who = f"@{item.author_handle}" if item.author_handle \
            else f"@{item.for_staff}" if item.kind == "staff_reply" and item.for_staff \
            else translate("DetailPanel", "Ayuntamiento")
        edited = ""
        if item.earlier_versions:
            edited = " · " + html.escape(translate("DetailPanel", "editado"))
            before = "".join(f"<li>{html.escape(text)}</li>"
                             for text in item.earlier_versions)
            earlier = html.escape(translate("DetailPanel", "Versiones anteriores:"))
            edited_body = (f'<div style="color:#5f6368">{earlier}'
                           f'<ul>{before}</ul></div>')
        else:
            edited_body = ""
        entries.append((item.created_at, (
            f'<p><b>{html.escape(label)}</b> · {html.escape(who)} · '
            f'{item.created_at:%d/%m %H:%M}{edited}</p>{tweet_html(item.text)}'
            f'{photos(item.id) if photos is not None else ""}{edited_body}')))
    internal = html.escape(translate("DetailPanel", "Nota interna"))
    for note in snapshot.notes:
        entries.append((note.created_at, (
            f'<p style="color:#5f6368"><b>{internal}</b> · '
            f'{html.escape(note.author_name)}'
            f' · {note.created_at:%d/%m %H:%M}</p>'
            f'<div style="color:#5f6368">{html.escape(note.text)}</div>')))
    entries.sort(key=lambda e: e[0])
    return "<hr/>".join(body for _, body in entries)


def outbox_text(snapshot: TicketDetail) -> str:
    """What was queued for X from this ticket, and why a failed one failed."""
    kinds = {"reply": translate("DetailPanel", "respuesta"),
             "dm": translate("DetailPanel", "DM")}
    why = translate("DetailPanel", "motivo")  # (lupdate does not read inside f-strings)
    return "\n".join(
        f"#{o.id} {kinds.get(o.kind, o.kind)} {outbox_labels().get(o.status, o.status)} "
        + translate("DetailPanel", "(intentos: %d)") % o.attempts + f": {o.text}"
        + (f"\n    {why}: {render_stored(o.last_error)}"
           if o.last_error and o.status != "sent" else "")
        for o in snapshot.outbox) or translate("DetailPanel", "Nada enviado aún.")
