"""The live feed's model: mentions and DMs newest first, growing at both ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from jun_desk.domain.tickets import ItemView

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class FeedModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._items: list[ItemView] = []
        self._rows: dict[int, int] = {}
        # Tooltip and screen-reader description of an item (set by the feed panel).
        self.describe: Callable[[ItemView], str] | None = None

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
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
        return self._items[0].id if self._items else None

    @property
    def oldest_id(self) -> int | None:
        return self._items[-1].id if self._items else None

    def item(self, row: int) -> ItemView:
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def reset(self, items: list[ItemView]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._reindex()
        self.endResetModel()

    def prepend(self, items: list[ItemView]) -> int:
        """New arrivals (newest first) on top; returns how many were new."""
        fresh = [i for i in items if i.id not in self._rows]
        if not fresh:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._items[0:0] = fresh
        self._reindex()
        self.endInsertRows()
        return len(fresh)

    def append(self, items: list[ItemView]) -> int:
        """An older page at the bottom."""
        fresh = [i for i in items if i.id not in self._rows]
        if not fresh:
            return 0
        start = len(self._items)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._items.extend(fresh)
        self._reindex()
        self.endInsertRows()
        return len(fresh)

    def update(self, item: ItemView) -> None:
        row = self._rows.get(item.id)
        if row is None:
            return
        self._items[row] = item
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def remove(self, item_id: int) -> None:
        row = self._rows.get(item_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self._reindex()
        self.endRemoveRows()

    def ids(self) -> list[int]:
        return [item.id for item in self._items]

    def _reindex(self) -> None:
        self._rows = {item.id: row for row, item in enumerate(self._items)}
