#!/usr/bin/python3
"""Checks what `bstp run` and `bstp sweep` print for people and for scripts, and the country order
of the results file:
- `--format csv` is one tidy table that pandas.read_csv parses (one row per quantity, point, crossing);
- `--format json` has meta, and lists of indicators and crossings;
- `--format text` fits 100 columns, shows paired differences, never `-0.0`;
- /country is in scenario order and /by_country follows it.

Usage: check_summary_cli.py BSTP WORKDIR   (run from the source directory)
Exit 0 = pass, 1 = fail, 77 = modules missing.
"""
import io
import json
import os
import re
import subprocess
import sys

try:
    import h5py
    import pandas as pd
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (install python3-h5py python3-pandas)")
    sys.exit(77)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def bstp(*args):
    return subprocess.run([BSTP, *args], check=True, capture_output=True, text=True).stdout


def check_text(text, what):
    lines = [line for line in text.splitlines() if not line.startswith("Results written to ")]  # a path
    widest = max(len(line) for line in lines)
    check(widest <= 100, f"{what}: text is {widest} columns wide")
    check("Paired differences from" in text, f"{what}: text shows paired differences")
    negative_zero = re.search(r"-0(\.0*)?(?![\d.])", text)
    check(negative_zero is None and "nan" not in text, f"{what}: no negative zero or nan in the text")


def check_csv(text, what, parameters=()):
    check(not text.startswith("#") and "\n#" not in text, f"{what}: no comment lines")
    frame = pd.read_csv(io.StringIO(text), float_precision="round_trip")
    expected = ["quantity", "unit", "point", "policy", *parameters, "crossing", "patrol_unit", "organisation", "n", "mean", "ci95_low",
                "ci95_high", "diff_vs_first", "diff_ci95_low", "diff_ci95_high", "share"]
    check(list(frame.columns) == expected, f"{what}: columns {list(frame.columns)}")
    check(frame["mean"].dtype == float and frame["n"].dtype == int, f"{what}: numeric columns")
    keys = frame[["quantity", "point", "crossing", "patrol_unit", "organisation"]].fillna("")
    check(not keys.duplicated().any(), f"{what}: one row per quantity, point and crossing, unit or organisation")
    check(set(frame["quantity"]) >= {"seizures", "crossing_kg"}, f"{what}: indicators and crossings")
    shares = frame[frame["quantity"] == "crossing_kg"].groupby("point")["share"].sum()
    check(((shares - 1).abs() < 1e-9).all(), f"{what}: crossing shares sum to 1 per point: {shares.to_dict()}")
    return frame


def main():
    global BSTP
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    BSTP, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)

    for command in ("run", "sweep", "merge", "validate", "phold"):
        text = bstp(command, "--help")
        check("benchmark the kernel" not in text, f"{command} --help without the top-level examples")
        check("ENUM" not in text and "->" not in text, f"{command} --help shows options as words")
    check("--format text|json|csv" in bstp("run", "--help"), "run --help names the formats")

    run = ["run", "scenarios/tutorial.yaml", "--replications", "3"]
    check_text(bstp(*run), "run")
    frame = check_csv(bstp(*run, "--format", "csv"), "run csv")
    summary = json.loads(bstp(*run, "--format", "json"))
    check(list(summary) == ["meta", "indicators", "crossings", "units", "organisations", "costs"], f"json keys {list(summary)}")
    shipments = frame[frame["quantity"] == "organisation_shipments"].groupby("point")["mean"].sum()
    whole = frame[frame["quantity"] == "shipments"].set_index("point")["mean"]
    check(((shipments - whole).abs() < 1e-9).all(), f"csv: the organisations' shipments add up to shipments: {shipments.to_dict()}")
    check(len(summary["units"]) == 4 * 3 and {"patrol_unit", "detections", "seizures"} <= set(summary["units"][0]),
          "json: a row per patrol unit and point")
    icers = summary["costs"]["incremental_cost_effectiveness"]
    check(len(icers) == 2 * 4 and {r["point"] for r in icers} == {"trained", "coordinated"},
          "json: an incremental cost-effectiveness row per policy after the first and effect")
    check(any("over budget" in w for w in summary["costs"]["warnings"]), "json: the tutorial's trained policy is over budget")
    check(set(frame["quantity"]) >= {"icer_usd_per_kg_seized", "programme_cost_usd"}, "csv: costs and ratios")
    meta = summary["meta"]
    check(meta["replications"] == 3 and meta["policies"] == ["baseline", "trained", "coordinated"],
          f"json meta {meta}")
    check(meta["scenario"] == "tutorial", f"json meta names the scenario (scenario.name): {meta['scenario']!r}")
    check(isinstance(summary["crossings"], list), "json crossings is a list")
    seizures = {r["point"]: r["mean"] for r in summary["indicators"] if r["indicator"] == "seizures"}
    csv_seizures = frame[frame["quantity"] == "seizures"].set_index("point")["mean"].to_dict()
    check(seizures == csv_seizures, f"csv and json agree: {seizures} vs {csv_seizures}")
    # The tutorial's watched legs and checkpoint all touch a crossing: its seizures at crossings add
    # up to its seizures, point by point.
    at_crossings = frame[frame["quantity"] == "crossing_seizures"].groupby("point")["mean"].sum().to_dict()
    check(set(at_crossings) == set(seizures) and all(abs(at_crossings[p] - seizures[p]) < 1e-9 for p in seizures),
          f"csv: seizures at crossings add up to seizures: {at_crossings} vs {seizures}")
    json_at = {}
    for row in summary["crossings"]:
        json_at[row["point"]] = json_at.get(row["point"], 0.0) + row["seizures"]["mean"]
    check(all(abs(json_at[p] - seizures[p]) < 1e-9 for p in seizures), f"json: seizures at crossings {json_at}")

    sweep = ["sweep", "tests/experiments/sweeps/small.yaml", "--force", "--out", os.path.join(work, "small.h5")]
    check_text(bstp(*sweep), "sweep")
    check_csv(bstp(*sweep, "--format", "csv"), "sweep csv", parameters=("seats", "share_trained"))

    # Countries in scenario order (GT, MX, BZ, SV, HN; alphabetical would start with BZ), and the
    # per-country values follow: GT trains the most officers in the baseline (two GT-only cohorts).
    path = os.path.join(work, "region.h5")
    bstp("run", "scenarios/bstp-region.yaml", "--policy", "baseline", "--replications", "1", "--force", "--out", path)
    with h5py.File(path, "r") as f:
        countries = list(f["country"].asstr()[...])
        check(countries == ["GT", "MX", "BZ", "SV", "HN"], f"countries in scenario order: {countries}")
        trained = f["by_country/officers_trained"][0, 0, :]
        check(trained[0] > max(trained[1:]), f"GT trains the most officers: {dict(zip(countries, trained))}")
        check(abs(trained.sum() - f["totals/officers_trained"][0, 0]) < 1e-9, "per-country values add up")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("summaries OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
