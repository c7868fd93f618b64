"""Bahasa Indonesia first, English on request: one ``Text`` holds both, and numbers follow the language."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any, Literal

from .numbers import format_money, format_percent, format_value

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")


class _Formatter(string.Formatter):
    """``{x:rp}`` money, ``{x:pct}`` percent, ``{x:num}`` a plain number, in the language's style."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None and format_spec in ("rp", "pct", "num"):
            return "-"
        if format_spec == "rp":
            return format_money(float(value), self.lang)
        if format_spec == "pct":
            return format_percent(float(value), self.lang)
        if format_spec == "num":
            return format_value(float(value), self.lang)
        if isinstance(value, (Text, Phrase, Num)):
            return value.render(self.lang)
        if isinstance(value, (list, tuple)):
            return self.join(value)
        return super().format_field(value, format_spec)

    def join(self, values: list | tuple) -> str:
        items = [self.format_field(value, "") for value in values]
        if len(items) <= 1:
            return "".join(items)
        word = " atau " if self.lang == "id" else " or "
        return ", ".join(items[:-1]) + word + items[-1]


@dataclass(frozen=True)
class Text:
    id: str
    en: str

    def __call__(self, lang: Lang = "id", **params: Any) -> str:
        template = self.en if lang == "en" else self.id
        return _Formatter(lang).format(template, **params) if params else template

    def render(self, lang: Lang) -> str:
        return self(lang)

    def with_params(self, **params: Any) -> Phrase:
        return Phrase(self, params)


@dataclass(frozen=True)
class Phrase:
    """A text with its parameters bound, rendered later in whatever language the output needs."""

    text: Text
    params: dict

    def render(self, lang: Lang) -> str:
        return self.text(lang, **self.params)


@dataclass(frozen=True)
class Num:
    """A number in a message, written in the language's style: ``unit`` is rupiah, percent or value;
    ``decimals`` overrides the unit's usual number of decimals."""

    value: float
    unit: str = "value"
    decimals: int | None = None

    def render(self, lang: Lang) -> str:
        if self.unit == "rupiah":
            return format_money(self.value, lang, self.decimals)
        if self.unit == "percent":
            return format_percent(self.value, lang, 2 if self.decimals is None else self.decimals)
        return format_value(self.value, lang, self.decimals)
