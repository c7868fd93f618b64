"""Checking a batch on a Dask distributed cluster (``--scheduler ADDRESS``; ``pip install lkjip-xl[dask]``).

Each file is one task running ``check_source``, the function local workers run, so the findings are the
same. Workers must see the files at the same absolute paths (shared storage). What differs from local
workers: a task cannot be killed, so a file that passes its time limit is reported as timed out while its
thread is left to finish; a worker that dies (crash, Dask's memory limit) is retried by Dask and then
reported as crashed (files that were only queued on that worker are checked again, one at a time, so
that only the culprit is blamed). Set the memory limit on the workers (``dask worker --memory-limit``).
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable

from ..i18n import Text
from .outcome import Options, Outcome, Rejection, check_source, unchecked
from .sources import Source

DASK_MISSING = Text(
    "--scheduler memerlukan Dask: pip install 'lkjip-xl[dask]'",
    "--scheduler needs Dask: pip install 'lkjip-xl[dask]'",
)
WORKERS_DIED = Text(
    "pekerja Dask berhenti mendadak setiap kali memeriksa berkas ini; berkas mungkin rusak atau terlalu besar",
    "Dask workers died each time they checked this file; the file may be damaged or too large",
)
NO_SCHEDULER = Text(
    "penjadwal Dask {address} tidak dapat dihubungi ({detail})",
    "the Dask scheduler {address} cannot be reached ({detail})",
)


class ClusterUnavailable(Exception):
    """Dask is not installed or the scheduler does not answer: nothing was checked."""

    def __init__(self, text: Text, **params) -> None:
        super().__init__(text("en", **params))
        self.text, self.params = text, params


def check_within_time(
    source: Source, options: Options, check: Callable[[Source, Options], Outcome] = check_source
) -> Outcome:
    """``check_source`` on a Dask worker, bounded by the per-file time limit."""
    box: list[Outcome] = []
    thread = threading.Thread(target=lambda: box.append(check(source, options)), daemon=True)
    thread.start()
    thread.join(options.timeout)
    if not box:
        return unchecked(source, Rejection.timed_out(options.timeout), options.lang)
    return box[0]


def run_on_cluster(
    sources: Iterable[Source],
    options: Options,
    address: str,
    on_done: Callable[[Outcome], None],
    check: Callable[[Source, Options], Outcome] = check_source,
) -> list[Outcome]:
    """Check ``sources`` on the Dask cluster at ``address``, calling ``on_done`` as each outcome arrives."""
    try:
        from distributed import Client, as_completed
        from distributed import wait as distributed_wait
    except ImportError:
        raise ClusterUnavailable(DASK_MISSING) from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:  # ValueError: an address Dask cannot read
        raise ClusterUnavailable(NO_SCHEDULER, address=address, detail=type(error).__name__) from None
    outcomes = []
    with client:
        sources = list(sources)
        futures = client.map(check_within_time, sources, options=options, check=check, pure=False)
        owner = {future.key: source for future, source in zip(futures, sources)}
        suspects = []
        for future in as_completed(futures):
            source = owner[future.key]
            if future.status == "finished":
                outcome = future.result()
            elif _killed(future):
                suspects.append(source)  # perhaps only queued on a worker that another file killed
                continue
            else:
                outcome = unchecked(source, Rejection.for_error(future.exception(), options), options.lang)
            outcomes.append(outcome)
            on_done(outcome)
            future.release()
        for source in suspects:  # one at a time: a file that kills workers alone is the one to blame
            future = client.submit(check_within_time, source, options=options, check=check, pure=False)
            distributed_wait([future])
            if future.status == "finished":
                outcome = future.result()
            elif _killed(future):
                outcome = unchecked(source, Rejection.of("crashed", WORKERS_DIED), options.lang)
            else:
                outcome = unchecked(source, Rejection.for_error(future.exception(), options), options.lang)
            outcomes.append(outcome)
            on_done(outcome)
            future.release()
    return outcomes


def _killed(future) -> bool:
    return future.status == "error" and type(future.exception()).__name__ == "KilledWorker"
