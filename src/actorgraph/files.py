"""Writing files so that a reader sees the old file or the new one, never half of either.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.txt", "hello")
>>> (folder / "a.txt").read_text()
'hello'
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

__all__ = ["default_permissions", "write_atomic"]


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then a rename.

    The new file gets the old one's permissions, or the usual ones (0666 less the umask).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def default_permissions(*, directory: bool = False) -> int:
    """The mode a new file (0666) or folder (0777) gets under the process's umask."""
    return (0o777 if directory else 0o666) & ~_umask()


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return default_permissions()


@functools.cache
def _umask() -> int:
    # Linux reports the umask without changing it; elsewhere it can only be read by setting it,
    # so that is done once, on first use, never at import time.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
