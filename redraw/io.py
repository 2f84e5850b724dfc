"""Files in and out: reading a description (size, binary and encoding checks) and atomic writes."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import RedrawError

MAX_BYTES = 2_000_000
_UMASK = os.umask(0)
os.umask(_UMASK)


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and warnings; not UTF-8 falls back to cp1252 with a warning; binary is refused."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RedrawError("a link to a missing file" if path.is_symlink() else "no such file", str(path)) from None
    except IsADirectoryError:
        raise RedrawError("is a folder, not a file", str(path)) from None
    except OSError as err:
        raise RedrawError(f"cannot read: {err.strerror}", str(path)) from None
    if len(raw) > MAX_BYTES:
        raise RedrawError(f"the file is {len(raw) / 1e6:.1f} MB; a chart description is a few KB, and files "
                          f"over {MAX_BYTES // 1_000_000} MB are refused", str(path))
    return decode(raw, str(path))


def decode(raw: bytes, source: str | None = None) -> tuple[str, list[str]]:
    """A description's bytes as text, and warnings: not UTF-8 falls back to cp1252 with a warning; binary is
    refused. The CLI (a file) and the service (a request body) read bytes the same way."""
    if b"\x00" in raw[:4096]:
        raise RedrawError("binary file, not a text description", source)
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        text = raw.decode("cp1252", errors="replace")
        return text, [f"line {line}: the file is not UTF-8; read as Windows-1252 (cp1252)"]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write data to path so that readers see the old file or the whole new one, never a part:
    a temporary file in the same folder, then a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.redraw-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
