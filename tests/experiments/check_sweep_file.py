#!/usr/bin/python3
"""Checks the results files of the test sweeps with h5py: design points, their names and
parameter values, shapes, and the provenance (tests/experiments/sweeps/small.yaml, points.yaml).

Usage: check_sweep_file.py SMALL.h5 POINTS.h5
Exit 0 = pass, 1 = fail, 77 = h5py missing.
"""
import math
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


SEATS = "seats"            # short names; the dotted paths are their `path` attributes
SHARE = "share_trained"


def check_small(path):
    with h5py.File(path, "r") as f:
        names = list(f["point"].asstr()[...])
        expected = [f"{policy} seats={seats} share_trained={share}"
                    for policy in ("baseline", "trained") for seats in (20, 40) for share in ("0.1", "0.3")]
        check(names == expected, f"point names {names}")
        check(list(f["points"]) == [SEATS, SHARE], f"parameters in sweep order: {list(f['points'])}")
        check(f["points"][SEATS].attrs["path"] == "training.programs.creompaz_basic.cohorts.0.seats", "dotted path")
        check(f["points"][SHARE].attrs["path"] == "countries.GT.police.share_trained", "dotted path")
        check(list(f["policy"].asstr()[...]) == ["baseline"] * 4 + ["trained"] * 4, "policy of each point")
        check(list(f["points"][SEATS][...]) == [20, 20, 40, 40] * 2, "seats at each point")
        check(list(f["points"][SHARE][...]) == [0.1, 0.3] * 4, "share_trained at each point")
        check([d[0].name for d in f["points"][SEATS].dims] == ["/point"], "parameters on the point dimension")
        P, R = 8, 4
        M = math.ceil(120 / 30.4375)
        check(list(f["replication"][...]) == list(range(R)), "replications 0..3")
        check(f["totals/seizures"].shape == (P, R), f"totals shape {f['totals/seizures'].shape}")
        check(f["monthly/seizures"].shape == (P, R, M), f"monthly shape {f['monthly/seizures'].shape}")
        check(f["by_country/seizures"].shape == (P, R, 2), "by_country shape")
        check(list(f["crossing"].asstr()[...]) == ["paso_del_coyote", "tecun_uman"], "crossing ids")
        check(f["by_crossing/kg"].shape == (P, R, 2), "by_crossing shape")
        check(f["run/completed"][...].all(), "every replication done")
        check(not np.isnan(f["totals/shipments"][...]).any(), "totals filled")
        check(f.attrs["seed"] == 7, "the sweep's seed")
        with open("tests/experiments/sweeps/small.yaml", encoding="utf-8") as s:
            check(f.attrs["sweep"] == s.read(), "the sweep file is stored")
        check("horizon_days: 120" in f.attrs["scenario"], "the scenario has the sweep's set: values")
        # Officers trained follow the swept seats (baseline: one cohort, the first).
        trained = f["totals/officers_trained"][...]
        check(list(trained[:4, 0]) == [20, 20, 40, 40], f"officers_trained follow seats: {trained[:4, 0]}")


def check_points(path):
    with h5py.File(path, "r") as f:
        names = list(f["point"].asstr()[...])
        check(names == ["coordinated seam_penalty=0.2 share_trained=0.5", "coordinated seam_penalty=0.8",
                        "coordinated"], f"points names {names}")
        seam = f["points/seam_penalty"][...]
        share = f[f"points/{SHARE}"][...]
        check(seam[0] == 0.2 and seam[1] == 0.8 and math.isnan(seam[2]), f"seam_penalty {seam}")
        check(share[0] == 0.5 and math.isnan(share[1]) and math.isnan(share[2]), f"share_trained {share}")
        check(f["totals/seizures"].shape == (3, 2), "points shape")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    check_small(sys.argv[1])
    check_points(sys.argv[2])
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("sweep files OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
