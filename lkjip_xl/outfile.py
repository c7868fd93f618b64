"""Writing an output file so that it is either complete or absent: a temporary file beside it, then a rename."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def replacing(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary path in ``target``'s folder; renamed over ``target`` when the block ends without error,
    with the permissions ``target`` had (or a new file's)."""
    target = Path(target)
    folder = target.parent
    handle, temporary = tempfile.mkstemp(prefix=".lkjip-", suffix=suffix, dir=folder if str(folder) else ".")
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or the ones a new file gets (mkstemp's are owner-only)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
