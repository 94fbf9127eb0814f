"""Decoded thumbnails for the feed, the cards and the ticket pane: asked for while
painting, decoded on a pool thread, kept in a small LRU bounded in bytes, announced by
``ready`` (on the GUI thread) so the row or the pane that asked repaints."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QThreadPool, Signal

from jun_desk.ui.media.decode import Decoded, decode
from jun_desk.ui.workers import run_job

Key = tuple[str, int, int]  # the file, the box it is fitted in
Decoder = Callable[[Path, QSize | None], Decoded]

BUDGET_BYTES = 32 * 1024 * 1024  # ≈ 680 feed thumbnails (128 × 96), 430 of the ticket pane
FAILED_COST = 256  # a remembered failure costs next to nothing, but counts


def key_of(path: Path, fit: QSize) -> Key:
    return (str(path), fit.width(), fit.height())


class Thumbnails(QObject):
    """``get(path, fit)``: the thumbnail if decoded (or why it could not be), else None and
    its decoding is started once; ``ready(key)`` follows on the GUI thread."""

    ready = Signal(object)  # Key

    def __init__(self, parent: QObject | None = None, *, budget_bytes: int = BUDGET_BYTES,
                 decoder: Decoder = decode, threads: int = 2) -> None:
        super().__init__(parent)
        self.budget_bytes = budget_bytes
        self._decoder = decoder
        self._cache: OrderedDict[Key, Decoded] = OrderedDict()
        self._bytes = 0
        self._decoding: set[Key] = set()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._cache)

    def get(self, path: Path, fit: QSize) -> Decoded | None:
        key = key_of(path, fit)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        if key not in self._decoding:
            self._decoding.add(key)
            decoder = self._decoder
            run_job(self.pool, lambda: decoder(path, QSize(fit)),
                    lambda result: self._decoded(key, result),
                    lambda err: self._decoded(key, Decoded(None)))
        return None

    def _decoded(self, key: Key, result: Decoded) -> None:
        self._decoding.discard(key)
        self._put(key, result)
        self.ready.emit(key)

    def _put(self, key: Key, result: Decoded) -> None:
        old = self._cache.pop(key, None)
        if old is not None:
            self._bytes -= _cost(old)
        self._cache[key] = result
        self._bytes += _cost(result)
        while self._bytes > self.budget_bytes and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._bytes -= _cost(dropped)

    def forget(self, path: Path) -> None:
        """A file replaced in the cache (a retried download): decode it again."""
        for key in [k for k in self._cache if k[0] == str(path)]:
            self._bytes -= _cost(self._cache.pop(key))

    def wait(self, ms: int = 30_000) -> bool:
        return self.pool.waitForDone(ms)


def _cost(result: Decoded) -> int:
    return result.image.sizeInBytes() if result.image is not None else FAILED_COST
