"""Writing an output file so that it is either complete or absent: a temporary file beside it, then a rename."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def replacing(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary path in ``target``'s folder; renamed over ``target`` when the block ends without error."""
    folder = Path(target).parent
    handle, temporary = tempfile.mkstemp(prefix=".lkjip-", suffix=suffix, dir=folder if str(folder) else ".")
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
