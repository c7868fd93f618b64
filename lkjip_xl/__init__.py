"""lkjip-xl: checks the tables of Indonesian LKjIP performance reports kept in Excel."""

from typing import Any

__version__ = "0.1.0"


def main(book: Any = None) -> Any:
    """The Excel ribbon button "Validasi": its VBA runs ``import lkjip_xl; lkjip_xl.main()``.

    xlwings is imported only here, on a click: the headless command never loads it.
    """
    from .excel.button import main as button

    return button(book)
