"""A flat list model of entries keyed by their id (feed items, a column's tickets): the list,
its id → row index kept with it, and the insert, update and remove plumbing both share."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class Keyed(Protocol):
    @property
    def id(self) -> int: ...


E = TypeVar("E", bound=Keyed)


class KeyedListModel(QAbstractListModel, Generic[E]):
    """The entries in display order, each id at most once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[E] = []
        self._rows: dict[int, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def entry_at(self, index: Index) -> E | None:
        """The entry of an index of this list, or None for an invalid one."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        return self._entries[index.row()]

    def row_of(self, entry_id: int) -> int | None:
        return self._rows.get(entry_id)

    def ids(self) -> list[int]:
        return [entry.id for entry in self._entries]

    def update(self, entry: E) -> None:
        """A changed entry in its row; one not shown is ignored."""
        row = self._rows.get(entry.id)
        if row is None:
            return
        self._entries[row] = entry
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def remove(self, entry_id: int) -> None:
        row = self._rows.get(entry_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self._reindex()
        self.endRemoveRows()

    def _replace_all(self, entries: list[E]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._reindex()
        self.endResetModel()

    def _insert_fresh(self, position: int, entries: list[E]) -> int:
        """Insert at ``position`` the entries not shown yet; returns how many."""
        fresh = [e for e in entries if e.id not in self._rows]
        if not fresh:
            return 0
        self.beginInsertRows(QModelIndex(), position, position + len(fresh) - 1)
        self._entries[position:position] = fresh
        self._reindex()
        self.endInsertRows()
        return len(fresh)

    def _reindex(self) -> None:
        self._rows = {entry.id: row for row, entry in enumerate(self._entries)}
