"""Per-office settings: read from the template's "Pengaturan" sheet or from a ``--config`` TOML file.

Both use the same keys, declared once in ``SETTINGS``; the template writes its settings sheet from it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable

from .i18n import Text
from .indicators import SCALE_PRESETS, TABEL_31, EfficiencyFormula, NegativeFormula, Scale, parse_scale, split_list


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the key."""


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("ya", "yes", "true", "1", "benar", "y"):
        return True
    if text in ("tidak", "no", "false", "0", "salah", "t", "n"):
        return False
    raise ValueError(value)


def _to_float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return float(str(value).strip().replace(",", "."))


def _to_year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    year = int(_to_float(value))
    if not 2000 <= year <= 2100:
        raise ValueError(value)
    return year


def _to_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _as_is(value: Any) -> Any:
    return value


def _show_list(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def _show_choice(value: Any) -> str:
    return str(value.value if hasattr(value, "value") else value)


@dataclass(frozen=True)
class Setting:
    key: str  # the key in the settings sheet and in the TOML file
    attribute: str
    parse: Callable[[Any], Any]
    label: Text
    help: Text
    choices: tuple[str, ...] = ()  # offered as a drop-down in the template
    show: Callable[[Any], Any] = _as_is  # the value as the settings sheet writes it


SETTINGS: list[Setting] = [
    Setting(
        "nama_opd",
        "office",
        _to_text,
        Text("Nama perangkat daerah", "Name of the office"),
        Text("Misalnya: Kecamatan Jati Kabupaten Blora.", "For example: Kecamatan Jati Kabupaten Blora."),
    ),
    Setting(
        "tahun",
        "year",
        _to_year,
        Text("Tahun anggaran", "Budget year"),
        Text("Tahun yang dilaporkan, misalnya 2024.", "The year reported, for example 2024."),
    ),
    Setting(
        "toleransi_persen",
        "tolerance_percent",
        _to_float,
        Text("Toleransi persentase (poin)", "Percentage tolerance (points)"),
        Text(
            "Selisih yang masih diterima antara persentase tercetak dan hasil hitung, di luar pembulatan. "
            "Bawaan 0.",
            "Difference still accepted between a printed and a computed percentage, beyond rounding. Default 0.",
        ),
    ),
    Setting(
        "toleransi_rupiah",
        "tolerance_money",
        _to_float,
        Text("Toleransi rupiah", "Money tolerance (rupiah)"),
        Text(
            "Selisih rupiah yang masih diterima pada jumlah dan selisih. Bawaan 0: uang harus tepat.",
            "Difference in rupiah still accepted in sums and selisih. Default 0: money must be exact.",
        ),
    ),
    Setting(
        "terima_pemotongan",
        "accept_truncation",
        _to_bool,
        Text("Terima persentase yang dipotong (bukan dibulatkan)", "Accept truncated percentages"),
        Text(
            "Ya: 103,6 untuk 103,658 diterima (dicatat sebagai info). Tidak: hanya pembulatan yang diterima.",
            "Yes: 103.6 for 103.658 is accepted (noted as info). No: only rounding is accepted.",
        ),
        choices=("Ya", "Tidak"),
    ),
    Setting(
        "polaritas_negatif",
        "negative_indicators",
        split_list,
        Text("Indikator berpolaritas negatif", "Negative-polarity indicators"),
        Text(
            "ID indikator yang makin kecil makin baik (angka kemiskinan, jumlah pengaduan, waktu layanan), "
            "dipisah koma, mis. IKU-03, IKU-05. Berlaku di Tabel 3.2, 3.3 dan 3.5, selain kolom Polaritas Tabel 3.2. "
            "Indikator tanpa ID dicocokkan dengan namanya. Bawaan: kosong; polaritas lalu diambil dari nama indikator "
            "(angka kematian, kemiskinan, stunting, prevalensi ... makin kecil makin baik) atau dari rumus yang "
            "cocok dengan capaian tercetak, dan yang diasumsikan itu disebut sebagai peringatan (K108).",
            "IDs of indicators where lower is better (poverty rate, complaints, service time), separated by "
            "commas, e.g. IKU-03, IKU-05. Applies to Tables 3.2, 3.3 and 3.5, besides the Polarity column of "
            "Table 3.2. Indicators without an ID are matched by name. Default: empty; the polarity is then taken "
            "from the indicator's name (mortality, poverty, stunting, prevalence ... lower is better) or from the "
            "formula that fits the printed achievement, and what was assumed is said as a warning (K108).",
        ),
        show=_show_list,
    ),
    Setting(
        "rumus_polaritas_negatif",
        "negative_formula",
        NegativeFormula.parse,
        Text("Rumus capaian polaritas negatif", "Achievement formula, negative polarity"),
        Text(
            "Bawaan (2 x target - realisasi) / target (PermenPANRB 6/2022); sebagian instansi memakai "
            "target / realisasi.",
            "Default (2 x target - realisasi) / target (PermenPANRB 6/2022); some offices use target / realisasi.",
        ),
        choices=tuple(formula.value for formula in NegativeFormula),
        show=_show_choice,
    ),
    Setting(
        "skala_kategori",
        "category_scale",
        parse_scale,
        Text("Skala kategori capaian", "Achievement category scale"),
        Text(
            "Tabel 3.1 (Inspektorat Blora, bawaan: > 100 Sangat Baik; >= 85 Baik; >= 65 Cukup; >= 50 Kurang; "
            "Sangat Kurang), Permendagri 86/2017 (> 90 Sangat Tinggi; > 75 Tinggi; > 65 Sedang; > 50 Rendah; "
            "Sangat Rendah), atau skala sendiri dalam bentuk yang sama. Dengan skala sendiri kolom Kategori "
            "templat kosong, tetapi lkjip-xl tetap memeriksanya.",
            "Tabel 3.1 (Inspektorat Blora, default: > 100 Sangat Baik; >= 85 Baik; >= 65 Cukup; >= 50 Kurang; "
            "Sangat Kurang), Permendagri 86/2017 (> 90 Sangat Tinggi; > 75 Tinggi; > 65 Sedang; > 50 Rendah; "
            "Sangat Rendah), or an own scale written the same way. With an own scale the template's Category "
            "column stays empty, but lkjip-xl still checks it.",
        ),
        choices=tuple(scale.name for scale in SCALE_PRESETS),
        show=str,
    ),
    Setting(
        "rumus_efisiensi",
        "efficiency_formula",
        EfficiencyFormula.parse,
        Text("Rumus tingkat efisiensi (Tabel 3.5)", "Efficiency formula (Table 3.5)"),
        Text(
            "Bawaan 100 - serapan. Pilihan lain: capaian - serapan, capaian / serapan (capaian = rata-rata "
            "% capaian sasaran yang didanai anggaran itu).",
            "Default 100 - serapan. Others: capaian - serapan, capaian / serapan (capaian = the mean achievement "
            "of the sasaran that budget funds).",
        ),
        choices=tuple(formula.value for formula in EfficiencyFormula),
        show=_show_choice,
    ),
]

SETTINGS_BY_KEY = {setting.key: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    office: str = ""
    year: int | None = None
    tolerance_percent: float = 0.0
    tolerance_money: float = 0.0
    accept_truncation: bool = True
    negative_indicators: tuple[str, ...] = ()
    negative_formula: NegativeFormula = NegativeFormula.DOUBLE_TARGET
    category_scale: Scale = TABEL_31
    efficiency_formula: EfficiencyFormula = EfficiencyFormula.REMAINDER
    # Where each value came from, for messages: key -> "bawaan" / sheet cell / config file.
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    def with_values(self, values: dict[str, Any], source: str) -> Settings:
        """These settings with ``values`` (keyed as in the sheet and TOML) applied; unknown keys are refused."""
        changes: dict[str, Any] = {}
        sources = dict(self.sources)
        for key, raw in values.items():
            setting = SETTINGS_BY_KEY.get(key)
            if setting is None:
                raise SettingsError(f"{source}: kunci pengaturan tidak dikenal: {key!r}")
            if raw is None or (isinstance(raw, str) and not raw.strip() and setting.attribute != "office"):
                continue
            try:
                changes[setting.attribute] = setting.parse(raw)
            except (ValueError, TypeError):
                raise SettingsError(f"{source}: nilai {raw!r} tidak dapat dipakai untuk {key!r}") from None
            sources[key] = source
        return replace(self, **changes, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        by_attribute = {setting.attribute: setting.key for setting in SETTINGS}
        return {by_attribute[f.name]: getattr(self, f.name) for f in fields(self) if f.name in by_attribute}


def load_config(path: Path) -> dict[str, Any]:
    """The settings of a ``--config`` TOML file, flat keys as in the settings sheet."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise SettingsError(f"{path}: berkas pengaturan tidak dapat dibaca ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: berkas pengaturan bukan TOML yang sah ({error})") from None
