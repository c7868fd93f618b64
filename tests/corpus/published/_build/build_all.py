"""Regenerate every NAME.xlsx + NAME.json of tests/corpus/published from the case scripts, then STATUS.md.
Usage (from the repo root): .venv/bin/python tests/corpus/published/_build/build_all.py"""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
for case in sorted(HERE.glob("case_*.py")):
    runpy.run_path(str(case), run_name="__main__")
runpy.run_path(str(HERE / "status.py"), run_name="__main__")
