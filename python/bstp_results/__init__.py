"""Read bstp results files (docs/results-format.md) into xarray and pandas in one call.

    import bstp_results
    r = bstp_results.open("trained.h5")
    r.totals["seized_kg"].sel(policy="trained").mean("replication")
    frame = bstp_results.to_frame("trained.h5")          # one row per point and replication

Reads format_version 1 and 2. Needs Debian's python3-h5py, python3-numpy, python3-xarray and
python3-pandas (and python3-yaml for `Results.scenario()`).
"""
from .reader import GROUPS, Results, open, to_frame  # noqa: A004 - `open` is the package's verb

__all__ = ["GROUPS", "Results", "open", "to_frame"]
