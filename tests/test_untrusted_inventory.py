"""What a file carries besides its tables is listed as findings (F codes); nothing is run or fetched."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import pytest
from conftest import run_cli
from corpus import MAIN_NS, PKG_REL_NS, REL_NS, XML_HEAD, Sheet, lkjip_workbook, template_sheets, write_zip, xlsx_parts


def _link_rels(target: str) -> str:
    return (
        f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/externalLinkPath" Target="{target}" TargetMode="External"/></Relationships>'
    )


def _external_link(target: str) -> dict[str, str]:
    return {
        "xl/externalLinks/externalLink1.xml": f'{XML_HEAD}<externalLink xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><externalBook r:id="rId1"/></externalLink>',
        "xl/externalLinks/_rels/externalLink1.xml.rels": _link_rels(target),
    }


def _connection(url: str) -> dict[str, str]:
    return {
        "xl/connections.xml": (
            f'{XML_HEAD}<connections xmlns="{MAIN_NS}"><connection id="1" name="Realisasi SIPD" type="4" '
            f'refreshOnLoad="1"><webPr url="{url}"/></connection></connections>'
        )
    }


DATA = {1: {1: "Uraian", 2: 1000}}

# name -> (sheets after the template's, options, code, what the message names)
CASES = {
    "vba-macros": ([], {"parts": {"xl/vbaProject.bin": b"\xcc\x61" + bytes(64)}}, "F001", "xl/vbaProject.bin"),
    "excel4-macro-sheet": ([], {"parts": {"xl/macrosheets/sheet1.xml": "<xm/>"}}, "F001", "macrosheets"),
    "external-link": ([], {"parts": _external_link("file:///C:/Keuangan/Anggaran%202024.xlsx")}, "F002", "Anggaran%202024.xlsx"),
    "embedded-object": ([], {"parts": {"xl/embeddings/oleObject1.bin": bytes(32)}}, "F003", "oleObject1.bin"),
    "activex-control": ([], {"parts": {"xl/activeX/activeX1.xml": "<ax/>"}}, "F003", "activeX1.xml"),
    "data-connection": ([], {"parts": _connection("https://sipd.example/realisasi")}, "F004", "Realisasi SIPD"),
    "hidden-sheet": ([Sheet("Bantu", DATA, state="hidden")], {}, "F005", "Bantu"),
    "very-hidden-sheet": ([Sheet("Rahasia", DATA, state="veryHidden")], {}, "F006", "Rahasia"),
    "protected-sheet": ([Sheet("Data", DATA, after_data='<sheetProtection sheet="1" objects="1"/>')], {}, "F007", "Data"),
    "manual-calculation": ([], {"workbook_extra": '<calcPr calcId="191029" calcMode="manual"/>'}, "F008", "manual"),
    "xlwings-config-sheet": ([Sheet("myaddin.conf", DATA)], {}, "F010", "myaddin.conf"),
    "xlwings-code-sheet": ([Sheet("jalankan.py", DATA)], {}, "F010", "jalankan.py"),
}


def _codes(path: Path) -> dict[str, str]:
    result = run_cli("validate", path, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return {finding["code"]: finding["message"] for finding in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("name", CASES)
def test_each_feature_is_a_finding(name, tmp_path):
    sheets, options, code, named = CASES[name]
    findings = _codes(lkjip_workbook(tmp_path / f"{name}.xlsx", sheets, **options))
    assert code in findings
    assert named in findings[code]


def test_a_plain_workbook_has_no_file_finding(tmp_path):
    findings = _codes(lkjip_workbook(tmp_path / "polos.xlsx", [Sheet("Data", DATA), Sheet("Lain", DATA)]))
    assert not [code for code in findings if code.startswith("F")]


def test_the_template_protects_its_own_sheets_without_a_finding(tmp_path):
    sheets = template_sheets([("7.01.01.2.01.0001", "Sub", 100, 90)])
    for sheet in sheets:
        sheet.after_data = '<sheetProtection sheet="1"/>'
    sheets.append(Sheet("Catatan", DATA, after_data='<sheetProtection sheet="1"/>'))
    findings = _codes(write_zip(tmp_path / "templat.xlsx", xlsx_parts(sheets)))
    assert findings["F007"].count('"') == 2 and '"Catatan"' in findings["F007"]  # only the sheet not ours


class _Listener:
    """A local server that records whether anything connects to it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


def test_links_and_connections_are_never_fetched(tmp_path):
    listener = _Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}"
        parts = {**_external_link(f"{url}/anggaran.xlsx"), **_connection(f"{url}/realisasi")}
        sheet = Sheet(
            "Data",
            DATA,
            after_data='<hyperlinks><hyperlink ref="A1" r:id="rIdLink"/></hyperlinks>',
        )
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rIdLink" '
            f'Type="{REL_NS}/hyperlink" Target="{url}/klik" TargetMode="External"/></Relationships>'
        )
        parts["xl/worksheets/_rels/sheet3.xml.rels"] = parts.pop("xl/worksheets/_rels/sheet1.xml.rels")  # Data is the third
        path = lkjip_workbook(tmp_path / "tautan.xlsx", [sheet], parts=parts)
        result = run_cli("validate", path, "--format", "json", "--out", tmp_path / "hasil.xlsx")
        findings = {finding["code"] for finding in json.loads(result.stdout)["findings"]}
        assert {"F002", "F004"} <= findings
    finally:
        listener.close()
    assert listener.connections == 0
