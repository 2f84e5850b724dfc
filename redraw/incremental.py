"""Skip inputs whose outputs are up to date: a manifest beside the outputs records what made them.

Runs into one folder at the same time are safe: each entry records the size, modification time and inode of
every output as the run wrote it, so an output another run replaced since is not taken for up to date; and a run
merges its entries into the manifest on disk under a lock, so that no run's entries overwrite another's."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .errors import RedrawError
from .io import read_regular, signature, write_atomic

MANIFEST = ".redraw-manifest.json"
MANIFEST_BYTES = 1 << 30   # ~4 million entries: past it the manifest is taken as damaged
PACKAGE = Path(__file__).resolve().parent


def code_fingerprint(root: Path = PACKAGE) -> str:
    """redraw's version and source (the .py files under `root`): a changed parser or renderer redraws everything."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def input_key(data: bytes, options: str, fingerprint: str) -> str:
    return hashlib.sha256(data + b"\0" + options.encode() + b"\0" + fingerprint.encode()).hexdigest()


@dataclass
class Manifest:
    folder: Path
    entries: dict[str, dict[str, object]] = field(default_factory=dict)
    changes: dict[str, dict[str, object] | None] = field(default_factory=dict)   # this run's: None = forget

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        return cls(folder, _read(folder))

    def fresh(self, stem: str, key: str) -> bool:
        entry = self.entries.get(stem)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        outputs = entry.get("outputs")
        if not isinstance(outputs, dict) or not outputs:
            return False   # (an entry of an earlier version, without signatures: drawn again once)
        return all(signature(self.folder / str(name)) == sig for name, sig in outputs.items())

    def record(self, stem: str, key: str, outputs: dict[str, list[int]]) -> None:
        """An input's outputs, each with its signature as this run wrote it (io.write_atomic)."""
        entry: dict[str, object] = {"key": key, "outputs": dict(outputs)}
        self.entries[stem] = self.changes[stem] = entry

    def forget(self, stem: str) -> None:
        self.entries.pop(stem, None)
        self.changes[stem] = None

    def save(self) -> None:
        """This run's changes merged into the manifest as it is on disk now, under a lock (another run may have
        saved since this one loaded it)."""
        if not self.changes:
            return
        with _locked(self.folder):
            entries = _read(self.folder)
            for stem, entry in self.changes.items():
                if entry is None:
                    entries.pop(stem, None)
                else:
                    entries[stem] = entry
            text = json.dumps({"entries": dict(sorted(entries.items()))}, indent=1, sort_keys=True)
            write_atomic(self.folder / MANIFEST, text.encode("utf-8"))
        self.entries, self.changes = entries, {}


def _read(folder: Path) -> dict[str, dict[str, object]]:
    try:   # (a regular file of a sane size only: a manifest linked to /dev/zero must not be read)
        data = json.loads(read_regular(folder / MANIFEST, MANIFEST_BYTES, lambda size: "too large").decode("utf-8"))
    except (RedrawError, ValueError, RecursionError):
        return {}  # missing or damaged: everything is redrawn, nothing is lost
    entries = data.get("entries") if isinstance(data, dict) else None
    return entries if isinstance(entries, dict) else {}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the output folder, held while its manifest is merged (flock; none on Windows)."""
    try:
        import fcntl
    except ImportError:   # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)   # the folder itself: no lock file left beside the outputs
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)   # (closing releases the lock)
