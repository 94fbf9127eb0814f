"""The citizen panel's data, through the services: a citizen's tickets, DM conversations
and the internal notes on their tickets, never another citizen's."""

from __future__ import annotations

import pytest

from jun_desk.domain.errors import NotFoundError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, dm, mention


def test_profile_holds_only_this_citizens_work(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    lamp = mention("@AytoJun la farola de la calle Real está apagada", author=MARIA)
    bin_ = mention("@AytoJun el contenedor de la plaza está lleno", author=PEPE, minutes=1)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [lamp, bin_], [MARIA, PEPE],
                            bin_.x_id)
    dms = [dm("Hola, os escribo por la farola", author=MARIA, minutes=2, conversation="c-m"),
           dm("Y el contenedor sigue igual", author=PEPE, minutes=3, conversation="c-p")]
    desk.ingest.ingest_page("AytoJun", Stream.DMS, dms, [MARIA, PEPE], dms[-1].x_id)
    items = {i.text: i for i in desk.search.feed(limit=50)}
    maria_ticket = desk.tickets.create_from_item(
        ana, items["@AytoJun la farola de la calle Real está apagada"].id)
    pepe_ticket = desk.tickets.create_from_item(
        ana, items["@AytoJun el contenedor de la plaza está lleno"].id)
    desk.tickets.add_note(ana, maria_ticket.id, "Vive encima de la farola; llamar por la tarde")
    desk.tickets.add_note(ana, pepe_ticket.id, "Nota de otro vecino")

    maria = desk.citizens.find(MARIA.handle)
    profile = desk.citizens.profile(maria.id)
    assert profile.citizen.handle == MARIA.handle and not profile.citizen.verified_resident
    assert [t.id for t in profile.tickets] == [maria_ticket.id]
    assert [c.conversation_id for c in profile.conversations] == ["c-m"]
    assert [n.text for n in profile.notes] == ["Vive encima de la farola; llamar por la tarde"]
    assert desk.citizens.profile(x_user_id=MARIA.x_id).citizen.id == maria.id
    desk.citizens.set_verified(ana, maria.id, True)
    assert desk.citizens.profile(maria.id).citizen.verified_by == "ana"
    with pytest.raises(NotFoundError):
        desk.citizens.profile(999_999)
