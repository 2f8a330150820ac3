"""The bstp report: a self-contained HTML page of a results file (docs/report.md)."""
