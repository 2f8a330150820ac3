#!/usr/bin/python3
"""python/bstp_results on both file formats: a format 1 sweep file written here with h5py in the
layout docs/results-format.md gives for version 1 (policy only inside point names, dotted
parameter names), and a format 2 file that `bstp sweep` writes. Checks the coordinates
(policy, short parameter names), selection by policy, the policy x parameter grid, to_frame,
and that the values are the file's.

Usage: check_reader.py BSTP WORKDIR PYTHONDIR
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import os
import subprocess
import sys

try:
    import h5py
    import numpy as np
    import pandas  # noqa: F401
    import xarray  # noqa: F401
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

checks = {"passed": 0, "failed": 0}


def check(condition, what):
    checks["passed" if condition else "failed"] += 1
    if not condition:
        print("FAIL:", what)


def write_v1(path):
    """A format 1 sweep: 3 points x 2 replications, one parameter, one indicator, one month."""
    string = h5py.string_dtype()
    with h5py.File(path, "w") as f:
        f.attrs["format_version"] = np.int64(1)
        f.attrs["sweep"] = "scenario: x.yaml\npolicies: [baseline, trained]\n"
        f.attrs["scenario"] = "scenario: {name: v1}\n"
        point = f.create_dataset("point", data=["baseline seats=20", "trained seats=20", "trained seats=40"],
                                 dtype=string)
        replication = f.create_dataset("replication", data=np.arange(2, dtype=np.int64))
        month = f.create_dataset("month", data=np.array([1], dtype=np.int64))
        for scale in (point, replication, month):
            scale.make_scale(scale.name[1:])
        seats = f.create_dataset("points/training.programs.creompaz_basic.cohorts.0.seats", data=[20.0, 20.0, 40.0])
        seats.dims[0].attach_scale(point)
        kg = f.create_dataset("totals/seized_kg", data=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, np.nan]]))
        kg.attrs["units"] = "kg"
        kg.dims[0].attach_scale(point)
        kg.dims[1].attach_scale(replication)
        monthly = f.create_dataset("monthly/seized_kg", data=np.arange(6.0).reshape(3, 2, 1))
        for axis, scale in enumerate((point, replication, month)):
            monthly.dims[axis].attach_scale(scale)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    bstp, work, python_dir = (os.path.abspath(a) for a in sys.argv[1:])
    sys.path.insert(0, python_dir)
    import bstp_results

    os.makedirs(work, exist_ok=True)
    v1 = os.path.join(work, "sweep_v1.h5")
    write_v1(v1)
    r = bstp_results.open(v1)
    check(r.format_version == 1, "format 1 file")
    check(r.policies == ["baseline", "trained"], f"v1 policies from point names: {r.policies}")
    check(r.parameters == {"seats": "training.programs.creompaz_basic.cohorts.0.seats"},
          f"v1 short parameter names: {r.parameters}")
    trained = r.totals["seized_kg"].sel(policy="trained")
    check(trained.sizes["point"] == 2 and float(trained.sum()) == 12.0, "v1 sel(policy=...)")
    grid = r.grid("seized_kg")
    check(set(grid.dims) == {"policy", "seats", "replication"}, f"v1 grid dims {grid.dims}")
    check(np.isnan(float(grid.sel(policy="baseline", seats=40.0, replication=0))), "v1 grid: NaN where no point")
    check(float(grid.sel(policy="trained", seats=40.0, replication=0)) == 5.0, "v1 grid value")
    frame = bstp_results.to_frame(v1)
    check(list(frame.columns) == ["point", "policy", "seats", "replication", "seized_kg"],
          f"v1 to_frame columns {list(frame.columns)}")
    check(len(frame) == 6 and frame["seized_kg"].isna().sum() == 1, "v1 to_frame rows and NaN")
    check(bstp_results.to_frame(v1, "monthly")["month"].tolist() == [1] * 6, "v1 monthly frame has month")

    v2 = os.path.join(work, "sweep_v2.h5")
    subprocess.run([bstp, "sweep", "tests/experiments/sweeps/small.yaml", "--force", "--out", v2], check=True,
                   stdout=subprocess.DEVNULL)
    r = bstp_results.open(v2)
    with h5py.File(v2, "r") as f:
        version = int(f.attrs["format_version"])
        seized = f["totals/seized_kg"][...]
        countries = list(f["country"].asstr()[...])
    check(r.format_version == version >= 2, f"bstp writes format {version}; the reader says {r.format_version}")
    check(r.policies == ["baseline", "trained"], f"v2 policies {r.policies}")
    check(list(r.parameters) == ["seats", "share_trained"], f"v2 parameters {r.parameters}")
    check(r.parameters["share_trained"] == "countries.GT.police.share_trained", "v2 dotted path kept")
    check(np.array_equal(r.totals["seized_kg"].values, seized, equal_nan=True), "v2 values are the file's")
    check(list(r.by_country["country"].values) == countries, "country coordinate")
    check(r.grid("seized_kg").sizes == {"replication": 4, "policy": 2, "seats": 2, "share_trained": 2},
          f"v2 grid sizes {dict(r.grid('seized_kg').sizes)}")
    check("crossing" in bstp_results.to_frame(v2, "by_crossing").columns, "by_crossing frame")
    check(r.by_crossing_monthly is not None, "a file of this build has by_crossing_monthly")
    check(r.by_crossing_monthly["kg"].dims == ("point", "replication", "crossing", "month"), "by_crossing_monthly dims")
    check(np.allclose(r.by_crossing_monthly["kg"].sum("month", skipna=False).values, r.by_crossing["kg"].values, equal_nan=True),
          "by_crossing_monthly sums to by_crossing over months")
    check({"crossing", "month"} <= set(bstp_results.to_frame(v2, "by_crossing_monthly").columns), "by_crossing_monthly frame")
    # Seizures at each crossing: a seizure counts at one crossing at most.
    for name, total in (("seizures", "seizures"), ("seized_kg", "seized_kg")):
        at = r.by_crossing[name]
        check(at.dims == ("point", "replication", "crossing"), f"by_crossing {name} dims")
        summed, whole = at.sum("crossing").values, r.totals[total].values
        check(bool((summed <= whole + 1e-9 * np.abs(whole)).all()),
              f"by_crossing {name} summed over crossings is at most /totals/{total}")
        check(np.allclose(r.by_crossing_monthly[name].sum("month").values, at.values, equal_nan=True),
              f"by_crossing_monthly {name} sums to by_crossing {name}")
    check(float(r.by_crossing["seizures"].sum()) > 0, "seizures at crossings in the sweep")
    # Per patrol unit and per organisation: the organisations sum to the totals, the units' seizures
    # to at most them; format 1 files have neither.
    check(r.by_unit is not None and r.by_unit["detections"].dims == ("point", "replication", "unit"), "by_unit dims")
    check(r.by_organisation is not None and list(r.by_organisation["organisation"].values) == list(r.scenario()["organisations"]),
          "organisations in scenario order")
    for name in ("shipments", "seizures", "seized_kg", "delivered_kg", "deterred_shipments"):
        check(np.allclose(r.by_organisation[name].sum("organisation").values, r.totals[name].values, rtol=1e-12, equal_nan=True),
              f"by_organisation {name} sums to /totals/{name}")
    check(bool((r.by_unit["seizures"].sum("unit").values <= r.totals["seizures"].values).all()),
          "by_unit seizures summed over units are at most /totals/seizures")
    check({"unit", "detections"} <= set(bstp_results.to_frame(v2, "by_unit").columns), "by_unit frame")
    check(bstp_results.open(v1).by_unit is None and bstp_results.open(v1).by_organisation is None, "format 1: no by_unit")
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    return 1 if checks["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
