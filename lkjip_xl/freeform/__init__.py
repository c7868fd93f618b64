"""Free-form workbooks: LKjIP tables pasted from a report, without the template.

detect.py finds the tables on any sheet (captions, header words, repeated page headers), headers.py reads
their headers, view.py shows a found table in the template's layout so the template's reader reads it,
levels.py guesses program / kegiatan / sub kegiatan where the rows carry no code, and extract.py puts it
together into the same Document the template gives.
"""

from .extract import FreeformRead, extract_freeform

__all__ = ["FreeformRead", "extract_freeform"]
