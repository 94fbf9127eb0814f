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
