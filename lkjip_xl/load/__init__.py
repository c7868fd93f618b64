"""Loaders: turn a workbook into a snapshot the rules can read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import CORRUPT, UNREADABLE, InputRejected
from ..snapshot import WorkbookSnapshot
from .evaluate import evaluate_uncached
from .preflight import preflight
from .xlsx import read_xlsx


def load_file(path: Path) -> WorkbookSnapshot:
    """A snapshot of the workbook at ``path``; the file is only read, never written."""
    package = preflight(path)  # the kind of file, bounded, before any parser sees it
    try:
        snapshot, uncached = read_xlsx(path, inventory=package.inventory)
    except InputRejected:
        raise
    except zipfile.BadZipFile as error:
        raise InputRejected("corrupt", CORRUPT, detail=str(error)) from None
    except OSError as error:
        raise InputRejected("unreadable", UNREADABLE, detail=error.strerror or str(error)) from None
    except Exception as error:  # noqa: BLE001 - a damaged part must end in a message, not a traceback
        raise InputRejected("corrupt", CORRUPT, detail=type(error).__name__) from None
    evaluate_uncached(snapshot, uncached)
    return snapshot
