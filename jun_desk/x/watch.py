"""Before a staff account or a watched search is saved (issue 27), X is asked: a handle is
resolved to its user id (GET /2/users/by/username/:username), a search is tried once
(GET /2/tweets/search/recent, ten posts). A handle X does not know and a query X refuses
are said clearly, and nothing is saved.

The probe of a search tells its volume too: how many posts it found and over what time,
which is what its expected monthly cost is worked out from.
"""

from __future__ import annotations

from jun_desk.domain.costs import Charge
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.items import Stream, StreamKind, XUser
from jun_desk.domain.streams import SearchTrial, clean_handle, clean_query
from jun_desk.x.client import XClient
from jun_desk.x.errors import Failure, XApiError

PROBE_SIZE = 10


def resolve_handle(client: XClient, handle: str) -> XUser:
    """The X account behind a handle; refused with ``staff.unknown_handle``."""
    name = clean_handle(handle)
    user = client.user_by_username(name)
    if user is None:
        raise ValidationError.of("staff.unknown_handle", handle=name)
    return user


def try_search(client: XClient, query: str) -> SearchTrial:
    """Run the search once; X's 400 for a query it cannot take → ``search.rejected``."""
    text = clean_query(query)
    try:
        page = client.search_recent(text, Stream(StreamKind.SEARCH, "probe"),
                                    max_results=PROBE_SIZE)
    except XApiError as err:
        if err.failure is Failure.BAD_REQUEST:
            raise ValidationError.of("search.rejected", query=text,
                                     detail=f": {err.detail}" if err.detail else "") from None
        raise
    times = sorted(i.created_at for i in page.items)
    days = (times[-1] - times[0]).total_seconds() / 86_400 if len(times) > 1 else 0.0
    # A full page means more than it shows: the volume is at least this over that span.
    return SearchTrial(text, len(page.items), days)


class XLookups:
    """:class:`~jun_desk.domain.streams.StreamLookups` over a client of its own; what
    asking X cost goes on the account's meter (``billed``, taken by the caller)."""

    def __init__(self, client: XClient) -> None:
        self.client = client

    def resolve(self, handle: str) -> XUser:
        return resolve_handle(self.client, handle)

    def trial(self, query: str) -> SearchTrial:
        return try_search(self.client, query)

    def take_charges(self) -> list[Charge]:
        return self.client.take_charges()
