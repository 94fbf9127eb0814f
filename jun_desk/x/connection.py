"""'Test connection': who are we on X, and may this app read the account's DMs?"""

from __future__ import annotations

from jun_desk.domain.items import XUser
from jun_desk.secrets import XCredentials
from jun_desk.x.client import XClient
from jun_desk.x.transport import X_API_BASE


def check_connection(credentials: XCredentials, api_base: str = X_API_BASE,
                     timeout: tuple[float, float] = (5.0, 15.0)) -> XUser:
    """The account the credentials speak for; XApiError with the exact reason otherwise
    (wrong keys, an app without DM permission, no network, rate limited, ...)."""
    client = XClient(credentials, api_base=api_base, timeout=timeout)
    try:
        me = client.me()
        client.dm_events(max_results=1)  # the desk needs DM access: X says 403 if missing
        return me
    finally:
        client.close()
