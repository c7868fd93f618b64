"""Checking a batch on this machine: worker processes (pebble), each file with a time limit.

A worker that hangs is killed when its file's time is up; one that dies (a crash, the memory cap) is
replaced; either way that file gets an outcome saying so and the batch goes on. Where workers are forked
(Linux), they are forked after the checking code is imported, so each starts warm; where they are spawned
(Windows, macOS) each imports it once. ``formulas`` is imported only by a worker that meets a workbook
without cached values.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from concurrent.futures import as_completed
from dataclasses import replace
from typing import Callable, Iterable

from .outcome import Options, Outcome, Rejection, check_source, died, unchecked
from .sources import Source


def _start_worker(megabytes: int) -> None:
    """Runs in each worker. A file that needs more memory fails alone instead of starving the machine;
    what a dying library prints (a Rust backtrace on a failed allocation) does not reach the reviewer's
    terminal: the file's outcome says what happened. The memory cap needs POSIX rlimits: none on Windows."""
    if not os.environ.get("LKJIP_XL_DEBUG"):
        faulthandler.disable()  # it keeps its own copy of stderr
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
    try:
        import resource
    except ImportError:  # Windows
        return
    if megabytes <= 0:
        return
    wanted = megabytes * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _warm_up() -> None:
    """Import what every check needs before the workers are forked from this process."""
    import openpyxl.formula.translate  # noqa: F401 - shared formulas, in most files saved by Excel
    import python_calamine  # noqa: F401

    from .. import validate  # noqa: F401
    from ..checks import load_all
    from ..load import load_file  # noqa: F401

    load_all()


def run_local(
    sources: Iterable[Source],
    options: Options,
    jobs: int,
    on_done: Callable[[Outcome], None],
    check: Callable[[Source, Options], Outcome] = check_source,
) -> list[Outcome]:
    """Check ``sources`` in ``jobs`` worker processes, calling ``on_done`` as each outcome arrives."""
    from pebble import ProcessExpired, ProcessPool

    _warm_up()
    if sys.platform == "win32":
        options = replace(options, max_memory_mb=0)  # no rlimits there: no cap to name in a message
    outcomes = []
    pool = ProcessPool(max_workers=max(1, jobs), initializer=_start_worker, initargs=(options.max_memory_mb,))
    try:
        futures = {
            pool.schedule(check, args=(source, options), timeout=options.timeout): source for source in sources
        }
        for future in as_completed(futures):
            source = futures[future]
            try:
                outcome = future.result()
            except TimeoutError:
                outcome = unchecked(source, Rejection.timed_out(options.timeout), options.lang)
            except ProcessExpired as error:
                outcome = unchecked(source, died(error.exitcode), options.lang)
            except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be sent back, a MemoryError
                outcome = unchecked(source, Rejection.for_error(error, options), options.lang)
            outcomes.append(outcome)
            on_done(outcome)
    except BaseException:  # Ctrl-C, or a failure writing results: stop the workers now, not after the batch
        pool.stop()
        raise
    finally:
        pool.close()
        pool.join()
    return outcomes
