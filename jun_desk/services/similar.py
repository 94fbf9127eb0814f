"""Open tickets about the same matter as a new message (same street, same words), shown
before a ticket is created so the message can join the existing one instead."""

from __future__ import annotations

from collections import Counter

from jun_desk.domain.errors import NotFoundError
from jun_desk.domain.similar import key_words
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import OPEN_STATUSES
from jun_desk.services.context import DeskContext
from jun_desk.services.search import SearchService, TicketFilter
from jun_desk.store.models import TicketItem


class SimilarTickets:
    def __init__(self, ctx: DeskContext, search: SearchService) -> None:
        self.ctx = ctx
        self.search = search

    def for_item(self, item_id: int, limit: int = 5) -> list[TicketView]:
        """Open tickets sharing at least two distinctive words with the message (one, when
        the message has only one), most shared first."""
        with self.ctx.db.session(readonly=True) as session:
            item = session.get(TicketItem, item_id)
            if item is None:
                raise NotFoundError.of("message.not_found", item=item_id)
            text, own = item.text, item.ticket_id
        words = key_words(text)
        if not words:
            return []
        statuses = sorted(s.value for s in OPEN_STATUSES)
        hits: Counter[int] = Counter()
        views: dict[int, TicketView] = {}
        for word in words:
            for view in self.search.tickets(TicketFilter(statuses=statuses, text=word,
                                                         limit=50, order="updated")):
                if view.id != own:
                    hits[view.id] += 1
                    views[view.id] = view
        needed = min(2, len(words))
        ranked = sorted((t for t, n in hits.items() if n >= needed),
                        key=lambda t: (-hits[t], -views[t].updated_at.timestamp()))
        return [views[t] for t in ranked[:limit]]
