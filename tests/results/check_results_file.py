#!/usr/bin/python3
"""Reads the sample results file (tests/results/sample_results.hpp) the way users do, with h5py,
pandas and xarray (h5netcdf engine), and checks the layout documented in docs/results-format.md.

Usage: check_results_file.py <file.h5> [docs/results-format.md]
With the document, also runs its Python examples (in order, in one namespace) on the file.
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import contextlib
import io
import math
import re
import sys
import traceback
import warnings

try:
    import h5py
    import numpy as np
    import pandas as pd
    import xarray as xr
    import h5netcdf  # noqa: F401  (xarray's engine)
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (install python3-h5py python3-pandas python3-xarray python3-h5netcdf)")
    sys.exit(77)

P, R, M, C, X = 2, 3, 4, 2, 2
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def value(p, r, k):
    """The sample's totals (sample_results.hpp)."""
    return 1000.0 * p + 100.0 * r + k


def check_h5py(path):
    with h5py.File(path, "r") as f:
        # Root attributes: provenance, str not bytes.
        for name in ("scenario", "scenario_file", "bstp_version", "git_revision",
                     "command_line", "created_utc"):
            check(isinstance(f.attrs[name], str), f"attribute {name} is str, got {type(f.attrs[name])}")
        check(f.attrs["format_version"] == 2, "format_version == 2")
        check(f.attrs["Conventions"] == "CF-1.8", "Conventions")
        check(list(f["policy"].asstr()[...]) == ["baseline", "baseline"], "policy of each point")
        check([d[0].name for d in f["policy"].dims] == ["/point"], "policy is on the point dimension")
        check(f["month"].attrs["units"] == "1" and "30.4375" in f["month"].attrs["description"],
              "month is described")
        check(f.attrs["seed"] == 12345, "seed == 12345")
        check("ünïcode" in f.attrs["scenario"], "scenario text is UTF-8")
        check(f.attrs["git_revision"] == "abcdef123456", "git_revision")

        # Dimension scales at the root.
        check(list(f["point"].asstr()[...]) == ["lanes=2", "lanes=4"], "point names")
        check(list(f["replication"][...]) == [0, 1, 2], "replication 0..R-1")
        check(f["replication"].dtype == np.int64, "replication is int64")
        check(list(f["month"][...]) == [1, 2, 3, 4], "month 1..M")
        check(list(f["country"].asstr()[...]) == ["MX", "US"], "country ids")
        check(list(f["crossing"].asstr()[...]) == ["bridge", "río ford"], "crossing ids")
        check("grid:" in f.attrs["sweep"], "sweep attribute holds the sweep file")
        check(list(f["unit"].asstr()[...]) == ["north.1", "north.2", "río patrol"], "unit names")
        check(list(f["organisation"].asstr()[...]) == ["cell_b", "cell_a"], "organisation ids in scenario order")
        for scale in ("point", "replication", "month", "country", "crossing", "unit", "organisation"):
            check(h5py.h5ds.is_scale(f[scale].id), f"/{scale} is a dimension scale")

        # Sweep parameters.
        check(list(f["points"]) == ["lanes", "cohort_size"], "short parameter names in sweep order")
        check(f["points/lanes"].attrs["path"] == "checkpoints.lanes", "dotted path kept as attribute")
        check(list(f["points/lanes"][...]) == [2.0, 4.0], "parameter values")
        check([d[0].name for d in f["points/cohort_size"].dims] == ["/point"],
              "parameters are on the point dimension")

        indicators = list(f["totals"])
        check(indicators == list(f["monthly"]) == list(f["by_country"]),
              "same indicators in every group, in catalogue order")
        k = indicators.index("seizures")
        for group, shape, dims in (("totals", (P, R), ["/point", "/replication"]),
                                   ("monthly", (P, R, M), ["/point", "/replication", "/month"]),
                                   ("by_country", (P, R, C), ["/point", "/replication", "/country"])):
            for name in indicators:
                d = f[group][name]
                check(d.shape == shape, f"{group}/{name} shape {d.shape} == {shape}")
                check(d.dtype == np.float64, f"{group}/{name} is float64")
                check([dim[0].name for dim in d.dims] == dims, f"{group}/{name} dims")
                check(d.attrs["units"] in ("1", "kg", "hours", "hours/kg"), f"{group}/{name} UDUNITS units")
                check(isinstance(d.attrs["display_units"], str), f"{group}/{name} display_units")
                check(isinstance(d.attrs["long_name"], str) and d.attrs["long_name"],
                      f"{group}/{name} long_name")
                check(math.isnan(d.attrs["_FillValue"]) and math.isnan(d.fillvalue),
                      f"{group}/{name} _FillValue NaN")
                check(d.fletcher32, f"{group}/{name} has the Fletcher32 checksum")
                check(isinstance(d.attrs["description"], str) and d.attrs["description"],
                      f"{group}/{name} description is a non-empty str")
        check(f["totals/mean_crossing_delay_hours"].attrs["units"] == "hours", "units of hours")
        check(f["totals/seizures"].attrs["units"] == "1", "counts are dimensionless")
        check(f["totals/seizures"].attrs["display_units"] == "count", "unit word kept")
        check(f["totals/training_cost_usd"].attrs["display_units"] == "USD", "USD kept as display unit")

        # Per-crossing flow.
        kg = f["by_crossing/kg"]
        check(kg.shape == (P, R, X), f"by_crossing/kg shape {kg.shape}")
        check(kg.dtype == np.float64, "by_crossing/kg is float64")
        check([d[0].name for d in kg.dims] == ["/point", "/replication", "/crossing"],
              "by_crossing/kg dims")
        check(kg.attrs["units"] == "kg", "by_crossing/kg units")
        check(kg[1, 1, 1] == value(1, 1, 0) + 20.0, "by_crossing/kg[1, 1, 1]")
        check(math.isnan(kg[1, 2, 0]), "by_crossing/kg NaN for a replication not done")
        monthly_kg = f["by_crossing_monthly/kg"]
        check(monthly_kg.shape == (P, R, X, M), f"by_crossing_monthly/kg shape {monthly_kg.shape}")
        check([d[0].name for d in monthly_kg.dims] == ["/point", "/replication", "/crossing", "/month"],
              "by_crossing_monthly/kg dims")
        check(monthly_kg[1, 1, 1, 3] == (value(1, 1, 0) + 20.0) / 8.0 + 3.0, "by_crossing_monthly/kg[1, 1, 1, 3]")
        check(math.isnan(monthly_kg[1, 2, 0, 0]), "by_crossing_monthly/kg NaN for a replication not done")
        # Seizures at each crossing (sample: 10 p + r + x + 1, their kg 100 x that + 0.5).
        for name, unit, expected in (("seizures", "1", 10 + 1 + 2), ("seized_kg", "kg", 100 * (10 + 1 + 2) + 0.5)):
            d = f["by_crossing/" + name]
            check(d.shape == (P, R, X) and [s[0].name for s in d.dims] == ["/point", "/replication", "/crossing"],
                  f"by_crossing/{name} shape and dims")
            check(d.attrs["units"] == unit and d.attrs["cell_methods"] == "crossing: point", f"by_crossing/{name} attrs")
            check(d[1, 1, 1] == expected, f"by_crossing/{name}[1, 1, 1] == {expected}: {d[1, 1, 1]}")
            check(math.isnan(d[1, 2, 0]), f"by_crossing/{name} NaN for a replication not done")
            dm = f["by_crossing_monthly/" + name]
            check(dm.shape == (P, R, X, M) and [s[0].name for s in dm.dims] == ["/point", "/replication", "/crossing", "/month"],
                  f"by_crossing_monthly/{name} shape and dims")
            per_month = expected + 3.0 if name == "seizures" else expected / 4.0 + 3.0
            check(dm[1, 1, 1, 3] == per_month, f"by_crossing_monthly/{name}[1, 1, 1, 3] == {per_month}: {dm[1, 1, 1, 3]}")

        # Per patrol unit and per organisation (sample: 1000 p + 100 r + 10 k + u, organisations + 0.5).
        for group, dim, names, size, extra in (("by_unit", "unit", ["detections", "seizures", "bribes", "violent_incidents"], 3, 0.0),
                                              ("by_organisation", "organisation", ["shipments", "seizures", "seized_kg",
                                                                                   "delivered_kg", "deterred_shipments"], 2, 0.5)):
            check(list(f[group]) == names, f"{group} measures in order: {list(f[group])}")
            for j, name in enumerate(names):
                d = f[group + "/" + name]
                check(d.shape == (P, R, size) and [s[0].name for s in d.dims] == ["/point", "/replication", "/" + dim],
                      f"{group}/{name} shape and dims")
                check(d.attrs["cell_methods"] == dim + ": point" and d.attrs["units"] == ("kg" if name.endswith("kg") else "1"),
                      f"{group}/{name} attrs")
                expected = 1000 + 100 + 10 * j + 1 + extra
                check(d[1, 1, 1] == expected, f"{group}/{name}[1, 1, 1] == {expected}: {d[1, 1, 1]}")
                check(math.isnan(d[1, 2, 0]), f"{group}/{name} NaN for a replication not done")

        seizures = f["totals/seizures"][...]
        check(seizures[1, 0] == value(1, 0, k), f"totals/seizures[1, 0] == {value(1, 0, k)}")
        check(math.isnan(seizures[1, 2]), "replication not done is NaN")
        check(math.isclose(f["monthly/seizures"][0, 1, 2], value(0, 1, k) + 0.03),
              "monthly/seizures[0, 1, 2]")
        check(f["by_country/seizures"][1, 1, 1] == value(1, 1, k) + 1.0, "by_country/seizures[1, 1, 1]")
        check(math.isnan(f["monthly/interdiction_rate"][0, 0, 0]), "undefined monthly value is NaN")

        check(f["run/completed"][...].tolist() == [[1, 1, 1], [1, 1, 0]], "run/completed")
        check(f["run/events"][0, 1] == 10001, "run/events")

        # The pandas recipe of docs/results-format.md.
        points = f["point"].asstr()[...]
        frame = pd.DataFrame({name: f["totals"][name][...].ravel() for name in f["totals"]},
                             index=pd.MultiIndex.from_product(
                                 [points, f["replication"][...]], names=["point", "replication"]))
        check(frame.shape == (P * R, len(indicators)), "pandas frame shape")
        check(frame.loc[("lanes=4", 0), "seizures"] == value(1, 0, k), "pandas frame value")
        check(math.isnan(frame.loc[("lanes=4", 2), "seizures"]), "pandas frame NaN")


def check_xarray(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        root = xr.open_dataset(path, engine="h5netcdf")
        check(list(root["point"].values) == ["lanes=2", "lanes=4"], "xarray point coordinate")
        check(isinstance(root["point"].values[0], str), "xarray point names are str")
        check(list(root["month"].values) == [1, 2, 3, 4], "xarray month coordinate")
        check(root.attrs["seed"] == 12345 and isinstance(root.attrs["command_line"], str),
              "xarray root attributes")

        expected_dims = {"totals": ("point", "replication"),
                         "monthly": ("point", "replication", "month"),
                         "by_country": ("point", "replication", "country")}
        for group, dims in expected_dims.items():
            ds = xr.open_dataset(path, engine="h5netcdf", group=group, decode_timedelta=False)
            check(ds["seizures"].dims == dims, f"xarray {group}/seizures dims {ds['seizures'].dims}")
            check(isinstance(ds["seizures"].attrs["units"], str), f"xarray {group} units is str")
            check(ds["mean_crossing_delay_hours"].dtype == np.float64,
                  "decode_timedelta=False keeps hours as float64")

        # The recipe of docs/results-format.md: coordinates from the root.
        totals = xr.open_dataset(path, engine="h5netcdf", group="totals", decode_timedelta=False)
        totals = totals.assign_coords({d: root[d] for d in totals.dims})
        k = list(totals.data_vars).index("seizures")
        check(float(totals["seizures"].sel(point="lanes=4", replication=0)) == value(1, 0, k),
              "xarray value by label")
        check(math.isnan(float(totals["seizures"].sel(point="lanes=4", replication=2))),
              "xarray NaN for a replication not done")
        check(totals["seizures"].mean("replication").sel(point="lanes=2") == value(0, 1, k),
              "xarray mean over replications")

        flow = xr.open_dataset(path, engine="h5netcdf", group="by_crossing")
        flow = flow.assign_coords({d: root[d] for d in flow.dims})
        check(flow["kg"].dims == ("point", "replication", "crossing"), "xarray by_crossing dims")
        check(float(flow["kg"].sel(point="lanes=4", replication=1, crossing="bridge")) ==
              value(1, 1, 0) + 10.0, "xarray by_crossing value by label")

        units = xr.open_dataset(path, engine="h5netcdf", group="by_unit")
        units = units.assign_coords({d: root[d] for d in units.dims})
        check(units["seizures"].dims == ("point", "replication", "unit"), "xarray by_unit dims")
        check(float(units["seizures"].sel(point="lanes=4", replication=1, unit="río patrol")) == 1000 + 100 + 10 + 2,
              "xarray by_unit value by label")

        params = xr.open_dataset(path, engine="h5netcdf", group="points")
        check(params["lanes"].dims == ("point",), "xarray parameter dims")
        check(list(root["policy"].values) == ["baseline", "baseline"] and "policy" in root.coords,
              "xarray reads policy as a root coordinate")
        grid = totals.assign_coords(policy=root["policy"], **{n: params[n] for n in params.data_vars})
        grid = grid.set_index(point=["policy", "lanes", "cohort_size"]).unstack("point")
        check(float(grid["seizures"].sel(policy="baseline", lanes=4.0, cohort_size=20.0, replication=0)) ==
              value(1, 0, k), "policy x parameter grid by sel")

        monthly = xr.open_dataset(path, engine="h5netcdf", group="monthly")
        check(monthly["seizures"].sizes == {"point": P, "replication": R, "month": M},
              "xarray monthly sizes")
        # Without decode_timedelta=False, xarray reads units "hours" as a duration.
        check(np.issubdtype(monthly["mean_crossing_delay_hours"].dtype, np.timedelta64),
              "default xarray decoding turns hours into timedelta64 (documented)")


def check_doc_examples(path, doc):
    """The ```python blocks of the format document must run on a real file."""
    with open(doc, encoding="utf-8") as stream:
        blocks = re.findall(r"```python\n(.*?)```", stream.read(), re.S)
    check(len(blocks) >= 4, f"{doc} has Python examples")
    namespace = {}
    for number, block in enumerate(blocks, 1):
        code = block.replace('"results.h5"', repr(path))
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore", DeprecationWarning)
                exec(compile(code, f"{doc} example {number}", "exec"), namespace)
        except Exception:  # noqa: BLE001 - report any failure of the example
            traceback.print_exc()
            check(False, f"{doc} example {number} runs")


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__)
        return 2
    check_h5py(sys.argv[1])
    check_xarray(sys.argv[1])
    if len(sys.argv) == 3:
        check_doc_examples(sys.argv[1], sys.argv[2])
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("results file OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
