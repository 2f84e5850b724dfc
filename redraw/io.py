"""Files in and out: reading a description (regular files only, at most the size limit, read once; binary and
encoding checks) and atomic writes whose temporary files name the run that owns them."""
from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import RedrawError
from .limits import MAX_TEXT_BYTES, too_long

_UMASK = os.umask(0)
os.umask(_UMASK)
# The run that owns this process's temporary files: the CLI's pid, also in its workers (batch sets it), so that a
# run removes only its own leftovers and those of runs no longer alive, never another live run's file in flight.
RUN = str(os.getpid())
_TEMP_RE = re.compile(r"^\..*\.redraw-(?:(\d+)-)?[^.]*\.tmp$")


def read_input(path: Path) -> bytes:
    """The bytes of a description file: a regular file (not a pipe, device or socket, which could block or never
    end), read once and at most MAX_TEXT_BYTES + 1 bytes of it, so a huge file costs nothing to refuse."""
    return read_regular(path, MAX_TEXT_BYTES, too_long)


def read_regular(path: Path, limit: int, refusal: Callable[[int | None], str]) -> bytes:
    """A regular file's bytes, at most `limit` (else RedrawError(refusal(size or None))); anything else is
    refused with a RedrawError before a byte is read."""
    try:   # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise RedrawError("a link to a missing file" if path.is_symlink() else "no such file", str(path)) from None
    except IsADirectoryError:
        raise RedrawError("is a folder, not a file", str(path)) from None
    except OSError as err:
        raise RedrawError(f"cannot read: {err.strerror}", str(path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise RedrawError("is a folder, not a file", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise RedrawError("not a regular file (a pipe, device or socket); redraw reads description files",
                              str(path))
        if info.st_size > limit:
            raise RedrawError(refusal(info.st_size), str(path))
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)   # (the file may have grown since fstat)
    except OSError as err:
        raise RedrawError(f"cannot read: {err.strerror}", str(path)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise RedrawError(refusal(None), str(path))
    return data


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and warnings; not UTF-8 falls back to cp1252 with a warning; binary is refused."""
    return decode(read_input(path), str(path))


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


def write_atomic(path: str | os.PathLike[str], data: bytes) -> list[int]:
    """Write data to path so that readers see the old file or the whole new one, never a part: a temporary
    file in the same folder, named by the run (`RUN`) and cut short so that a long name still fits, then a
    rename. Returns the file's signature (`signature`) as written, taken before the rename: another run may
    replace the file the moment after."""
    path = Path(path)
    tmp = path.parent / f".{path.name[:80]}.redraw-{RUN}-{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_UMASK)   # an ordinary file's mode
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            written = _signature(os.fstat(f.fileno()))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written


def signature(path: Path) -> list[int] | None:
    """A file as some run wrote it: size, modification time (ns) and inode (a rename keeps all three; another
    write makes a new inode); None if it is gone."""
    try:
        return _signature(path.stat())
    except OSError:
        return None


def _signature(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed run left (SIGKILL, power loss): those of runs no longer alive, never those of a
    run still writing into the same folder."""
    for tmp in folder.glob(".*.redraw-*.tmp"):
        m = _TEMP_RE.match(tmp.name)
        if m is None or (m.group(1) is not None and _alive(int(m.group(1)))):
            continue
        with contextlib.suppress(OSError):  # gone already, or not ours to remove: not worth failing for
            tmp.unlink()


def remove_own_temporaries(folder: Path) -> None:
    """This run's temporary files, after its workers were stopped in the middle of writing."""
    for tmp in folder.glob(f".*.redraw-{RUN}-*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True    # alive, another user's
    return True
