"""The live feed's model: mentions and DMs newest first, growing at both ends."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from jun_desk.domain.media import MediaState, MediaView
from jun_desk.domain.tickets import ItemView
from jun_desk.ui.keyed_model import KeyedListModel

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MEDIA_ROLE = Qt.ItemDataRole.UserRole + 2  # its MediaViews, once read (None: not yet)

Index = QModelIndex | QPersistentModelIndex


class FeedModel(KeyedListModel[ItemView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Tooltip and screen-reader description of an item (set by the feed panel).
        self.describe: Callable[[ItemView], str] | None = None
        # The media of the items painted so far (read lazily, for the rows on screen).
        self._media: dict[int, tuple[MediaView, ...]] = {}

    # ------------------------------------------------------------------ Qt API
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.entry_at(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == MEDIA_ROLE:
            return self._media.get(item.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            who = f"@{item.author_handle}" if item.author_handle else ""
            return f"{item.author_name} {who}: {item.text}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.describe(item) if self.describe is not None else item.text
        return None

    # ------------------------------------------------------------------ media
    def media_of(self, item_id: int) -> tuple[MediaView, ...] | None:
        return self._media.get(item_id)

    def set_media(self, found: dict[int, list[MediaView]], asked: list[int]) -> None:
        """The media read for ``asked`` (an item left out of ``found`` has none known
        yet); their rows repaint."""
        for item_id in asked:
            self._media[item_id] = tuple(found.get(item_id, ()))
            row = self._rows.get(item_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index, [MEDIA_ROLE])

    def forget_unsettled_media(self) -> list[int]:
        """Forget what may still change (waiting, failed, or not stored yet) so it is read
        again when painted; returns those items."""
        unsettled = [item_id for item_id, views in self._media.items()
                     if not views or any(v.state in (MediaState.PENDING, MediaState.FAILED)
                                         for v in views)]
        for item_id in unsettled:
            del self._media[item_id]
        return unsettled

    # ------------------------------------------------------------------ feeding
    @property
    def newest_id(self) -> int | None:
        """The last item to arrive (the highest id), which is not always the top row: an
        older message can arrive after a newer one."""
        return max(self._rows) if self._rows else None

    @property
    def oldest_id(self) -> int | None:
        """The bottom row: the next older page starts after it."""
        return self._entries[-1].id if self._entries else None

    def item(self, row: int) -> ItemView:
        return self._entries[row]

    def reset(self, items: list[ItemView]) -> None:
        self._media.clear()
        self._replace_all(items)

    def merge(self, items: list[ItemView], *, to_the_end: bool) -> int:
        """New arrivals, each in its place by when it was written (newest first); returns
        how many were new. One older than the bottom row joins only when the list already
        reaches the end (``to_the_end``); otherwise the next older page brings it."""
        added = 0
        for item in sorted(items, key=_order):
            if item.id in self._rows:
                continue
            row = bisect.bisect_left(self._entries, _order(item), key=_order)
            if row == len(self._entries) and self._entries and not to_the_end:
                continue
            added += self._insert_fresh(row, [item])
        return added

    def append(self, items: list[ItemView]) -> int:
        """An older page at the bottom."""
        return self._insert_fresh(len(self._entries), items)


def _order(item: ItemView) -> tuple[float, int]:
    """The feed's order as an ascending key: newest written first, then the later id."""
    return (-item.created_at.timestamp(), -item.id)
