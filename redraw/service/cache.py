"""Bounded in-memory caches, least recently used out first: figures by content address, and the spec each
request body parses to (parsing is deterministic for a given redraw version, so a repeated body skips it)."""
from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


class LRU(Generic[V]):
    """At most `max_bytes` of values (and `max_items` entries); the least recently used go first. Each value's
    size is given when it is put."""

    def __init__(self, max_bytes: int, max_items: int = 4096) -> None:
        self.max_bytes = max_bytes
        self.max_items = max_items
        self.size = 0
        self._items: OrderedDict[str, tuple[V, int]] = OrderedDict()

    def get(self, key: str) -> V | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: str, value: V, size: int) -> None:
        if size > self.max_bytes:
            return  # larger than the whole cache: served once, not kept
        old = self._items.pop(key, None)
        self.size -= old[1] if old is not None else 0
        self._items[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes or len(self._items) > self.max_items:
            _, (_, dropped) = self._items.popitem(last=False)
            self.size -= dropped

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)
