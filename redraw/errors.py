"""RedrawError: the one exception bad input raises, naming the file and line."""
from __future__ import annotations


class RedrawError(Exception):
    """Bad input or a failed step. ``str(err)`` is ``path:line: message``."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def with_path(self, path: str) -> RedrawError:
        """The same error, naming `path` (kept if one is already set)."""
        return RedrawError(self.message, self.path or path, self.line)

    def __str__(self) -> str:
        where = shown(self.path) if self.path else "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None]]:
        # crosses process pools intact (the default would lose path and line)
        return (type(self), (self.message, self.path, self.line))


# control characters of a file name written as escapes: a newline in a name must not split an error line in two
_ESCAPES = {i: f"\\x{i:02x}" for i in (*range(32), 127)} | {9: "\\t", 10: "\\n", 13: "\\r"}


def shown(path: object) -> str:
    """A path as an error line shows it: on one line, whatever its name holds."""
    return str(path).translate(_ESCAPES)
