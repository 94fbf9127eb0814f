"""The action catalogue and how the history words an audit event."""

from __future__ import annotations


def test_the_desks_own_notes_and_name_are_worded_in_the_historys_language() -> None:
    """Issue 24: "sistema añadió un mensaje — The citizen wrote again" in Spanish, "sistema
    added a message" in English. Stored English notes (also in events stored before) are
    worded in the history's language; a person's own words stay as written."""
    from jun_desk.domain.actions import SYSTEM_ACTOR, history_sentence

    es = history_sentence(SYSTEM_ACTOR, "ticket.attach_item", "ok", None, {"items": 1},
                          "The citizen wrote again", language="es")
    en = history_sentence(SYSTEM_ACTOR, "ticket.attach_item", "ok", None, {"items": 1},
                          "The citizen wrote again", language="en")
    assert es == "sistema añadió un mensaje — el vecino volvió a escribir"
    assert en == "system added a message — The citizen wrote again"
    assert history_sentence("luis", "ticket.undo", "ok", None, None, "undo of #7 (ticket.assign)",
                            language="es") == "luis deshizo su último cambio — deshace #7 (asignar)"
    assert history_sentence("ana", "ticket.reassign_department", "ok", None, None,
                            "Es de Limpieza", language="en").endswith("— Es de Limpieza")


def test_changes_carry_what_an_operation_left_now_through_merging_and_dedup() -> None:
    from datetime import UTC, datetime

    from jun_desk.domain.actions import Changes, Event
    from jun_desk.domain.tickets import TicketView
    from jun_desk.domain.workflow import Priority, Status

    at = datetime(2026, 12, 7, tzinfo=UTC)

    def ticket(version: int) -> TicketView:
        return TicketView(7, "obras", Status.NEW, Priority.NORMAL, "Farola", None, None, None,
                          False, None, None, 0, (), None, None, at, at, None, None, version)

    ours = Changes((Event(1, "ticket.note", 7),)).with_now(ticket(2))
    merged = ours | Changes((Event(2, "ticket.move", 7),)).with_now(ticket(3))
    assert merged.ticket_now(7) == ticket(3) and merged.ticket_now(8) is None
    assert merged.tickets_now == (ticket(2), ticket(3)) and merged.items_now == ()
    seen = ours.without({1})  # the stream's copy came first: the events go, ``now`` stays
    assert not seen and seen.now == (ticket(2),)
