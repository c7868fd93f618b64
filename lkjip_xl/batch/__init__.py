"""Batch validation: every workbook in folders and zip archives, in parallel, with a consolidated report.

``lkjip-xl batch DIR|ZIP... [--out REPORT.xlsx] [--json-dir DIR] [--jobs N] [--scheduler ADDRESS]``

- sources.py: finding the workbooks (folders recursively, zip archives read in place, never extracted
  under their own names);
- outcome.py: ``check_source``, what every worker runs (the ``validate`` pipeline), and its picklable result;
- local.py: worker processes on this machine, with a time limit per file and a memory cap per worker;
- cluster.py: the same on a Dask distributed cluster;
- workbook.py: the consolidated report workbook; run.py: one batch from start to end.
"""
