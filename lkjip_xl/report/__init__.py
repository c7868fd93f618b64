"""Writers: a report as text, JSON, a summary table, and an annotated copy of the workbook."""
