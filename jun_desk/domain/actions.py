"""The catalogue of actions: every state change the desk records.

Each action has the code its audit events carry (``ticket.reassign_department``), how a person
names it in Spanish and English (``cambiar de departamento`` / ``move to another department``,
for conflicts and refusals), how the history tells it (``cambió el departamento`` /
``moved it to another department``) and the kinds of things it changes, which decide what the
desk's views refresh when it happens — here or on another desk.

Add an action here first; then record it from a service (``services.audit.record``). An audit
code the catalogue does not know (a newer desk's, say) is shown as it is and refreshes every
kind, so nothing goes stale.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from jun_desk.domain.tickets import ItemView, TicketView


class Kind(StrEnum):
    """What a change touches; each view says which kinds it shows."""

    TICKET = "ticket"  # a ticket's card, detail, history
    FEED = "feed"  # the live feed's items
    CONVERSATION = "conversation"  # DM conversations and their threads
    OUTBOX = "outbox"  # replies and DMs waiting, sent or failed
    OPERATOR = "operator"  # the people of the desk, their roles and departments
    QUARANTINE = "quarantine"  # what X sent unreadable
    SETTINGS = "settings"  # the desk's settings and its triage model
    MODERATION = "moderation"  # hidden replies, muted accounts, proposals
    CITIZEN = "citizen"  # a citizen's verification: the badge on all their cards and items
    MEDIA = "media"  # citizens' photos: downloaded, refused, evicted (issue 29)
    ANNOUNCEMENT = "announcement"  # the town's own posts: drafts, approvals, publishing


ALL_KINDS = frozenset(Kind)


@dataclass(frozen=True, slots=True)
class Action:
    code: str
    es: str  # the action named: "cambiar de departamento"
    en: str
    done_es: str  # the history's verb phrase: "cambió el departamento"
    done_en: str
    kinds: frozenset[Kind] = field(default_factory=frozenset)

    def label(self, language: str = "es") -> str:
        return self.en if language.startswith("en") else self.es

    def done(self, language: str = "es") -> str:
        return self.done_en if language.startswith("en") else self.done_es


_T, _F, _C, _O = Kind.TICKET, Kind.FEED, Kind.CONVERSATION, Kind.OUTBOX
_P, _Q, _S, _M = Kind.OPERATOR, Kind.QUARANTINE, Kind.SETTINGS, Kind.MODERATION
_V = Kind.CITIZEN
_AN = Kind.ANNOUNCEMENT


def _a(code: str, es: str, en: str, done_es: str, done_en: str, *kinds: Kind) -> Action:
    return Action(code, es, en, done_es, done_en, frozenset(kinds))


ACTIONS: Mapping[str, Action] = {a.code: a for a in (
    _a("ticket.create", "crear el ticket", "create the ticket",
       "creó el ticket", "created the ticket", _T, _F),
    _a("ticket.assign", "asignar", "assign", "asignó el ticket", "assigned the ticket", _T),
    _a("ticket.move", "cambiar el estado", "change the status",
       "cambió el estado", "changed the status", _T),
    _a("ticket.reassign_department", "cambiar de departamento", "move to another department",
       "cambió el departamento", "moved it to another department", _T),
    _a("ticket.set_priority", "cambiar la prioridad", "change the priority",
       "cambió la prioridad", "changed the priority", _T),
    _a("ticket.undo", "deshacer el último cambio", "undo the last change",
       "deshizo su último cambio", "undid their last change", _T),
    _a("ticket.note", "añadir una nota", "add a note", "añadió una nota", "added a note", _T),
    _a("ticket.attach_item", "añadir un mensaje", "add a message",
       "añadió un mensaje", "added a message", _T, _F),
    _a("ticket.link_conversation", "vincular una conversación", "link a conversation",
       "vinculó la conversación de {handle} al ticket #{ticket}",
       "linked {handle}'s conversation to ticket #{ticket}", _T, _F, _C),
    _a("ticket.unlink_conversation", "desvincular una conversación", "unlink a conversation",
       "desvinculó la conversación de {handle} del ticket #{ticket}",
       "unlinked {handle}'s conversation from ticket #{ticket}", _T, _F, _C),
    _a("ticket.item_edited", "editar un mensaje", "edit a message",
       "editó un mensaje en X", "edited a message on X", _T, _F),
    _a("ticket.merge", "fusionar", "merge", "fusionó el ticket con otro",
       "merged the ticket into another", _T, _F),
    _a("ticket.merge_in", "fusionar", "merge", "fusionó otro ticket en este",
       "merged another ticket into this one", _T),
    _a("ticket.resolve", "resolver", "resolve", "resolvió el ticket", "resolved the ticket", _T),
    _a("ticket.reopen", "reabrir", "reopen", "reabrió el ticket", "reopened the ticket", _T),
    _a("ticket.close", "cerrar", "close", "cerró el ticket", "closed the ticket", _T),
    _a("outbox.reply", "responder", "reply", "dejó una respuesta en la bandeja de salida",
       "queued a reply", _O, _T),
    _a("outbox.dm", "enviar un DM", "send a DM", "dejó un DM en la bandeja de salida",
       "queued a DM", _O, _C, _T, _F),
    _a("outbox.sent", "enviar", "send", "envió a X", "sent to X", _O, _C, _T),
    _a("outbox.failed", "enviar", "send", "no pudo enviar a X", "could not send to X", _O, _T),
    _a("notice.create", "crear un aviso de corte u obra", "create an outage or works notice",
       "creó un aviso de corte u obra", "created an outage or works notice"),
    _a("notice.link", "vincular tickets a un aviso", "link tickets to a notice",
       "vinculó el ticket a un aviso", "linked the ticket to a notice", _T),
    _a("notice.unlink", "desvincular un ticket de un aviso", "unlink a ticket from a notice",
       "desvinculó el ticket de un aviso", "unlinked the ticket from a notice", _T),
    _a("notice.answer", "responder a todos con el aviso", "answer everyone with the notice",
       "respondió con el aviso", "answered with the notice", _T, _O, _F),
    _a("notice.publish", "publicar un aviso", "publish a notice",
       "publicó un aviso", "published a notice"),
    _a("item.handled", "marcar atendido", "mark as handled",
       "marcó un mensaje como atendido", "marked a message as handled", _F),
    _a("item.edited", "editar un mensaje", "edit a message",
       "editó un mensaje en X", "edited a message on X", _F),
    _a("citizen.described", "saber quién escribió", "learn who wrote",
       "supo por X quién escribió", "learnt from X who wrote", _T, _F, _C),
    _a("ingest.page", "guardar lo que trajo X", "store what X brought",
       "guardó mensajes de X", "stored messages from X", _F, _C, _Q),
    # the ticket's own event (ticket_id) also touches its ticket
    _a("media.stored", "guardar fotos de X", "store photos from X",
       "guardó fotos de X", "stored photos from X", Kind.MEDIA),
    _a("media.evicted", "liberar espacio de fotos", "free space of photos",
       "liberó espacio de fotos", "freed space of photos", Kind.MEDIA),
    _a("quarantine.add", "apartar un mensaje ilegible", "set aside an unreadable message",
       "apartó un mensaje ilegible", "set aside an unreadable message", _Q),
    _a("quarantine.stored", "guardar un mensaje apartado", "store a set-aside message",
       "guardó un mensaje apartado", "stored a set-aside message", _Q, _F),
    _a("quarantine.retry", "reintentar un mensaje apartado", "retry a set-aside message",
       "reintentó un mensaje apartado", "retried a set-aside message", _Q),
    _a("quarantine.dismiss", "descartar un mensaje apartado", "dismiss a set-aside message",
       "descartó un mensaje apartado", "dismissed a set-aside message", _Q),
    _a("citizen.verify", "verificar al vecino", "verify the citizen",
       "verificó al vecino como residente", "verified the citizen as a resident", _T, _F, _V),
    _a("citizen.unverify", "retirar la verificación", "withdraw the verification",
       "retiró la verificación del vecino", "withdrew the citizen's verification", _T, _F,
       _V),
    _a("verification.requested", "pedir la verificación", "ask to be verified",
       "pidió verificarse como vecino", "asked to be verified as a resident", _T, _F),
    _a("verification.start", "enviar el código de verificación", "send the verification code",
       "envió un código de verificación por DM", "sent a verification code by DM", _T, _F, _O),
    _a("verification.confirm", "confirmar la verificación", "confirm the verification",
       "confirmó la verificación del vecino", "confirmed the citizen's verification", _T, _F,
       _V, _O),
    _a("verification.code_refused", "comprobar el código de verificación",
       "check the verification code", "rechazó un código de verificación",
       "refused a verification code", _T, _F),
    _a("verification.revoke", "revocar la verificación", "revoke the verification",
       "revocó la verificación del vecino", "revoked the citizen's verification", _T, _F,
       _V),
    _a("operator.add", "dar de alta a un operador", "add an operator",
       "dio de alta a un operador", "added an operator", _P),
    _a("operator.set_active", "activar o desactivar a un operador",
       "activate or deactivate an operator", "activó o desactivó a un operador",
       "activated or deactivated an operator", _P),
    _a("operator.set_password", "cambiar la contraseña", "change the password",
       "cambió una contraseña", "changed a password", _P),
    _a("operator.bind_os_user", "vincular el usuario del sistema", "bind the system user",
       "vinculó un usuario del sistema", "bound a system user", _P),
    _a("operator.first_code_issued", "emitir un código de primer acceso",
       "issue a first-access code", "emitió un código de primer acceso",
       "issued a first-access code", _P),
    _a("operator.first_code_used", "usar el código de primer acceso",
       "use the first-access code", "usó su código de primer acceso",
       "used their first-access code", _P),
    _a("operator.first_code_expired", "usar un código de primer acceso caducado",
       "use an expired first-access code", "intentó usar un código de primer acceso caducado",
       "tried an expired first-access code", _P),
    _a("operator.locked_out", "bloquear una cuenta", "lock an account out",
       "bloqueó la cuenta por intentos fallidos", "locked the account after failed attempts",
       _P),
    _a("session.sign_in", "entrar", "sign in", "entró", "signed in"),
    _a("session.sign_in_failed", "entrar", "sign in", "no pudo entrar", "failed to sign in"),
    _a("session.lock", "bloquear el puesto", "lock the desk", "bloqueó el puesto",
       "locked the desk"),
    _a("session.unlock", "desbloquear el puesto", "unlock the desk", "desbloqueó el puesto",
       "unlocked the desk"),
    _a("session.switch", "cambiar de operador", "switch operator", "tomó el puesto",
       "took over the desk"),
    _a("triage.retrain", "reentrenar la clasificación", "retrain triage",
       "reentrenó la clasificación", "retrained triage", _S),
    _a("triage.rollback", "volver al modelo anterior", "roll back the triage model",
       "volvió al modelo de clasificación anterior", "rolled back the triage model", _S),
    _a("triage.routing", "elegir cuándo se enruta solo", "choose when triage routes by itself",
       "cambió cuándo se enruta solo", "changed when triage routes by itself", _S),
    _a("poller.take", "tomar el sondeo de X", "take over polling X",
       "tomó el sondeo de X", "took over polling X"),
    _a("poller.release", "dejar el sondeo de X", "release polling X",
       "dejó el sondeo de X", "released polling X"),
    _a("x_budget.set", "fijar el presupuesto de X", "set the X budget",
       "fijó el presupuesto de X", "set the X budget", _S),
    _a("staff.add", "añadir una cuenta del personal", "add a staff account",
       "añadió una cuenta del personal", "added a staff account", _S),
    _a("staff.remove", "quitar una cuenta del personal", "remove a staff account",
       "quitó una cuenta del personal", "removed a staff account", _S),
    _a("search.add", "vigilar una búsqueda", "watch a search",
       "empezó a vigilar una búsqueda", "started watching a search", _S),
    _a("search.remove", "dejar de vigilar una búsqueda", "stop watching a search",
       "dejó de vigilar una búsqueda", "stopped watching a search", _S),
    _a("streams.pause_order", "ordenar las pausas del presupuesto", "order the budget's pauses",
       "ordenó las pausas del presupuesto", "ordered the budget's pauses", _S),
    _a("backup.made", "hacer una copia de seguridad", "back up the database",
       "hizo una copia de seguridad", "backed up the database", _S),
    _a("backup.restored", "restaurar una copia de seguridad", "restore a backup",
       "restauró una copia de seguridad", "restored a backup", *Kind),
    _a("moderation.propose", "proponer una moderación", "propose moderation",
       "propuso una moderación", "proposed moderation", _M),
    _a("moderation.approve", "aprobar una moderación", "approve moderation",
       "aprobó una moderación", "approved moderation", _M, _F),
    _a("moderation.reject", "rechazar una moderación", "reject moderation",
       "rechazó una moderación", "rejected moderation", _M),
    _a("moderation.hide", "ocultar una respuesta", "hide a reply",
       "ocultó una respuesta en X", "hid a reply on X", _M, _F),
    _a("moderation.unhide", "volver a mostrar una respuesta", "unhide a reply",
       "volvió a mostrar una respuesta en X", "unhid a reply on X", _M, _F),
    _a("moderation.mute", "silenciar una cuenta", "mute an account",
       "silenció una cuenta en X", "muted an account on X", _M),
    _a("moderation.unmute", "dejar de silenciar una cuenta", "unmute an account",
       "dejó de silenciar una cuenta en X", "unmuted an account on X", _M),
    _a("moderation.delete", "borrar una publicación propia", "delete one of our posts",
       "borró una publicación del ayuntamiento en X", "deleted one of the town's posts on X",
       _M),
    _a("moderation.undo", "deshacer una moderación", "undo moderation",
       "deshizo una moderación", "undid moderation", _M, _F),
    _a("privacy.set_retention", "fijar el plazo de conservación", "set the retention period",
       "fijó el plazo de conservación", "set the retention period", _S),
    _a("privacy.retention", "anonimizar lo caducado", "anonymise what expired",
       "anonimizó los tickets cuyo plazo venció", "anonymised the tickets past their period",
       _T, _F, _C, _O, _Q, _M),
    _a("privacy.export", "exportar los datos de un vecino", "export a citizen's data",
       "exportó los datos de un vecino", "exported a citizen's data"),
    _a("privacy.access_log", "leer el registro de accesos", "read the access log",
       "leyó el registro de accesos", "read the access log"),
    _a("privacy.erase", "borrar los datos de un vecino", "erase a citizen's data",
       "borró los datos de un vecino", "erased a citizen's data", _T, _F, _C, _O, _Q, _M),
    _a("ticket.legal_hold", "poner en retención legal", "put under legal hold",
       "puso el ticket en retención legal", "put the ticket under legal hold", _T),
    _a("announcement.draft", "redactar un anuncio", "draft an announcement",
       "redactó un anuncio", "drafted an announcement", _AN),
    _a("announcement.edit", "editar un anuncio", "edit an announcement",
       "editó un anuncio", "edited an announcement", _AN, _O),
    _a("announcement.submit", "enviar un anuncio a aprobar", "submit an announcement",
       "envió un anuncio a aprobar", "submitted an announcement for approval", _AN),
    _a("announcement.approve", "aprobar un anuncio", "approve an announcement",
       "aprobó un anuncio", "approved an announcement", _AN, _O),
    _a("announcement.return", "devolver un anuncio", "return an announcement",
       "devolvió un anuncio con un comentario", "returned an announcement with a comment",
       _AN),
    _a("announcement.schedule", "programar un anuncio", "schedule an announcement",
       "programó un anuncio", "scheduled an announcement", _AN, _O),
    _a("announcement.publish", "publicar un anuncio", "publish an announcement",
       "publicó un anuncio", "published an announcement", _AN, _O),
    _a("announcement.cancel", "cancelar un anuncio", "cancel an announcement",
       "canceló un anuncio", "cancelled an announcement", _AN, _O),
    _a("announcement.post_sent", "publicar en X", "post on X",
       "publicó en X un mensaje de un anuncio", "posted an announcement's post on X", _AN, _O),
    _a("announcement.post_failed", "publicar en X", "post on X",
       "no pudo publicar en X un mensaje de un anuncio",
       "could not post an announcement's post on X", _AN, _O),
    _a("announcement.missed", "retener un anuncio atrasado", "hold a late announcement",
       "retuvo un anuncio cuya hora pasó con la mesa cerrada",
       "held an announcement whose time passed with every desk off", _AN, _O),
    _a("announcement.media_refused", "adjuntar una imagen", "attach an image",
       "no pudo subir la imagen de un anuncio", "could not upload an announcement's image",
       _AN, _O),
    _a("announcement.retry", "reintentar un hilo detenido", "retry a stopped thread",
       "reintentó un hilo que X había detenido", "retried a thread X had stopped", _AN, _O),
    _a("announcement.stop", "detener un hilo", "stop a thread",
       "detuvo un hilo en la publicación que X rechazó",
       "stopped a thread at the post X refused", _AN, _O),
    _a("ticket.legal_hold_release", "levantar la retención legal", "release the legal hold",
       "levantó la retención legal", "released the legal hold", _T),
)}


def action(code: str) -> Action:
    """The catalogue's action; an unknown code stands for itself and may touch anything."""
    found = ACTIONS.get(code)
    if found is not None:
        return found
    return Action(code, code, code, code, code, ALL_KINDS)


# ---------------------------------------------------------------------- what changed
@dataclass(frozen=True, slots=True)
class Event:
    """One recorded change: its audit event id, action code and ticket (if any)."""

    id: int
    code: str
    ticket_id: int | None = None


@dataclass(frozen=True, slots=True)
class Changes:
    """What one operation (or one batch from the change stream) changed, as the audit events
    it wrote: the same change reaching the window twice — from the operation and back
    through the stream — is applied once (``without``). ``everything``: what changed is
    unknown (after a lost connection): every view refreshes all it shows. ``now``: the
    tickets and messages as this desk's operation left them (its result), so a view can
    show them at once, before it reads; the change stream carries none."""

    events: tuple[Event, ...] = ()
    everything: bool = False
    now: tuple[TicketView | ItemView, ...] = ()

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    @property
    def kinds(self) -> frozenset[Kind]:
        if self.everything:
            return ALL_KINDS
        kinds: set[Kind] = set()
        for event in self.events:
            kinds |= action(event.code).kinds
            if event.ticket_id is not None:
                kinds.add(Kind.TICKET)
        return frozenset(kinds)

    @property
    def tickets(self) -> frozenset[int]:
        return frozenset(e.ticket_id for e in self.events if e.ticket_id is not None)

    @property
    def event_ids(self) -> frozenset[int]:
        return frozenset(e.id for e in self.events)

    def __bool__(self) -> bool:
        return self.everything or bool(self.events)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.events + other.events, self.everything or other.everything,
                       self.now + other.now)

    def touches(self, *kinds: Kind) -> bool:
        return self.everything or not self.kinds.isdisjoint(kinds)

    def without(self, seen: frozenset[int] | set[int]) -> Changes:
        """This change minus the events already applied (what things are ``now``
        stays: news even when the stream's copy of the events came first)."""
        return Changes(tuple(e for e in self.events if e.id not in seen), self.everything,
                       self.now)

    def with_now(self, *views: TicketView | ItemView) -> Changes:
        return Changes(self.events, self.everything, self.now + views)

    @property
    def tickets_now(self) -> tuple[TicketView, ...]:
        return tuple(v for v in self.now if isinstance(v, TicketView))

    @property
    def items_now(self) -> tuple[ItemView, ...]:
        return tuple(v for v in self.now if isinstance(v, ItemView))

    def ticket_now(self, ticket_id: int | None) -> TicketView | None:
        """The newest state of ``ticket_id`` this change brings, if it brings one."""
        found = [t for t in self.tickets_now if t.id == ticket_id]
        return max(found, key=lambda t: t.version) if found else None


# ---------------------------------------------------------------------- the history
FIELDS = {
    "assignee": ("asignado", "assignee"), "status": ("estado", "status"),
    "department": ("departamento", "department"), "priority": ("prioridad", "priority"),
}


def field_label(name: str, language: str = "es") -> str:
    es, en = FIELDS.get(name, (name, name))
    return en if language.startswith("en") else es


def changed_fields(before: Mapping[str, object] | None, after: Mapping[str, object] | None
                   ) -> list[tuple[str, object, object]]:
    """(field, before, after) for the ticket fields an event changed (``assignee_id`` is
    named ``assignee``)."""
    if not before or not after:
        return []
    out = []
    for key, value in after.items():
        name = key.removesuffix("_id")
        if name in FIELDS and key in before and before[key] != value:
            out.append((name, before[key], value))
    return out


_OUTCOMES = {"refused": ("rechazado", "refused"), "conflict": ("conflicto", "conflict")}

# Who the desk itself is in the audit trail (a sync, the outbox sender), as stored.
SYSTEM_ACTOR = "sistema"

# What the desk writes itself beside a change (ingest: a citizen wrote again), stored in
# English like every audit message; the history words it in its own language. Events
# stored before keep their text, so the stored English is the key.
_NOTES = {
    "The citizen wrote again": "el vecino volvió a escribir",
    "The citizen answered": "el vecino respondió",
    "The citizen edited the message on X": "el vecino editó el mensaje en X",
    "Items that could not be read before are stored now":
        "los mensajes que no se pudieron leer antes ya están guardados",
    "X sent items the desk cannot read whole; kept in the quarantine":
        "X envió mensajes que la mesa no puede leer enteros; quedan apartados",
}
_UNDO_NOTE = re.compile(r"undo of #(\d+) \(([\w.]+)\)")


def note(message: str, language: str = "es") -> str:
    """A note the desk wrote beside a change, in ``language``; any other text (a person's
    reason, a moderation note) as it was written."""
    undo = _UNDO_NOTE.fullmatch(message)
    if undo:
        undone = action(undo.group(2))
        return (f"undo of #{undo.group(1)} ({undone.en})" if language.startswith("en")
                else f"deshace #{undo.group(1)} ({undone.es})")
    if language.startswith("en"):
        return message
    return _NOTES.get(message, message)


def actor_name(name: str, language: str = "es") -> str:
    """An audit event's actor as the history says it: the desk itself by its name in
    ``language``, a person by their user name."""
    return "system" if name == SYSTEM_ACTOR and language.startswith("en") else name


def _filled(phrase: str, values: Mapping[str, object] | None) -> str:
    """An action's history phrase with what the event names ("la conversación de {handle}
    al ticket #{ticket}"); a value the event lacks shows as "?"."""
    if "{" not in phrase:
        return phrase
    found = dict(values or {})
    names = [name for _text, name, _spec, _conv in string.Formatter().parse(phrase) if name]
    return phrase.format(**{name: found.get(name, "?") for name in names})


def history_sentence(actor: str, code: str, outcome: str, before: Mapping[str, object] | None,
                     after: Mapping[str, object] | None, message: str | None = None,
                     language: str = "es",
                     shown: Callable[[str, object], str] | None = None) -> str:
    """One line of a ticket's history as a sentence: "luis cambió el departamento: Obras →
    Limpieza". ``shown(field, value)`` words a value (department and status names,
    people); without it values are shown as stored. A refusal or conflict says what was
    tried and why not."""
    english = language.startswith("en")
    act = action(code)
    actor = actor_name(actor, language)

    def word(name: str, value: object) -> str:
        if value is None:
            return "—"
        return shown(name, value) if shown is not None else str(value)

    if outcome != "ok":
        es, en = _OUTCOMES.get(outcome, (outcome, outcome))
        tried = (f"{actor} tried to {act.en} ({en})" if english
                 else f"{actor} intentó {act.es} ({es})")
        return f"{tried}: {message}" if message else tried
    sentence = f"{actor} {_filled(act.done(language), after)}"
    fields = changed_fields(before, after)
    if len(fields) == 1 and field_label(fields[0][0], language) in act.done(language):
        name, old, new = fields[0]
        sentence += f": {word(name, old)} → {word(name, new)}"
    elif fields:
        sentence += ": " + "; ".join(
            f"{field_label(name, language)} {word(name, old)} → {word(name, new)}"
            for name, old, new in fields)
    if message and outcome == "ok":
        sentence += f" — {note(message, language)}"
    return sentence
