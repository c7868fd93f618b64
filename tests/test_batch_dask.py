"""--scheduler: the same batch on a Dask distributed cluster (a local one, started here) gives the same findings."""

from __future__ import annotations

import json
import os
import re
import shutil

import distributed  # in the [test] extra: missing is an error, not a skip
import pytest

from lkjip_xl.batch.cluster import run_on_cluster
from lkjip_xl.batch.outcome import PASSED, UNCHECKED, Options, Outcome, check_source
from lkjip_xl.batch.sources import Source

from batch_fixtures import submissions, workbook_bytes
from conftest import EXAMPLE, run_cli



@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        # One thread per worker, as docs/batch.md advises: a file that kills its process takes no other with it.
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local.scheduler_address


def reports(folder):
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}


def test_dask_gives_the_same_findings_as_local_workers(cluster, tmp_path):
    # Without the file that aborts its process: on Dask, Dask's retries handle that, slowly.
    submissions(tmp_path / "kiriman", crashing=False)
    local = run_cli("batch", "kiriman", "--json-dir", "lokal", "--jobs", "2", cwd=tmp_path, timeout=600)
    remote = run_cli("batch", "kiriman", "--json-dir", "dask", "--scheduler", cluster, "--out", "laporan.xlsx",
                     cwd=tmp_path, timeout=600)
    assert local.returncode == remote.returncode == 2, remote.stdout + remote.stderr
    mine, theirs = reports(tmp_path / "lokal"), reports(tmp_path / "dask")
    assert len(mine) == 11 and mine == theirs
    assert any(report["findings"] for report in mine.values())
    assert (tmp_path / "laporan.xlsx").stat().st_size > 0


def test_the_summary_names_the_checks_on_dask_too(cluster, tmp_path):
    # Without --out nothing else in this process imports the checks: their titles must still be there.
    shutil.copy(EXAMPLE, tmp_path / "contoh.xlsx")
    result = run_cli("batch", tmp_path, "--scheduler", cluster, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"B1\d\d ×\d+ \w", result.stdout), result.stdout


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "alamat salah"])
def test_unreachable_scheduler_is_a_clear_error(tmp_path, address):
    (tmp_path / "a.xlsx").write_bytes(b"")
    result = run_cli("batch", tmp_path, "--scheduler", address, timeout=120)
    assert result.returncode == 2 and "tidak dapat dihubungi" in result.stderr


def dying_check(source: Source, options: Options) -> Outcome:
    if source.name == "mati":
        os._exit(3)  # what a reader library crashing on a file does to its process
    return check_source(source, options)


def test_a_file_that_kills_dask_workers_is_reported(cluster, tmp_path):
    good = tmp_path / "baik.xlsx"
    good.write_bytes(workbook_bytes(seed=1))
    sources = [Source("mati", str(good)), Source("baik", str(good))]
    outcomes = {o.name: o for o in run_on_cluster(sources, Options(), cluster, lambda outcome: None, dying_check)}
    assert outcomes["mati"].status == UNCHECKED and outcomes["mati"].error["reason"] == "crashed"
    assert outcomes["baik"].status == PASSED
