"""What the desk writes about a ticket or a message so that it reads at a glance: its
priority (word and colours: never colour alone), its age ("hace 3 h", "hace 4 d"), the time
of day it came in, and the whole text for tooltips and screen readers."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from jun_desk.domain.tickets import ItemView, TicketView

# Badge colours: white on dark red 6.6:1, dark brown on light amber 10.3:1 (see
# tests/ui/test_accessibility.py, which computes them).
PRIORITY_COLOURS = {"urgent": ("#b71c1c", "#ffffff"), "high": ("#ffe0b2", "#4e2600")}


def priority_names() -> dict[str, str]:
    return {"low": QCoreApplication.translate("Readable", "baja"),
            "normal": QCoreApplication.translate("Readable", "normal"),
            "high": QCoreApplication.translate("Readable", "alta"),
            "urgent": QCoreApplication.translate("Readable", "URGENTE")}


def priority_badge(priority: str | None) -> str | None:
    """The word on a card's or a feed item's badge: only for high and urgent."""
    if priority not in PRIORITY_COLOURS:
        return None
    return priority_names()[priority]


def age(when: datetime, now: datetime) -> str:
    """How long ago, as the desk says it: 'ahora', 'hace 5 min', 'hace 3 h', 'hace 4 d'."""
    delta = now - when
    if delta < timedelta(minutes=1):
        return QCoreApplication.translate("Readable", "ahora")
    if delta < timedelta(hours=1):
        minutes = int(delta.total_seconds() // 60)
        return QCoreApplication.translate("Readable", "hace %d min") % minutes
    if delta < timedelta(days=1):
        hours = int(delta.total_seconds() // 3600)
        return QCoreApplication.translate("Readable", "hace %d h") % hours
    return QCoreApplication.translate("Readable", "hace %d d") % delta.days


def time_of_day(when: datetime, now: datetime, zone: tzinfo | None = None) -> str:
    """'10:42' today, 'ayer 10:42', '24/11 10:42' before; in ``zone`` (the desk's local
    time when None). Days are calendar days of that zone, 23 or 25 hours long when the
    clocks change."""
    local, today = when.astimezone(zone), now.astimezone(zone)
    clock = f"{local:%H:%M}"
    if local.date() == today.date():
        return clock
    if local.date() == today.date() - timedelta(days=1):
        return QCoreApplication.translate("Readable", "ayer %s") % clock
    return f"{local:%d/%m} {clock}"


def ticket_description(ticket: TicketView, department: str, status: str,
                       now: datetime) -> str:
    """Everything a card shows (and what it elides), for its tooltip and screen readers."""
    who = (f"@{ticket.citizen_handle}" if ticket.citizen_handle
           else QCoreApplication.translate("Readable", "sin vecino"))
    if ticket.citizen_name:
        who = f"{ticket.citizen_name} ({who})"
    if ticket.citizen_verified_resident:
        who += " · " + QCoreApplication.translate("Readable", "vecino verificado")
    lines = [f"#{ticket.id} · {ticket.title}",
             QCoreApplication.translate("Readable", "Prioridad: %s") % priority_names().get(
                 ticket.priority.value, ticket.priority.value),
             f"{department} · {status}",
             QCoreApplication.translate("Readable", "Vecino: %s") % who,
             QCoreApplication.translate("Readable", "Asignado a: %s") % (
                 ticket.assignee_name or QCoreApplication.translate("Readable", "sin asignar")),
             QCoreApplication.translate("Readable", "Mensajes: %d") % ticket.item_count,
             QCoreApplication.translate("Readable", "Creado %s (%s)") % (
                 time_of_day(ticket.created_at, now), age(ticket.created_at, now))]
    if ticket.media_count:
        lines.append(QCoreApplication.translate("Readable", "Fotos y vídeos: %d")
                     % ticket.media_count)
    if ticket.personal_data:
        lines.append(QCoreApplication.translate("Readable", "⚠ Contiene datos personales"))
    return "\n".join(lines)


def item_description(item: ItemView, department: str | None, now: datetime) -> str:
    """A feed item in words: who, when, the whole text, triage, priority, ticket."""
    who = item.author_name or ""
    if item.author_handle:
        who = f"{who} (@{item.author_handle})" if who else f"@{item.author_handle}"
    kind = (QCoreApplication.translate("Readable", "Mensaje directo") if item.kind == "dm_in"
            else QCoreApplication.translate("Readable", "Mención"))
    lines = [f"{kind} · {who} · {time_of_day(item.created_at, now)} "
             f"({age(item.created_at, now)})", item.text]
    facts = []
    if item.for_staff and item.kind == "mention":
        facts.append(QCoreApplication.translate("Readable", "para @%s") % item.for_staff)
    if item.found_by_search:
        facts.append(QCoreApplication.translate("Readable", "encontrado por una búsqueda"))
    if department:
        facts.append(department)
    badge = priority_badge(item.suggested_priority)
    if badge:
        facts.append(QCoreApplication.translate("Readable", "Prioridad: %s") % badge)
    if item.media_count:
        facts.append(QCoreApplication.translate("Readable", "Fotos y vídeos: %d")
                     % item.media_count)
    if item.ticket_id:
        facts.append(QCoreApplication.translate("Readable", "ticket #%d") % item.ticket_id)
    elif item.handled:
        facts.append(QCoreApplication.translate("Readable", "atendido"))
    if facts:
        lines.append(" · ".join(facts))
    if item.triage_reason:
        from jun_desk.domain.triage import reason_in
        from jun_desk.ui.labels import language

        lines.append(reason_in(item.triage_reason, language()))
    return "\n".join(lines)
