#!/usr/bin/python3
"""Compares two bstp results files (docs/results-format.md) bit for bit.

Usage: compare_results.py A.h5 B.h5 [--ignore-attribute NAME]... [--ignore-timing DATASET]...

Every group, dataset (shape, dtype, bytes), dimension-scale attachment and attribute must be the
same, in the same order, except the provenance attributes created_utc and command_line (and
any --ignore-attribute), and the dataset /run/wall_seconds (and any --ignore-timing), which is
timing, not data.
Exit 0 = same, 1 = different (each difference printed), 2 = usage, 77 = h5py missing.
"""
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (install python3-h5py)")
    sys.exit(77)

PROVENANCE = {"created_utc", "command_line"}
TIMING = {"/run/wall_seconds"}
REFERENCES = {"DIMENSION_LIST", "REFERENCE_LIST"}  # object references: compared via dims below


def same_value(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
        return False
    if a.dtype.kind == "O":
        return [x.decode() if isinstance(x, bytes) else x for x in a.ravel()] == \
               [x.decode() if isinstance(x, bytes) else x for x in b.ravel()]
    return a.dtype == b.dtype and a.tobytes() == b.tobytes()


def compare_attributes(a, b, where, ignore, differences):
    names_a = [n for n in a.attrs if n not in ignore and n not in REFERENCES]
    names_b = [n for n in b.attrs if n not in ignore and n not in REFERENCES]
    if names_a != names_b:
        differences.append(f"{where}: attributes {names_a} vs {names_b}")
        return
    for name in names_a:
        if not same_value(a.attrs[name], b.attrs[name]):
            differences.append(f"{where}: attribute {name} differs")


def compare(a, b, ignore, differences):
    compare_attributes(a, b, a.name, ignore, differences)
    if list(a) != list(b):
        differences.append(f"{a.name}: members {list(a)} vs {list(b)}")
        return
    for name in a:
        x, y = a[name], b[name]
        if isinstance(x, h5py.Group) != isinstance(y, h5py.Group):
            differences.append(f"{x.name}: a group in one file, a dataset in the other")
        elif isinstance(x, h5py.Group):
            compare(x, y, ignore - PROVENANCE, differences)
        else:
            compare_attributes(x, y, x.name, ignore - PROVENANCE, differences)
            dims_x = [[s.name for s in d.values()] for d in x.dims]
            dims_y = [[s.name for s in d.values()] for d in y.dims]
            if dims_x != dims_y:
                differences.append(f"{x.name}: dimensions {dims_x} vs {dims_y}")
            if x.name in TIMING:
                continue
            if x.shape != y.shape or x.dtype != y.dtype:
                differences.append(f"{x.name}: {x.shape} {x.dtype} vs {y.shape} {y.dtype}")
            elif not same_value(x[...], y[...]):
                differences.append(f"{x.name}: values differ")


def main(argv):
    args, ignore = [], set(PROVENANCE)
    i = 1
    while i < len(argv):
        if argv[i] == "--ignore-timing" and i + 1 < len(argv):
            TIMING.add(argv[i + 1])
            i += 2
        elif argv[i] == "--ignore-attribute" and i + 1 < len(argv):
            ignore.add(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print(__doc__)
        return 2
    differences = []
    with h5py.File(args[0], "r") as a, h5py.File(args[1], "r") as b:
        compare(a, b, ignore, differences)
    for d in differences:
        print("DIFFERENT:", d)
    if differences:
        print(f"{args[0]} and {args[1]}: {len(differences)} difference(s)")
        return 1
    print(f"{args[0]} and {args[1]}: same data")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
