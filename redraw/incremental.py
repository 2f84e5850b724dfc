"""Skip inputs whose outputs are up to date: a manifest beside the outputs records what made them."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .io import write_atomic

MANIFEST = ".redraw-manifest.json"
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
    changed: bool = False

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            entries = data["entries"] if isinstance(data, dict) and isinstance(data.get("entries"), dict) else {}
        except (OSError, ValueError, KeyError):
            entries = {}  # missing or damaged: everything is redrawn, nothing is lost
        return cls(folder, entries)

    def fresh(self, stem: str, key: str) -> bool:
        entry = self.entries.get(stem)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        outputs = entry.get("outputs")
        return isinstance(outputs, list) and all((self.folder / str(o)).is_file() for o in outputs)

    def record(self, stem: str, key: str, outputs: list[str]) -> None:
        self.entries[stem] = {"key": key, "outputs": outputs}
        self.changed = True

    def forget(self, stem: str) -> None:
        self.changed = self.entries.pop(stem, None) is not None or self.changed

    def save(self) -> None:
        if self.changed:
            text = json.dumps({"entries": dict(sorted(self.entries.items()))}, indent=1, sort_keys=True)
            write_atomic(self.folder / MANIFEST, text.encode("utf-8"))
