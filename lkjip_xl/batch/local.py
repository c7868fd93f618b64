"""Checking a batch on this machine: worker processes (pebble), each file with a time limit.

A worker that hangs is killed when its file's time is up; one that dies (a crash, the memory cap) is
replaced; either way that file gets an outcome saying so and the batch goes on. Workers are forked after
the checking code is imported, so each starts warm; ``formulas`` is imported only by a worker that meets
a workbook without cached values.
"""

from __future__ import annotations

import faulthandler
import os
import resource
from concurrent.futures import as_completed
from typing import Callable, Iterable

from .outcome import INTERNAL, INTERNAL_REASON, TIMED_OUT, Options, Outcome, Rejection, check_source, died, unchecked
from .sources import Source


def _start_worker(megabytes: int) -> None:
    """Runs in each worker. A file that needs more memory fails alone instead of starving the machine;
    what a dying library prints (a Rust backtrace on a failed allocation) does not reach the reviewer's
    terminal: the file's outcome says what happened."""
    if not os.environ.get("LKJIP_XL_DEBUG"):
        faulthandler.disable()  # it keeps its own copy of stderr
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
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
                outcome = unchecked(source, Rejection.of("timeout", TIMED_OUT, seconds=f"{options.timeout:g}"), options.lang)
            except ProcessExpired as error:
                outcome = unchecked(source, died(error.exitcode), options.lang)
            except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be sent back
                outcome = unchecked(source, Rejection.of(INTERNAL_REASON, INTERNAL, detail=type(error).__name__), options.lang)
            outcomes.append(outcome)
            on_done(outcome)
    except BaseException:  # Ctrl-C, or a failure writing results: stop the workers now, not after the batch
        pool.stop()
        raise
    finally:
        pool.close()
        pool.join()
    return outcomes
