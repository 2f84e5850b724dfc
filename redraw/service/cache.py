"""Bounded in-memory caches, least recently used out first: figures by content address, and the spec each
request body parses to (parsing is deterministic for a given redraw version, so a repeated body skips it)."""
from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V", bytes, str)


class LRU(Generic[V]):
    """At most `max_bytes` of values (and `max_items` entries); the least recently used go first."""

    def __init__(self, max_bytes: int, max_items: int = 4096) -> None:
        self.max_bytes = max_bytes
        self.max_items = max_items
        self.size = 0
        self._items: OrderedDict[str, V] = OrderedDict()

    def get(self, key: str) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: str, value: V) -> None:
        if len(value) > self.max_bytes:
            return  # larger than the whole cache: served once, not kept
        old = self._items.pop(key, None)
        self.size -= len(old) if old is not None else 0
        self._items[key] = value
        self.size += len(value)
        while self.size > self.max_bytes or len(self._items) > self.max_items:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped)

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)
