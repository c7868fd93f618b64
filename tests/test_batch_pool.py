"""The local worker pool: a file whose check hangs or kills its process is reported, and the batch goes on.

The checks here are real functions run in real worker processes; only what they do to their process is
made up (a hang, an abrupt exit), since no honest workbook reliably does either.
"""

from __future__ import annotations

import os
import time

from lkjip_xl.batch.local import run_local
from lkjip_xl.batch.outcome import PASSED, UNCHECKED, Options, Outcome, check_source
from lkjip_xl.batch.sources import Source

from batch_fixtures import workbook_bytes


def misbehaving_check(source: Source, options: Options) -> Outcome:
    if source.name == "hang":
        time.sleep(600)
    if source.name == "die":
        os._exit(7)
    return check_source(source, options)


def test_hangs_and_crashes_end_in_outcomes_and_the_others_are_checked(tmp_path):
    good = tmp_path / "baik.xlsx"
    good.write_bytes(workbook_bytes(seed=1))
    sources = [Source("hang", str(good)), Source("die", str(good))] + [
        Source(f"baik-{n}", str(good)) for n in range(4)
    ]
    seen: list[str] = []
    started = time.monotonic()
    outcomes = run_local(sources, Options(timeout=5), 2, lambda outcome: seen.append(outcome.name), misbehaving_check)
    assert time.monotonic() - started < 60  # the hang was cut at its time limit
    by_name = {outcome.name: outcome for outcome in outcomes}
    assert sorted(seen) == sorted(by_name) == sorted(source.name for source in sources)
    assert by_name["hang"].status == UNCHECKED and by_name["hang"].error["reason"] == "timeout"
    assert by_name["die"].status == UNCHECKED and by_name["die"].error["reason"] == "crashed"
    assert "7" in by_name["die"].error["message"]
    assert all(by_name[f"baik-{n}"].status == PASSED for n in range(4))


def greedy_check(source: Source, options: Options) -> Outcome:
    if source.name == "rakus":
        bytearray(3 * 2**30)  # 3 GiB: fine for this machine, not under a 1 GiB cap
    return check_source(source, options)


def test_memory_cap_stops_a_file_alone(tmp_path):
    good = tmp_path / "baik.xlsx"
    good.write_bytes(workbook_bytes(seed=1))
    sources = [Source("rakus", str(good)), Source("baik", str(good))]
    outcomes = run_local(sources, Options(max_memory_mb=1024), 1, lambda outcome: None, greedy_check)
    by_name = {outcome.name: outcome for outcome in outcomes}
    assert by_name["rakus"].status == UNCHECKED and by_name["baik"].status == PASSED
    assert by_name["rakus"].error["reason"] == "out_of_memory" and "1024 MiB" in by_name["rakus"].error["message"]


def out_of_memory_check(source: Source, options: Options) -> Outcome:
    raise MemoryError  # what the allocator says where no cap applies (Dask, Windows) but memory ran out


def test_out_of_memory_without_a_cap_names_no_limit(tmp_path):
    good = tmp_path / "baik.xlsx"
    good.write_bytes(workbook_bytes(seed=1))
    outcomes = run_local([Source("rakus", str(good))], Options(max_memory_mb=0), 1, lambda outcome: None, out_of_memory_check)
    assert outcomes[0].error["reason"] == "out_of_memory" and "MiB" not in outcomes[0].error["message"]
