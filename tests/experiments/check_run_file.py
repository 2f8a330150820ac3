#!/usr/bin/python3
"""Runs `bstp run` once with --out and --format json, then reads the file with h5py and with
xarray and checks that the file's values give the summary's means.

Usage: check_run_file.py BSTP WORKDIR
Exit 0 = pass, 1 = fail, 77 = modules missing.
"""
import json
import math
import os
import subprocess
import sys
import warnings

try:
    import h5py
    import xarray as xr
    import h5netcdf  # noqa: F401  (xarray's engine)
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    bstp, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "run.h5")
    if os.path.exists(path):
        os.remove(path)
    out = subprocess.run([bstp, "run", "scenarios/tutorial.yaml", "--replications", "5", "--out", path,
                          "--format", "json"], check=True, capture_output=True, text=True).stdout
    summary = json.loads(out)["indicators"]
    mean = {(row["indicator"], row["point"]): row["mean"] for row in summary}

    with h5py.File(path, "r") as f:
        points = list(f["point"].asstr()[...])
        check(points == ["baseline", "trained", "coordinated"], f"points {points}")
        for indicator in ("seizures", "seized_kg", "officers_trained", "flow_concentration"):
            values = f["totals"][indicator][...]
            for p, name in enumerate(points):
                row = [float(v) for v in values[p] if not math.isnan(v)]
                in_order = 0.0
                for v in row:  # the summary's order of additions: bit for bit
                    in_order += v
                check(in_order / len(row) == mean[(indicator, name)],
                      f"h5py mean of {indicator} for {name}: {in_order / len(row)} vs {mean[(indicator, name)]}")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        root = xr.open_dataset(path, engine="h5netcdf")
        totals = xr.open_dataset(path, engine="h5netcdf", group="totals", decode_timedelta=False)
        totals = totals.assign_coords({d: root[d] for d in totals.dims})
        for name in ("baseline", "trained"):
            value = float(totals["seized_kg"].sel(point=name).mean("replication"))
            check(math.isclose(value, mean[("seized_kg", name)], rel_tol=1e-12),
                  f"xarray mean of seized_kg for {name}: {value} vs {mean[('seized_kg', name)]}")
        flow = xr.open_dataset(path, engine="h5netcdf", group="by_crossing")
        flow = flow.assign_coords({d: root[d] for d in flow.dims})
        kg = flow["kg"].sel(point="baseline").mean("replication")
        crossings = json.loads(out)["crossings"]
        for row in crossings:
            if row["point"] != "baseline":
                continue
            check(math.isclose(float(kg.sel(crossing=row["crossing"])), row["mean"], rel_tol=1e-12),
                  f"xarray crossing kg of {row['crossing']}")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("run file agrees with the summary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
