"""The reader: HDF5 datasets to xarray Datasets with every coordinate attached."""
import re

import h5py
import numpy as np
import pandas as pd
import xarray as xr

# Groups of indicator datasets and the dimensions after (point, replication).
GROUPS = {"totals": (), "monthly": ("month",), "by_country": ("country",), "by_crossing": ("crossing",),
          "by_crossing_monthly": ("crossing", "month"), "by_unit": ("unit",), "by_organisation": ("organisation",),
          "run": ()}
SCALES = ("point", "replication", "month", "country", "crossing", "unit", "organisation")


class Results:
    """One results file: `totals`, `monthly`, `by_country`, `by_crossing` (`kg` through each
    crossing, and `seizures` and `seized_kg` at it, absent from older files), `by_crossing_monthly`
    (the same per crossing and month; absent from older files), `by_unit` (detections, seizures,
    bribes and violent incidents of each patrol unit), `by_organisation` (shipments, seizures,
    seized and delivered kg and deterred shipments of each organisation; both None in older
    files) and `run` are xarray Datasets whose dimensions carry their coordinates (point,
    replication, month, country, crossing, unit, organisation) plus `policy` and one coordinate
    per swept parameter along `point`.
    `attrs` holds the root attributes (provenance), `parameters` maps each swept parameter's
    short name to its dotted scenario path."""

    def __init__(self, path, attrs, groups, parameters):
        self.path = path
        self.attrs = attrs
        self.parameters = parameters
        self.totals = groups.get("totals")
        self.monthly = groups.get("monthly")
        self.by_country = groups.get("by_country")
        self.by_crossing = groups.get("by_crossing")
        self.by_crossing_monthly = groups.get("by_crossing_monthly")  # None in files written before it
        self.by_unit = groups.get("by_unit")  # None in files written before the per-unit results
        self.by_organisation = groups.get("by_organisation")  # likewise
        self.run = groups.get("run")

    def __getitem__(self, group):
        return getattr(self, group)

    @property
    def format_version(self):
        return int(self.attrs.get("format_version", 1))

    @property
    def policies(self):
        """Policy names in file order, each once."""
        return list(dict.fromkeys(self.totals["policy"].values.tolist()))

    @property
    def is_sweep(self):
        return bool(self.parameters)

    def grid(self, indicator, group="totals"):
        """One indicator with `point` unfolded into (policy, parameter, ...) dimensions: a
        policy x parameter grid for sweeps (NaN where the design has no such point)."""
        da = self[group][indicator]
        keys = ["policy", *self.parameters]
        if len(keys) == 1:
            return da.drop_indexes("policy").swap_dims(point="policy").drop_vars("point")
        return da.drop_vars("point").set_index(point=keys).unstack("point")

    def scenario(self):
        """The resolved scenario embedded in the file, parsed (needs python3-yaml)."""
        import yaml
        return yaml.safe_load(self.attrs.get("scenario", "")) or {}

    def __repr__(self):
        return (f"<bstp_results.Results {self.path!r}: format {self.format_version}, "
                f"{self.totals.sizes['point']} points x {self.totals.sizes['replication']} replications, "
                f"{len(self.totals.data_vars)} indicators>")


def _str(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _strings(dataset):
    return [_str(v) for v in dataset[...].tolist()]


def _attrs(obj):
    out = {}
    for key, value in obj.attrs.items():
        if key in ("DIMENSION_LIST", "REFERENCE_LIST", "CLASS", "NAME", "_Netcdf4Dimid", "_Netcdf4Coordinates"):
            continue
        if isinstance(value, np.ndarray) and value.dtype.kind in "OS":
            value = [_str(v) for v in value.tolist()]
        elif isinstance(value, np.generic):
            value = value.item()
        out[key] = _str(value)
    return out


def _dims(dataset):
    """Dimension names of a dataset from its attached scales (`/point` -> `point`)."""
    names = []
    for dim in dataset.dims:
        scale = dim[0].name if len(dim) else ""
        names.append(scale.rsplit("/", 1)[-1])
    return tuple(names)


def _short_names(paths):
    """Short names for dotted paths (format 1 files): the last component, or as many trailing
    components as make it unique."""
    names = {}
    for path in paths:
        parts = path.split(".")
        for k in range(1, len(parts) + 1):
            name = "_".join(parts[-k:])
            if not any(other != path and "_".join(other.split(".")[-k:]) == name for other in paths):
                break
        name = re.sub(r"\W", "_", name)
        if name[:1].isdigit() or name in (*SCALES, "policy"):  # as format 2 names them
            name = "p_" + name
        names[path] = name
    return names


def _policies(f, points, has_parameters):
    if "policy" in f and isinstance(f["policy"], h5py.Dataset):
        return _strings(f["policy"])
    if not has_parameters:
        return list(points)  # `bstp run`: one point per policy
    # Format 1 sweeps: labels are "policy name=value ..."; without policies, the sweep's only one.
    default = ""
    sweep = _str(f.attrs.get("sweep", ""))
    match = re.search(r"^policies:\s*\[\s*([\w-]+)\s*\]", sweep, re.M)
    if match:
        default = match.group(1)
    return [p.split(" ", 1)[0] if p and "=" not in p.split(" ", 1)[0] else default for p in points]


def _parameters(f):
    """{short name: (dotted path, values)} of the swept parameters, in sweep order."""
    if "points" not in f:
        return {}
    group = f["points"]
    out = {}
    version = int(f.attrs.get("format_version", 1))
    paths = list(group)
    short = _short_names(paths) if version < 2 else {}
    for name in paths:
        dataset = group[name]
        path = _str(dataset.attrs.get("path", name))
        out[short.get(name, name)] = (path, dataset[...], _attrs(dataset))
    return out


def open(path):  # noqa: A001 - mirrors builtins.open and xarray.open_dataset
    """Reads a bstp results file (format 1 or 2) into a `Results` with coordinates attached."""
    with h5py.File(path, "r") as f:
        version = int(f.attrs.get("format_version", 0))
        if version not in (1, 2):
            raise ValueError(f"{path}: format_version {version}: this reader knows 1 and 2")
        coords = {}
        for scale in SCALES:
            if scale in f:
                values = f[scale][...]
                coords[scale] = xr.Variable(scale, _strings(f[scale]) if values.dtype.kind in "OS" else values,
                                            _attrs(f[scale]))
        points = coords["point"].values.tolist()
        parameters = _parameters(f)
        point_coords = {"policy": xr.Variable("point", np.array(_policies(f, points, bool(parameters)), dtype=object),
                                              {"long_name": "policy"})}
        for name, (dotted, values, attrs) in parameters.items():
            attrs = dict(attrs)
            attrs.setdefault("path", dotted)
            point_coords[name] = xr.Variable("point", values, attrs)
        groups = {}
        for group in GROUPS:
            if group not in f:
                continue
            variables = {}
            for name, dataset in f[group].items():
                if not isinstance(dataset, h5py.Dataset):
                    continue
                variables[name] = xr.Variable(_dims(dataset), dataset[...], _attrs(dataset))
            dims = {d for v in variables.values() for d in v.dims}
            ds = xr.Dataset(variables, attrs=_attrs(f[group]))
            ds = ds.assign_coords({d: coords[d] for d in dims if d in coords})
            if "point" in dims:
                ds = ds.assign_coords(point_coords).set_xindex("policy")  # ds.sel(policy="trained")
            groups[group] = ds
        attrs = _attrs(f)
    return Results(path, attrs, groups, {name: v[0] for name, v in parameters.items()})


def to_frame(path, group="totals"):
    """A tidy pandas frame of one group: one row per point and replication (and month, country,
    crossing, unit or organisation), columns `point`, `policy`, the swept parameters, `replication`, the group's
    extra dimension, then one column per indicator. NaN where a value is undefined or a
    replication was not done."""
    results = path if isinstance(path, Results) else open(path)
    ds = results[group]
    if ds is None:
        raise KeyError(f"{results.path}: no group '{group}'")
    frame = ds.to_dataframe().reset_index()
    leading = ["point", "policy", *results.parameters, "replication", *GROUPS[group]]
    leading = [c for c in leading if c in frame.columns]
    return frame[leading + [c for c in frame.columns if c not in leading]]

