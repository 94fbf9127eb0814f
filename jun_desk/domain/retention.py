"""Keeping citizens' data no longer than the town's rules allow: the retention periods, the
marker left where personal data was, and what an audit event keeps once redacted.

The default periods are a proposal; their legal basis is for the town to confirm (README,
*Personal data*). A supervisor sets a department's period (``jun-desk privacy retention``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jun_desk.domain.errors import ValidationError

# What stands where a citizen's words were.
MARKER = "[anonimizado]"

# Days a closed ticket is kept whole after it was closed. Five years for most matters
# (the general limitation period of claims against the administration, to be confirmed);
# health and police matters, more sensitive, two years unless the town says otherwise.
DEFAULT_DAYS = 5 * 365
DEFAULT_BY_DEPARTMENT: Mapping[str, int] = {"salud": 2 * 365, "policia": 2 * 365}
MAX_DAYS = 50 * 365

# Departments whose tickets are logged when opened (with any ticket holding personal data).
SENSITIVE_DEPARTMENTS = frozenset({"salud", "policia"})

# What a redacted audit event keeps of its before/after: fields that hold no citizen's
# words (states, departments, numbers). Every other string becomes the marker.
_SAFE_KEYS = frozenset({
    "status", "department", "from_department", "to_department", "priority", "kind",
    "action", "outcome", "error", "role", "stream", "account", "reason", "move", "target",
})


def default_days(department: str) -> int:
    return DEFAULT_BY_DEPARTMENT.get(department, DEFAULT_DAYS)


def check_days(days: int) -> int:
    """A usable period: at least one day (zero would anonymise tickets as they close)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError.of("privacy.retention_days", days=days, limit=MAX_DAYS)
    return days


def redact_json(value: Any, key: str | None = None) -> Any:
    """``value`` with every string that could hold a person's words replaced by the marker;
    numbers, booleans and the strings of ``_SAFE_KEYS`` stay (the statistics)."""
    if isinstance(value, dict):
        return {k: redact_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v, key) for v in value]
    if isinstance(value, str) and key not in _SAFE_KEYS:
        return MARKER
    return value


def handle_pseudonym(key: bytes, x_user_id: str) -> str:
    """A keyed hash of an X user id: the same citizen gives the same pseudonym, and nobody
    without the key can go back from it to the account."""
    import hashlib
    import hmac

    return hmac.new(key, x_user_id.encode(), hashlib.sha256).hexdigest()
