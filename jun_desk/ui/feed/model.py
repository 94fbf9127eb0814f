"""The live feed's model: mentions and DMs newest first, growing at both ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from jun_desk.domain.tickets import ItemView
from jun_desk.ui.keyed_model import KeyedListModel

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class FeedModel(KeyedListModel[ItemView]):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        # Tooltip and screen-reader description of an item (set by the feed panel).
        self.describe: Callable[[ItemView], str] | None = None

    # ------------------------------------------------------------------ Qt API
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.entry_at(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            who = f"@{item.author_handle}" if item.author_handle else ""
            return f"{item.author_name} {who}: {item.text}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.describe(item) if self.describe is not None else item.text
        return None

    # ------------------------------------------------------------------ feeding
    @property
    def newest_id(self) -> int | None:
        return self._entries[0].id if self._entries else None

    @property
    def oldest_id(self) -> int | None:
        return self._entries[-1].id if self._entries else None

    def item(self, row: int) -> ItemView:
        return self._entries[row]

    def reset(self, items: list[ItemView]) -> None:
        self._replace_all(items)

    def prepend(self, items: list[ItemView]) -> int:
        """New arrivals (newest first) on top; returns how many were new."""
        return self._insert_fresh(0, items)

    def append(self, items: list[ItemView]) -> int:
        """An older page at the bottom."""
        return self._insert_fresh(len(self._entries), items)
