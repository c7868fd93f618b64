"""Reports as offices submit them: a Word file (.docx) or a PDF, read into the same snapshot as a workbook.

preflight.py tells a document from a workbook by its first bytes and refuses what cannot be read (a scanned
PDF, a Word 97-2003 .doc, an encrypted or damaged file); docx.py and pdf.py turn each table of the document
into one sheet of a ``DocumentSnapshot`` (text as printed, merged cells as merged ranges), remembering where
it came from (``TablePlace``); check.py runs the free-form reader and the checks on it and puts the page,
caption and printed row on every finding.
"""

from .check import check_document
from .preflight import document_kind

__all__ = ["check_document", "document_kind"]
