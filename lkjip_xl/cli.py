"""The command line: ``lkjip-xl validate | batch | import | template | rules | addin | bundle``.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the file could not be checked, 3 an internal
error (a bug: please report it with the file).
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import InputRejected, rejection_report
from .i18n import Lang, Text
from .report.safe import terminal_text

EXIT_OK, EXIT_ERRORS, EXIT_UNCHECKABLE, EXIT_INTERNAL = 0, 1, 2, 3

SAME_FILE = Text(
    "berkas hasil (--out) tidak boleh sama dengan berkas yang diperiksa: berkas kiriman tidak pernah diubah",
    "the output file (--out) must not be the file being checked: a submitted file is never modified",
)
TEMPLATE_READING = Text(
    "(templat lkjip-xl: dibaca menurut tata letaknya)", "(lkjip-xl template: read by its own layout)"
)
OUT_WRITTEN = Text("Ringkasan ditulis ke {path} (sheet \"{sheet}\").", "Summary written to {path} (sheet \"{sheet}\").")
OUT_FAILED = Text("berkas hasil tidak dapat ditulis: {detail}", "the output file cannot be written: {detail}")
INTERNAL = Text(
    "kesalahan internal lkjip-xl ({detail}). Mohon laporkan bersama berkasnya.",
    "internal lkjip-xl error ({detail}). Please report it with the file.",
)
TEMPLATE_WRITTEN = Text("Templat ditulis ke {path}.", "Template written to {path}.")
ADDIN_WRITTEN = Text("Add-in ditulis ke {path}.", "Add-in written to {path}.")
IMPORT_WRITTEN = Text(
    "Templat ditulis ke {path}. Periksa hasilnya: lkjip-xl validate {path}",
    "Template written to {path}. Check it: lkjip-xl validate {path}",
)
ALREADY_TEMPLATE = Text(
    "berkas ini sudah templat lkjip-xl: periksa langsung dengan lkjip-xl validate",
    "this file is already the lkjip-xl template: check it with lkjip-xl validate",
)

SIPD_OPTION = click.option(
    "--sipd",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ekspor SIPD untuk rekonsiliasi Tabel 3.8 (boleh berulang) / SIPD export to reconcile Table 3.8 with (repeatable).",
)
LANG_OPTION = click.option(
    "--lang", type=click.Choice(["id", "en"]), default="id", show_default=True, help="Bahasa keluaran / output language."
)


def _error(text: str) -> None:
    """A message on stderr, with control characters made harmless: file names can hold escapes too."""
    click.echo(terminal_text(text), err=True)


def _fail(path: str, message: str, fmt: str, reason: str) -> int:
    if fmt == "json":
        click.echo(json.dumps(rejection_report(path, reason, message), ensure_ascii=False, indent=2))
    _error(f"lkjip-xl: {path}: {message}")
    return EXIT_UNCHECKABLE


def _internal(name: str | None, error: Exception, lang: Lang) -> int:
    """A bug of lkjip-xl: never a traceback for the user (unless LKJIP_XL_DEBUG), its own exit code."""
    if os.environ.get("LKJIP_XL_DEBUG"):
        raise error
    _error(f"lkjip-xl: {name + ': ' if name else ''}{INTERNAL(lang, detail=type(error).__name__)}")
    return EXIT_INTERNAL


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkjip-xl")
def cli() -> None:
    """Pemeriksa tabel LKjIP di Excel (Tabel 3.2, 3.3, 3.5, 3.7, 3.8).

    Checks the tables of Indonesian LKjIP performance reports kept in Excel.
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Bentuk laporan / report format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Salinan berkas dengan sheet Ringkasan Validasi / annotated copy.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), help="Berkas pengaturan TOML / settings file.")
@click.option("--explain", is_flag=True, help="Tunjukkan bagaimana setiap tabel dibaca / show how each table was read.")
@SIPD_OPTION
@LANG_OPTION
def validate(file: Path, fmt: str, out: Path | None, config: Path | None, explain: bool, sipd: tuple[Path, ...], lang: Lang) -> None:
    """Periksa satu buku kerja LKjIP / validate one LKjIP workbook.

    Keluar 0: tidak ada kesalahan; 1: ada kesalahan; 2: berkas tidak dapat diperiksa.
    """
    sys.exit(run_validate(file, fmt, out, config, lang, explain, list(sipd)))


def load_sipd(paths: list[Path], fmt: str, lang: Lang) -> tuple[list | None, int]:
    """The SIPD exports given with --sipd; a file that is no export (or cannot be read) is named with the
    reason, exit code 2."""
    from .reconcile import load_exports

    exports = []
    for path in paths:
        try:
            exports.extend(load_exports([path]))
        except InputRejected as rejection:
            return None, _fail(str(path), f"--sipd: {rejection.message(lang)}", fmt, f"sipd_{rejection.reason}")
        except Exception as error:  # noqa: BLE001 - never a traceback for the user
            return None, _internal(str(path), error, lang)
    return exports, EXIT_OK


def run_validate(file: Path, fmt: str, out: Path | None, config: Path | None, lang: Lang, explain: bool = False,
                 sipd: list[Path] | None = None) -> int:
    from .settings import SettingsError, load_config

    name = str(file)
    exports, code = load_sipd(sipd or [], fmt, lang)
    if exports is None:
        return code
    try:
        overrides: dict[str, Any] | None = load_config(config) if config else None
        if out is not None and _same_file(file, out):
            return _fail(name, SAME_FILE(lang), fmt, "output_is_input")
        from .validate import check_file

        report = check_file(file, overrides, exports)
        # The process ends once the report is out: the workbook's objects (hundreds of thousands on a big
        # table, in cycles) are left to the exit instead of traversed by the cyclic collector again and
        # again, and at exit (0.8 s of 4.5 on the 20,000-line text-figure table).
        gc.freeze()
    except InputRejected as rejection:
        return _fail(name, rejection.message(lang), fmt, rejection.reason)
    except SettingsError as error:
        return _fail(name, str(error), fmt, "config")
    except Exception as error:  # noqa: BLE001 - never a traceback for the user; a bug gets its own exit code
        return _internal(name, error, lang)
    report.file = name
    if fmt == "json":
        data = report.to_dict(lang)
        if explain:
            data["readings"] = [reading.explain(lang) for reading in report.readings]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from .report.text import render_text

        click.echo(render_text(report, lang, color=sys.stdout.isatty()), nl=False)
        if explain:
            # The reading (freeform/reading.py): how each table was understood, what was left unchecked.
            readings = [reading.explain(lang) for reading in report.readings] or [TEMPLATE_READING(lang)]
            for reading in readings:
                click.echo("")
                for line in reading.splitlines():
                    click.echo(terminal_text(line))
    if out is not None:
        from .report.annotate import add_summary_sheet
        from .report.book import write_summary_workbook
        from .report.summary import build_summary

        try:
            if report.layout in ("pdf", "docx"):  # a document: the summary is a new workbook
                sheet = write_summary_workbook(build_summary(report, lang), out)
            else:
                sheet = add_summary_sheet(file, out, build_summary(report, lang))
        except OSError as error:
            _error(f"lkjip-xl: {out}: {OUT_FAILED(lang, detail=error.strerror or error)}")
            return EXIT_UNCHECKABLE
        click.echo(terminal_text(OUT_WRITTEN(lang, path=out, sheet=sheet)), err=fmt == "json")
    return EXIT_OK if report.valid else EXIT_ERRORS


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Templat yang ditulis / the template to write.")
@LANG_OPTION
def import_(file: Path, out: Path, lang: Lang) -> None:
    """Salin tabel dari buku kerja bebas ke templat / copy a free-form workbook's tables into the template.

    Mencantumkan apa yang tidak dapat dipindahkan. Keluar 0: templat ditulis; 2: tidak dapat dibaca; 3: kesalahan internal.
    """
    sys.exit(run_import(file, out, lang))


def run_import(file: Path, out: Path, lang: Lang) -> int:
    name = str(file)
    try:
        if _same_file(file, out):
            return _fail(name, SAME_FILE(lang), "text", "output_is_input")
        from .freeform.importer import render, write_import
        from .load import load_file
        from .template.extract import is_template

        snapshot = load_file(file)
        if is_template(snapshot):
            return _fail(name, ALREADY_TEMPLATE(lang), "text", "already_template")
        result = write_import(snapshot, out)
    except InputRejected as rejection:
        return _fail(name, rejection.message(lang), "text", rejection.reason)
    except OSError as error:
        _error(f"lkjip-xl: {out}: {OUT_FAILED(lang, detail=error.strerror or error)}")
        return EXIT_UNCHECKABLE
    except Exception as error:  # noqa: BLE001 - never a traceback for the user; a bug gets its own exit code
        return _internal(name, error, lang)
    for line in render(result, lang):
        click.echo(line)
    click.echo(terminal_text(IMPORT_WRITTEN(lang, path=out)))
    return EXIT_OK


@cli.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Berkas templat yang ditulis / where to write.")
@click.option("--contoh", is_flag=True, help="Isi dengan contoh Kecamatan Jati 2024 / fill with the example.")
@LANG_OPTION
def template(out: Path, contoh: bool, lang: Lang) -> None:
    """Tulis templat LKjIP (.xlsx) / write the LKjIP template workbook."""
    if contoh:
        from .template.contoh import write_example

        write_example(out)
    else:
        from .template.build import write_template

        write_template(out)
    click.echo(TEMPLATE_WRITTEN(lang, path=out))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@LANG_OPTION
def rules(fmt: str, lang: Lang) -> None:
    """Daftar semua pemeriksaan / list every check."""
    from .docs import rules_markdown, rules_text

    click.echo(rules_markdown() if fmt == "markdown" else rules_text(lang), nl=False)


@cli.group()
def addin() -> None:
    """Add-in Excel: tab "LKjIP" dengan tombol "Validasi" / the Excel ribbon add-in."""


INTERPRETER_OPTION = click.option(
    "--interpreter", help="Python yang dijalankan tombol (bawaan: Python ini) / the Python the button runs."
)


@addin.command("build")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder tujuan / folder to write to.")
@INTERPRETER_OPTION
@LANG_OPTION
def addin_build(out: Path, interpreter: str | None, lang: Lang) -> None:
    """Buat lkjip_xl.xlam dari add-in pita xlwings / make lkjip_xl.xlam from xlwings' ribbon add-in."""
    from .excel.addin import build_addin

    def run() -> None:
        click.echo(ADDIN_WRITTEN(lang, path=build_addin(out, interpreter or sys.executable)))

    sys.exit(_addin_step(run, lang))


@addin.command("install")
@click.option("--dry-run", is_flag=True, help="Tampilkan langkahnya saja / only show what would be done.")
@click.option("--platform", type=click.Choice(["windows", "macos"]), help="Bawaan: sistem ini / default: this system.")
@click.option("--xlstart", type=click.Path(file_okay=False, path_type=Path), help="Folder XLSTART Excel / Excel's start folder.")
@INTERPRETER_OPTION
@LANG_OPTION
def addin_install(dry_run: bool, platform: str | None, xlstart: Path | None, interpreter: str | None, lang: Lang) -> None:
    """Pasang add-in ke Excel (Windows, macOS) / install the add-in into Excel."""
    from .excel.addin import DRY_RUN, INSTALLED, install, plan_install

    def run() -> None:
        plan = plan_install(platform, xlstart, interpreter)
        click.echo("\n".join(plan.describe(lang)))
        if dry_run:
            click.echo(DRY_RUN(lang))
            return
        install(plan)
        click.echo(INSTALLED(lang, path=plan.addin))

    sys.exit(_addin_step(run, lang))


def _addin_step(step: Callable[[], None], lang: Lang) -> int:
    """Run one add-in step; a refusal is a message and exit code 2, never a traceback."""
    try:
        step()
    except InputRejected as rejection:
        _error(f"lkjip-xl: addin: {rejection.message(lang)}")
        return EXIT_UNCHECKABLE
    return EXIT_OK


@cli.command()
@click.option("--platform", type=click.Choice(["windows", "macos", "linux"]), required=True, help="Sistem PC kantor / the office PCs' system.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder tujuan / folder to write to.")
@click.option("--source", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Sumber lkjip-xl (bawaan: salinan ini) / lkjip-xl's source (default: this checkout).")
@click.option("--wheel", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Wheel lkjip-xl yang sudah ada (bukan dari sumber) / an lkjip-xl wheel to bundle instead.")
@LANG_OPTION
def bundle(platform: str, out: Path, source: Path | None, wheel: Path | None, lang: Lang) -> None:
    """Satu zip untuk memasang tanpa registri paket / one zip that installs with no package index (for IT)."""
    try:
        from .bundle import BundleError, build_bundle
    except ImportError:  # packaging is missing: the bundle extra is not installed
        _error("lkjip-xl: pip install -e '.[bundle]'")
        sys.exit(EXIT_UNCHECKABLE)
    try:
        made = build_bundle(platform, out, source, wheel, log=lambda line: click.echo(line, err=True))
    except BundleError as error:
        _error(f"lkjip-xl: bundle: {error.text(lang, **error.params)}")
        sys.exit(EXIT_UNCHECKABLE)
    except InputRejected as rejection:  # the add-in cannot be made (xlwings' template missing)
        _error(f"lkjip-xl: bundle: {rejection.message(lang)}")
        sys.exit(EXIT_UNCHECKABLE)
    click.echo(BUNDLE_WRITTEN(lang, path=made.path, files=made.files, mb=f"{made.size / 1e6:.1f}", seconds=f"{made.seconds:.0f}"))


BUNDLE_WRITTEN = Text("Bundel ditulis ke {path} ({files} berkas, {mb} MB, {seconds} detik).",
                      "Bundle written to {path} ({files} files, {mb} MB, {seconds} s).")

INTERRUPTED = Text("dibatalkan", "interrupted")
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C
NO_WORKBOOKS = Text("tidak ada buku kerja (.xlsx, .xlsm, ...) di {paths}", "no workbooks (.xlsx, .xlsm, ...) in {paths}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Laporan gabungan (.xlsx) / consolidated report.")
@click.option("--json-dir", type=click.Path(file_okay=False, path_type=Path), help="Satu laporan JSON per berkas / one JSON report per file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1, show_default="jumlah inti / CPU cores", help="Proses paralel / parallel processes.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True, help="Batas detik per berkas / seconds per file.")
@click.option("--max-memory", type=click.IntRange(min=0), default=2048, show_default=True, help="MiB per proses pemeriksa, 0 = tanpa batas / MiB per worker, 0 = no limit.")
@click.option("--scheduler", metavar="ADDRESS", help="Penjadwal Dask (tcp://host:8786) / Dask scheduler: pip install 'lkjip-xl[dask]'.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), help="Berkas pengaturan TOML untuk semua berkas / settings for every file.")
@SIPD_OPTION
@LANG_OPTION
def batch(paths: tuple[Path, ...], out: Path | None, json_dir: Path | None, jobs: int, timeout: float, max_memory: int,
          scheduler: str | None, config: Path | None, sipd: tuple[Path, ...], lang: Lang) -> None:
    """Periksa semua buku kerja di folder atau arsip zip / validate every workbook in folders or zip archives.

    Keluar 0: semua lulus; 1: ada berkas dengan kesalahan; 2: ada berkas yang tidak dapat diperiksa;
    3: kesalahan internal pada suatu berkas.
    """
    sys.exit(run_batch_command(list(paths), out, json_dir, jobs, timeout, max_memory, scheduler, config, lang, list(sipd)))


def run_batch_command(paths: list[Path], out: Path | None, json_dir: Path | None, jobs: int, timeout: float,
                      max_memory: int, scheduler: str | None, config: Path | None, lang: Lang,
                      sipd: list[Path] | None = None) -> int:
    from .batch.cluster import ClusterUnavailable
    from .batch.outcome import FAILED, UNCHECKED, Options
    from .batch.run import run_batch, summary_text
    from .settings import SettingsError, load_config

    try:
        overrides = load_config(config) if config else None
    except SettingsError as error:
        _error(f"lkjip-xl: {error}")
        return EXIT_UNCHECKABLE
    if out is not None and any(path.is_file() and _same_file(path, out) for path in paths):
        _error(f"lkjip-xl: {out}: {SAME_FILE(lang)}")
        return EXIT_UNCHECKABLE
    # The exports are read once, then offered to every workbook (each takes those of its office and year).
    exports, code = load_sipd(sipd or [], "text", lang)
    if exports is None:
        return code
    options = Options(lang=lang, overrides=overrides, timeout=timeout, max_memory_mb=max_memory, exports=tuple(exports))
    try:
        result = run_batch(paths, options, jobs=jobs, scheduler=scheduler, out=out, json_dir=json_dir)
    except KeyboardInterrupt:
        _error(f"lkjip-xl: {INTERRUPTED(lang)}")
        return EXIT_INTERRUPTED
    except ClusterUnavailable as error:
        _error(f"lkjip-xl: {error.text(lang, **error.params)}")
        return EXIT_UNCHECKABLE
    except OSError as error:  # the report or a JSON file could not be written
        _error(f"lkjip-xl: {OUT_FAILED(lang, detail=error.strerror or error)}")
        return EXIT_UNCHECKABLE
    except Exception as error:  # noqa: BLE001 - a bug in the batch itself
        return _internal(None, error, lang)
    if not result.outcomes:
        _error(f"lkjip-xl: {NO_WORKBOOKS(lang, paths=', '.join(map(str, paths)))}")
        return EXIT_UNCHECKABLE
    click.echo(summary_text(result, lang, out, json_dir), nl=False)
    if result.internal_errors:
        return EXIT_INTERNAL
    if result.count(UNCHECKED):
        return EXIT_UNCHECKABLE
    return EXIT_ERRORS if result.count(FAILED) else EXIT_OK


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
